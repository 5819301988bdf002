import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { BACKUP_FORMAT, parseBackup } from '@shared/notes/backup';
import { canonicalJson, targetKey, type Note } from '@shared/notes/model';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { BackupScheduler } from '../../../src/renderer/src/notes/backup-scheduler';
import { toDecisionRow } from '../../../src/renderer/src/notes/db';
import { NotesRepository, NotesStorageError } from '../../../src/renderer/src/notes/repository';
import { notesArbitrary, sampleNote } from '../../shared/notes/arbitraries';
import { decisionsArbitrary, sampleDecision } from '../../shared/notes/decision-arbitraries';
import { freshDatabase } from '../notes/fixtures';

function setup(start = '2026-12-07T19:00:00.000Z') {
  let clock = Date.parse(start);
  const { db } = freshDatabase();
  const now = () => new Date(clock);
  return {
    db,
    notes: new NotesRepository(db, now),
    decisions: new DecisionsRepository(db, now),
    advance: (ms: number) => (clock += ms),
  };
}

const canonicalNotes = (notes: Note[]) =>
  [...notes].sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonicalJson);
const byPair = <T extends { a: string; b: string }>(list: T[]) =>
  [...list].sort((x, y) => (`${x.a}\n${x.b}` < `${y.a}\n${y.b}` ? -1 : 1));

describe('decisions in backups, exports and restores', () => {
  it('export → restore into an empty database gives identical notes and decisions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(notesArbitrary, decisionsArbitrary, async (notes, decisions) => {
        const source = setup();
        await source.db.notes.bulkPut(notes.map((note) => ({ ...note, targetKey: targetKey(note.target) })));
        await source.db.decisions.bulkPut(decisions.map(toDecisionRow));
        const exported = await source.notes.exportBackup();
        expect(exported).toMatchObject({ notes: notes.length, decisions: decisions.length });
        const target = setup();
        const summary = await target.notes.applyImport(exported.json);
        expect(summary.decisions).toEqual({ added: decisions.length, replaced: 0, kept: 0, unchanged: 0 });
        expect(canonicalNotes(await target.notes.all())).toEqual(canonicalNotes(await source.notes.all()));
        expect(byPair(await target.decisions.all())).toEqual(byPair(await source.decisions.all()));
        // Restoring the same file again changes nothing.
        expect((await target.notes.applyImport(exported.json)).decisions).toEqual({
          added: 0,
          replaced: 0,
          kept: 0,
          unchanged: decisions.length,
        });
        source.db.close();
        target.db.close();
      }),
      { numRuns: 12 },
    );
    // fake-indexeddb on a shared 2-core machine: a dozen databases take seconds.
  }, 30_000);

  it('restores a version-1 backup (notes only), keeping the decisions here', async () => {
    const { notes, decisions } = setup();
    const mine = await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 16 });
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-11-28T18:00:00.000Z',
      notes: [sampleNote()],
    });
    const summary = await notes.applyImport(text);
    expect(summary).toMatchObject({ added: 1, decisions: { added: 0, replaced: 0, kept: 0, unchanged: 0 } });
    expect(await decisions.all()).toEqual([mine]);
  });

  it('refuses a backup with a corrupted decision, naming record and field, and writes nothing', async () => {
    const { notes, decisions } = setup();
    await notes.save({ ...sampleNote({ id: 'kept' }), body: 'before' });
    await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 16 });
    const before = { notes: await notes.all(), decisions: await decisions.all() };
    const revision = (await notes.changeState()).revision;
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: '2026-12-07T19:00:00.000Z',
      notes: [sampleNote({ id: 'new-note' })],
      decisions: [
        sampleDecision({ a: 'c/1', b: 'd/1' }),
        { ...sampleDecision({ a: 'lists/7', b: 'lists/9' }), score: 'high' },
      ],
    });
    const failure = await notes.applyImport(text).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotesStorageError);
    expect((failure as Error).message).toContain('decisions[1] (records "lists/7" and "lists/9") › score');
    await expect(notes.planImport(text)).rejects.toThrow(/decisions\[1\]/);
    expect(await notes.all()).toEqual(before.notes);
    expect(await decisions.all()).toEqual(before.decisions);
    expect((await notes.changeState()).revision).toBe(revision);
  });

  it('keeps the later decision of a pair decided on both sides and says how many were replaced', async () => {
    const { notes, decisions, advance } = setup();
    // Decided here on 7 December; the backup has an older and a newer decision of other pairs.
    const older = await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 16 });
    await decisions.decide({ a: 'c/1', b: 'd/1', decision: 'same', score: 20 });
    advance(1000);
    const text = (() => {
      const backup = {
        format: BACKUP_FORMAT,
        version: 2,
        exportedAt: '2026-12-08T00:00:00.000Z',
        notes: [],
        decisions: [
          sampleDecision({
            a: 'a/1',
            b: 'b/1',
            decision: 'different',
            created: '2026-12-01T00:00:00.000Z',
            updated: '2026-12-01T00:00:00.000Z',
          }),
          sampleDecision({
            a: 'c/1',
            b: 'd/1',
            decision: 'different',
            note: 'other village',
            created: '2026-12-01T00:00:00.000Z',
            updated: '2026-12-08T00:00:00.000Z',
          }),
        ],
      };
      return JSON.stringify(backup);
    })();
    const { summary } = await notes.planImport(text);
    expect(summary.decisions).toEqual({ added: 0, replaced: 1, kept: 1, unchanged: 0 });
    expect((await notes.applyImport(text)).decisions).toEqual({
      added: 0,
      replaced: 1,
      kept: 1,
      unchanged: 0,
    });
    const after = byPair(await decisions.all());
    expect(after[0]).toEqual(older);
    expect(after[1]).toMatchObject({ a: 'c/1', b: 'd/1', decision: 'different', note: 'other village' });
  });

  it('backs up automatically when only decisions changed, with the decisions in the file', async () => {
    const { notes, decisions } = setup();
    const writes: string[] = [];
    const invoke = vi.fn(async (channel: string, request: unknown) => {
      if (channel !== 'backups.write') return { ok: true, value: { folder: '/b', backups: [] } };
      writes.push((request as { json: string }).json);
      return {
        ok: true,
        value: { written: true, file: { name: 'n.json', createdAt: '', bytes: 1, notes: 0 } },
      };
    }) as unknown as Invoke;
    const scheduler = new BackupScheduler(createApi(invoke), notes, window);
    await scheduler.tick(Number.MAX_SAFE_INTEGER);
    expect(writes).toHaveLength(0);
    await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 16 });
    await scheduler.tick(Number.MAX_SAFE_INTEGER);
    expect(writes).toHaveLength(1);
    const parsed = parseBackup(writes[0] ?? '');
    expect(parsed).toMatchObject({ ok: true, backup: { decisions: [{ a: 'a/1', b: 'b/1' }] } });
  });
});
