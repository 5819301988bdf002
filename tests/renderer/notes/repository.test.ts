import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NotesRepository,
  NotesStorageError,
  toStorageError,
} from '../../../src/renderer/src/notes/repository';
import { BACKUP_FORMAT, serializeBackup } from '@shared/notes/backup';
import { canonicalJson, targetKey, type Note } from '@shared/notes/model';
import { notesArbitrary, sampleNote } from '../../shared/notes/arbitraries';
import { freshDatabase } from './fixtures';

function setup(start = '2026-11-28T18:00:00.000Z') {
  let clock = Date.parse(start);
  const { db } = freshDatabase();
  const repository = new NotesRepository(db, () => new Date(clock));
  return { db, repository, advance: (ms: number) => (clock += ms) };
}

const draft = (overrides: Partial<Note> = {}) => {
  const { id, target, body, tags, colour } = sampleNote(overrides);
  return { id, target, body, tags, colour };
};

const canonicalAll = async (repository: NotesRepository) =>
  (await repository.all()).sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonicalJson);

describe('notes repository', () => {
  it('creates, updates and leaves unchanged notes alone', async () => {
    const { repository, advance } = setup();
    const created = await repository.save(draft({ tags: [' #figures', 'Figures', 'check '] }));
    expect(created).toMatchObject({
      createdAt: '2026-11-28T18:00:00.000Z',
      updatedAt: '2026-11-28T18:00:00.000Z',
      tags: ['figures', 'check'],
    });
    advance(1000);
    const same = await repository.save(draft({ tags: ['figures', 'check'] }));
    expect(same.updatedAt).toBe(created.updatedAt);
    const edited = await repository.save(draft({ body: 'changed', tags: ['figures', 'check'] }));
    expect(edited).toMatchObject({
      createdAt: created.createdAt,
      updatedAt: '2026-11-28T18:00:01.000Z',
      body: 'changed',
    });
    // Even with a clock that went backwards, a save makes the note newer.
    advance(-60_000);
    const again = await repository.save(draft({ body: 'changed again' }));
    expect(again.updatedAt > edited.updatedAt).toBe(true);
    expect(await repository.forTarget(sampleNote().target)).toHaveLength(1);
    const state = await repository.changeState();
    expect(state.revision).toBe(3);
  });

  it('moves notes to the trash, restores them, and purges only trash older than 30 days', async () => {
    const { repository, advance } = setup();
    await repository.save(draft({ id: 'a' }));
    await repository.save(draft({ id: 'b' }));
    await repository.moveToTrash('a');
    expect((await repository.live()).map((note) => note.id)).toEqual(['b']);
    expect((await repository.trash()).map((note) => note.id)).toEqual(['a']);
    await repository.restore('a');
    expect((await repository.live()).map((note) => note.id).sort()).toEqual(['a', 'b']);
    await repository.moveToTrash('a');
    advance(29 * 24 * 3600_000);
    await repository.moveToTrash('b');
    expect(await repository.purgeExpired()).toBe(0);
    advance(2 * 24 * 3600_000);
    expect(await repository.purgeExpired()).toBe(1);
    expect((await repository.all()).map((note) => note.id)).toEqual(['b']);
    // Purging on demand never touches live notes.
    await repository.save(draft({ id: 'c' }));
    expect(await repository.purge()).toBe(1);
    expect((await repository.all()).map((note) => note.id)).toEqual(['c']);
  });

  it('export → import into an empty database is lossless (property)', async () => {
    await fc.assert(
      fc.asyncProperty(notesArbitrary, async (notes) => {
        const source = setup();
        await source.db.notes.bulkPut(notes.map((note) => ({ ...note, targetKey: targetKey(note.target) })));
        const { json } = await source.repository.exportBackup();
        const target = setup();
        const summary = await target.repository.applyImport(json);
        expect(summary).toEqual({
          added: notes.length,
          updated: 0,
          conflicts: 0,
          unchanged: 0,
          decisions: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
          items: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
        });
        expect(await canonicalAll(target.repository)).toEqual(await canonicalAll(source.repository));
        // Importing the same backup again changes nothing.
        expect(await target.repository.applyImport(json)).toEqual({
          added: 0,
          updated: 0,
          conflicts: 0,
          unchanged: notes.length,
          decisions: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
          items: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
        });
        source.db.close();
        target.db.close();
      }),
      { numRuns: 30 },
    );
  });

  it('plans an import (dry run) without writing, then merges with the newer copy winning', async () => {
    const { repository } = setup();
    await repository.save(draft({ id: 'mine', body: 'mine' }));
    const before = await canonicalAll(repository);
    const incoming = [
      sampleNote({
        id: 'mine',
        body: 'older copy',
        updatedAt: '2026-11-28T18:00:00.000Z',
        createdAt: '2026-11-28T17:00:00.000Z',
      }),
      sampleNote({ id: 'new-one' }),
    ];
    const text = serializeBackup(incoming, new Date());
    const { summary } = await repository.planImport(text);
    expect(summary).toEqual({
      added: 1,
      updated: 0,
      conflicts: 1,
      unchanged: 0,
      decisions: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
      items: { added: 0, replaced: 0, kept: 0, unchanged: 0 },
    });
    expect(await canonicalAll(repository)).toEqual(before);
    await repository.applyImport(text);
    expect((await repository.get('mine'))?.body).toBe('mine');
    expect(await repository.get('new-one')).toBeDefined();
  });

  it.each([
    ['corrupted', '{"format":"atmintis-notes-backup","version":1,"notes":[', /not valid JSON/],
    ['foreign', JSON.stringify({ type: 'AnnotationCollection', items: [] }), /not an Atmintis notes backup/],
    [
      'damaged',
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: 1,
        exportedAt: '2026-11-28T18:00:00.000Z',
        notes: [{ ...sampleNote(), colour: 'red' }],
      }),
      /notes\[0\] \(id "0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d"\) › colour/,
    ],
    ['oversized', `{"format":"atmintis-notes-backup","pad":"${'x'.repeat(64 * 1024 * 1024)}"}`, /too large/],
  ])('rejects a %s backup with a message and writes nothing', async (_kind, text, message) => {
    const { repository } = setup();
    await repository.save(draft());
    const before = await canonicalAll(repository);
    const revision = (await repository.changeState()).revision;
    const failure = await repository.applyImport(text).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotesStorageError);
    expect((failure as NotesStorageError).reason).toBe('invalid');
    expect((failure as Error).message).toMatch(message);
    expect(await canonicalAll(repository)).toEqual(before);
    expect((await repository.changeState()).revision).toBe(revision);
  });

  it('is all or nothing: a failure part-way through an import writes none of it', async () => {
    const { db, repository } = setup();
    await repository.save(draft({ id: 'kept', body: 'before' }));
    const incoming = Array.from({ length: 20 }, (_, i) => sampleNote({ id: `n${i}` }));
    incoming.push(sampleNote({ id: 'kept', body: 'after', updatedAt: '2030-01-01T00:00:00.000Z' }));
    db.notes.hook('creating', (primaryKey) => {
      if (primaryKey === 'n13') throw new Error('disk failure while writing n13');
    });
    await expect(repository.applyImport(serializeBackup(incoming, new Date()))).rejects.toThrow(
      /disk failure/,
    );
    expect((await repository.all()).map((note) => [note.id, note.body])).toEqual([['kept', 'before']]);
  });

  it('explains a full disk plainly', () => {
    const error = toStorageError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(error.reason).toBe('quota');
    expect(error.message).toMatch(/was not saved/);
  });
});
