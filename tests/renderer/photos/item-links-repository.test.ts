import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup } from '@shared/notes/backup';
import type { PhotoRef } from '@shared/photos/model';
import { CURRENT_SCHEMA_VERSION, toItemRow } from '../../../src/renderer/src/notes/db';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import {
  ItemLinksRepository,
  linksOfItem,
  linksToRecord,
} from '../../../src/renderer/src/photos/item-links-repository';
import { ItemsRepository } from '../../../src/renderer/src/photos/items-repository';
import { freshDatabase, openExisting, SHIPPED_STEPS } from '../notes/fixtures';

const ref = (n: number, page = 0): PhotoRef => ({ sha256: n.toString(16).padStart(64, '0'), page });

function setup() {
  let clock = Date.parse('2026-12-08T01:00:00.000Z');
  const { db, indexedDB } = freshDatabase();
  const now = () => new Date(clock);
  return {
    db,
    indexedDB,
    notes: new NotesRepository(db, now),
    items: new ItemsRepository(db, now),
    links: new ItemLinksRepository(db, now),
    advance: (ms: number) => (clock += ms),
  };
}

const person = { collectionId: 'deportations', recordId: 'person-1', recordTitle: 'Ona P.' };

describe('links from items to records', () => {
  it('links a record to an item and to one photo, once each, in counted writes', async () => {
    const { db, notes, items, links, advance } = setup();
    const [item] = await items.create([{ title: 'delo 1', photos: [ref(1), ref(2)] }]);
    const itemId = item?.id ?? '';
    const before = (await notes.changeState()).revision;
    const whole = await links.add({ itemId, photo: null, ...person });
    advance(1000);
    const sheet = await links.add({ itemId, photo: ref(2), ...person });
    expect(await links.add({ itemId, photo: ref(2), ...person })).toEqual(sheet);
    expect((await notes.changeState()).revision).toBe(before + 3);
    expect(await linksOfItem(db, itemId)).toEqual([whole, sheet]);
    expect(await linksToRecord(db, 'deportations', 'person-1')).toHaveLength(2);
    expect(await linksToRecord(db, 'deportations', 'person-2')).toEqual([]);
    await links.remove(whole.id);
    expect(await linksOfItem(db, itemId)).toEqual([sheet]);
  });

  it('refuses a link that could not be backed up, naming the field', async () => {
    const { links } = setup();
    await expect(links.add({ itemId: 'i', photo: { sha256: 'nope', page: 0 }, ...person })).rejects.toThrow(
      /photo\.sha256: must be a sha256/,
    );
  });

  it('keeps every link when items are split and merged: links follow their photos', async () => {
    const { db, items, links } = setup();
    const [a, b] = await items.create([
      { title: 'delo 1', photos: [ref(1), ref(2), ref(3)] },
      { title: 'delo 2', photos: [ref(4)] },
    ]);
    const aId = a?.id ?? '';
    const bId = b?.id ?? '';
    const onWhole = await links.add({ itemId: aId, photo: null, ...person });
    const onThird = await links.add({ itemId: aId, photo: ref(3), ...person });
    const onB = await links.add({ itemId: bId, photo: ref(4), ...person });

    const { second } = await items.split(aId, 2);
    expect((await linksOfItem(db, aId)).map((link) => link.id)).toEqual([onWhole.id]);
    expect((await linksOfItem(db, second.id)).map((link) => link.id)).toEqual([onThird.id]);

    await items.merge(aId, bId);
    expect((await linksOfItem(db, aId)).map((link) => link.id).sort()).toEqual([onWhole.id, onB.id].sort());
    expect(await linksOfItem(db, bId)).toEqual([]);
    expect(await linksToRecord(db, 'deportations', 'person-1')).toHaveLength(3);
  });

  it('backs links up (format 4) and restores them, keeping links here the backup lacks', async () => {
    const source = setup();
    const [item] = await source.items.create([{ title: 'delo 1', photos: [ref(1)] }]);
    const link = await source.links.add({ itemId: item?.id ?? '', photo: ref(1), ...person });
    const exported = await source.notes.exportBackup();
    const parsed = parseBackup(exported.json);
    expect(parsed.ok && parsed.backup.itemLinks).toEqual([link]);

    const target = setup();
    const own = await target.links.add({ itemId: 'elsewhere', photo: null, ...person });
    await target.notes.applyImport(exported.json);
    const byId = (list: { id: string }[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(await linksToRecord(target.db, 'deportations', 'person-1'))).toEqual(byId([own, link]));
    expect(await target.items.all()).toEqual(await source.items.all());
  });

  it('still restores a version-3 backup (no links) and refuses a link with a missing field, naming it', async () => {
    const { db, notes } = setup();
    const v3 = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 3,
      exportedAt: '2026-12-08T01:00:00.000Z',
      notes: [],
      decisions: [],
      items: [],
    });
    await expect(notes.applyImport(v3)).resolves.toMatchObject({ items: { added: 0 } });
    const { recordId: _missing, ...withoutRecord } = {
      id: 'link-1',
      itemId: 'item-1',
      photo: null,
      ...person,
      createdAt: '2026-12-08T01:00:00.000Z',
      updatedAt: '2026-12-08T01:00:00.000Z',
    };
    const bad = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 4,
      exportedAt: '2026-12-08T01:00:00.000Z',
      notes: [],
      decisions: [],
      items: [],
      itemLinks: [withoutRecord],
    });
    await expect(notes.applyImport(bad)).rejects.toThrow(/itemLinks\[0\] \(id "link-1"\) › recordId/);
    expect(await db.itemLinks.count()).toBe(0);
  });

  it('upgrades a step-4 database to step 5 with its items kept and no links', async () => {
    const { indexedDB, db } = freshDatabase(SHIPPED_STEPS.slice(0, 4));
    // Written as the step-4 app stored it (today's repositories expect today's stores).
    const item = {
      id: 'item-1',
      template: 'archival-file' as const,
      title: 'delo 1',
      metadata: {},
      fields: [],
      photos: [ref(1)],
      createdAt: '2026-12-08T01:00:00.000Z',
      updatedAt: '2026-12-08T01:00:00.000Z',
    };
    await db.items.put(toItemRow(item));
    db.close();
    const upgraded = openExisting(indexedDB);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await new ItemsRepository(upgraded).all()).toEqual([item]);
    expect(await upgraded.itemLinks.count()).toBe(0);
    upgraded.close();
  });
});
