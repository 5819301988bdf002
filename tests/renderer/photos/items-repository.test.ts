import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup } from '@shared/notes/backup';
import { canonicalJson, targetKey, type Note } from '@shared/notes/model';
import type { PhotoRef } from '@shared/photos/model';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { CURRENT_SCHEMA_VERSION, toDecisionRow } from '../../../src/renderer/src/notes/db';
import { NotesRepository, NotesStorageError } from '../../../src/renderer/src/notes/repository';
import { ItemsRepository } from '../../../src/renderer/src/photos/items-repository';
import { sampleNote } from '../../shared/notes/arbitraries';
import { freshDatabase, openExisting, SHIPPED_STEPS } from '../notes/fixtures';

const ref = (n: number, page = 0): PhotoRef => ({ sha256: n.toString(16).padStart(64, '0'), page });

function setup(start = '2026-12-07T22:00:00.000Z') {
  let clock = Date.parse(start);
  const { db, indexedDB } = freshDatabase();
  const now = () => new Date(clock);
  return {
    db,
    indexedDB,
    notes: new NotesRepository(db, now),
    items: new ItemsRepository(db, now),
    advance: (ms: number) => (clock += ms),
  };
}

describe('items repository', () => {
  it('creates the items of an import in one counted write, and finds them by photo', async () => {
    const { notes, items } = setup();
    const before = (await notes.changeState()).revision;
    const [a, b] = await items.create([
      { title: 'delo 1', photos: [ref(1), ref(2)] },
      { title: 'delo 2', photos: [ref(3), ref(3, 1)] },
    ]);
    expect((await notes.changeState()).revision).toBe(before + 1);
    expect(await items.all()).toEqual([a, b]);
    expect((await items.forPhoto(ref(3).sha256)).map((item) => item.id)).toEqual([b?.id]);
  });

  it('reorders, edits metadata (EDTF checked), splits and merges without losing a photo', async () => {
    const { items, advance } = setup();
    const [item] = await items.create([{ title: 'f. K-1', photos: [ref(1), ref(2), ref(3), ref(4)] }]);
    const id = item?.id ?? '';
    advance(1000);
    const moved = await items.movePhoto(id, 0, 2);
    expect(moved.photos).toEqual([ref(2), ref(3), ref(1), ref(4)]);
    expect(moved.updatedAt > (item?.updatedAt ?? '')).toBe(true);
    const edited = await items.update(id, { metadata: { fond: 'K-1', opis: '58', date: '1949-03' } });
    expect(edited.metadata).toEqual({ fond: 'K-1', opis: '58', date: '1949-03' });
    await expect(items.update(id, { metadata: { date: 'March 1949' } })).rejects.toThrow(
      /metadata\.date: is not an EDTF date/,
    );
    const { first, second } = await items.split(id, 3);
    expect(first.photos).toEqual([ref(2), ref(3), ref(1)]);
    expect(second).toMatchObject({ title: 'f. K-1 (2)', photos: [ref(4)], metadata: edited.metadata });
    await expect(items.split(id, 0)).rejects.toBeInstanceOf(NotesStorageError);
    await items.update(second.id, { title: 'other', metadata: { fond: 'K-2', delo: '7' } });
    const merged = await items.merge(id, second.id);
    expect(merged.photos).toEqual([ref(2), ref(3), ref(1), ref(4)]);
    expect(merged.metadata).toMatchObject({ fond: 'K-1', delo: '7' });
    expect(merged.fields).toEqual([
      { name: 'title (merged)', value: 'other' },
      { name: 'fond (merged)', value: 'K-2' },
    ]);
    expect(await items.get(second.id)).toBeUndefined();
  });
});

describe('schema step 3 and backups with items', () => {
  it('upgrades a version-2 database keeping every note and decision, then stores items', async () => {
    const { indexedDB, db } = freshDatabase(SHIPPED_STEPS.slice(0, 2));
    const notes: Note[] = [sampleNote({ id: 'n1' }), sampleNote({ id: 'n2', body: 'kept' })];
    await db.notes.bulkPut(notes.map((note) => ({ ...note, targetKey: targetKey(note.target) })));
    // Written as the version-2 app stored it (today's repositories expect today's stores).
    await db.decisions.put(
      toDecisionRow({
        a: 'c/1',
        b: 'c/2',
        decision: 'same',
        score: 12,
        note: '',
        created: '2026-12-01T00:00:00.000Z',
        updated: '2026-12-01T00:00:00.000Z',
      }),
    );
    db.close();
    const upgraded = openExisting(indexedDB);
    expect((await new NotesRepository(upgraded).all()).map(canonicalJson).sort()).toEqual(
      notes.map(canonicalJson).sort(),
    );
    expect(await new DecisionsRepository(upgraded).all()).toMatchObject([{ a: 'c/1', b: 'c/2' }]);
    await new ItemsRepository(upgraded).create([{ title: 'x', photos: [ref(9)] }]);
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await upgraded.items.count()).toBe(1);
    upgraded.close();
  });

  it('backs items up (format 3 on; written as 4) and restores them into an empty database, the newer copy winning', async () => {
    const source = setup();
    await source.notes.save({ ...sampleNote({ id: 'n1' }), body: 'a note' });
    const [item] = await source.items.create([{ title: 'delo 12345', photos: [ref(1), ref(2, 3)] }]);
    await source.items.update(item?.id ?? '', { metadata: { archive: 'LYA', sheets: '1–2' } });
    const exported = await source.notes.exportBackup();
    expect(exported.items).toBe(1);
    const parsed = parseBackup(exported.json);
    expect(parsed.ok && parsed.backup.version).toBe(4);

    const target = setup();
    const summary = await target.notes.applyImport(exported.json);
    expect(summary.items).toEqual({ added: 1, replaced: 0, kept: 0, unchanged: 0 });
    expect(await target.items.all()).toEqual(await source.items.all());
    expect((await target.notes.applyImport(exported.json)).items).toEqual({
      added: 0,
      replaced: 0,
      kept: 0,
      unchanged: 1,
    });
    // Edited here later: a restore of the older backup keeps this copy.
    target.advance(60_000);
    await target.items.update(item?.id ?? '', { title: 'renamed here' });
    expect((await target.notes.applyImport(exported.json)).items).toMatchObject({ kept: 1 });
    expect((await target.items.get(item?.id ?? ''))?.title).toBe('renamed here');
  });

  it('still restores a version-2 backup (no items), and refuses a damaged item naming it', async () => {
    const { notes, items } = setup();
    const v2 = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: '2026-12-07T19:00:00.000Z',
      notes: [sampleNote({ id: 'old' })],
      decisions: [],
    });
    expect(await notes.applyImport(v2)).toMatchObject({ added: 1, items: { added: 0 } });
    const bad = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 3,
      exportedAt: '2026-12-07T19:00:00.000Z',
      notes: [],
      decisions: [],
      items: [
        {
          id: 'item-1',
          template: 'archival-file',
          title: 't',
          metadata: {},
          fields: [],
          photos: [{ sha256: '../../etc/passwd', page: 0 }],
          createdAt: '2026-12-07T19:00:00.000Z',
          updatedAt: '2026-12-07T19:00:00.000Z',
        },
      ],
    });
    await expect(notes.applyImport(bad)).rejects.toThrow(/items\[0\] \(id "item-1"\) › photos\[0\]\.sha256/);
    expect(await items.all()).toEqual([]);
  });
});
