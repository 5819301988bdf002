import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { conflictTexts } from '@shared/sync/conflicts';
import { itemLinkDocId } from '@shared/sync/docs';
import { ItemLinksRepository, linksOfItem } from '../../../src/renderer/src/photos/item-links-repository';
import { exchange, machine, photoRef, type Machine } from './fixtures';

const record = (recordId: string, recordTitle: string) => ({
  collectionId: 'lt-deportations-1940-1953',
  recordId,
  recordTitle,
});

async function sharedLink(a: Machine, b: Machine) {
  const [item] = await a.items.create([
    { title: 'LYA f. V-5, ap. 1, b. 12', photos: [photoRef(1), photoRef(2)] },
  ]);
  const link = await new ItemLinksRepository(a.db).add({
    itemId: must(item).id,
    photo: photoRef(2),
    ...record('op-vesna', 'Operation Vesna'),
  });
  await exchange(a, b);
  return { item: must(item), link };
}

describe('sync bridge: item links', () => {
  it('carries a link to the other machine verbatim, with its author', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const { item, link } = await sharedLink(a, b);
    expect(await linksOfItem(b.db, item.id)).toEqual([link]);
    expect((await b.db.syncDocs.get(itemLinkDocId(link.id)))?.author).toBe('Ona');
  });

  it('a link removed on one machine is removed on the other', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const { item, link } = await sharedLink(a, b);
    await new ItemLinksRepository(b.db).remove(link.id);
    await exchange(a, b);
    expect(await linksOfItem(a.db, item.id)).toEqual([]);
    expect((await a.db.syncDocs.get(itemLinkDocId(link.id)))?.deleted).toBe(true);
  });

  it('links follow a merge of items made on the other machine', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const { item, link } = await sharedLink(a, b);
    const [other] = await b.items.create([{ title: 'b. 13', photos: [photoRef(7)] }]);
    await exchange(a, b);
    await b.items.merge(must(other).id, item.id);
    await exchange(a, b);
    expect((await linksOfItem(a.db, must(other).id)).map((found) => found.id)).toEqual([link.id]);
    expect(await linksOfItem(a.db, item.id)).toEqual([]);
  });

  it('keeps both versions of a link changed on two machines while apart, and resolves by keeping one', async () => {
    const a = machine('Ona');
    const b = machine('Jonas', '2026-12-01T10:00:00.500Z');
    const { link } = await sharedLink(a, b);
    a.advance();
    b.advance(2000);
    const at = (m: Machine) => new Date(Date.parse(link.updatedAt) + (m === a ? 1000 : 2000)).toISOString();
    await a.db.itemLinks.update(link.id, { recordTitle: 'Operation Vesna (1948)', updatedAt: at(a) });
    await b.db.itemLinks.update(link.id, { photo: photoRef(1), updatedAt: at(b) });
    await exchange(a, b);
    const onA = await a.db.syncConflicts.toArray();
    expect(onA).toHaveLength(1);
    expect(await b.db.syncConflicts.toArray()).toEqual(onA);
    const conflict = must(onA[0]);
    expect(conflict.kind).toBe('itemlink');
    const texts = conflictTexts(conflict);
    expect(texts.some((text) => text.startsWith('Operation Vesna (1948)'))).toBe(true);
    expect(texts.some((text) => text.includes(`photo: ${photoRef(1).sha256.slice(0, 12)} p. 1`))).toBe(true);
    await expect(a.bridge.resolve(conflict.docId, { body: 'both' })).rejects.toThrow(/keeping one/);
    const jonas = must([conflict.winner, ...conflict.losers].find((v) => v.author === 'Jonas'));
    await a.bridge.resolve(conflict.docId, { rev: jonas.rev });
    await exchange(a, b);
    for (const side of [a, b]) {
      const [kept] = await side.db.itemLinks.toArray();
      expect(kept?.photo).toEqual(photoRef(1));
      expect(kept?.recordTitle).toBe('Operation Vesna');
      expect(await side.db.syncConflicts.count()).toBe(0);
    }
  });

  it('carries links written before sync started (the start-up comparison)', async () => {
    const a = machine('Ona', undefined, false);
    const b = machine('Jonas');
    const [item] = await a.items.create([{ title: 'one', photos: [photoRef(3)] }]);
    const link = await new ItemLinksRepository(a.db).add({
      itemId: must(item).id,
      photo: null,
      ...record('r1', 'R1'),
    });
    await exchange(a, b);
    expect(await linksOfItem(b.db, must(item).id)).toEqual([link]);
  });

  it('leaves an invalid link document in the replica and names it, changing nothing', async () => {
    const b = machine('Jonas');
    await b.replica.put({
      _id: itemLinkDocId('link-bad'),
      type: 'itemlink',
      author: 'Ona',
      link: { id: 'link-bad', itemId: '' },
    } as never);
    await b.bridge.sync();
    expect(await b.db.itemLinks.count()).toBe(0);
    expect(b.bridge.problems.join('\n')).toMatch(/itemlink:link-bad.*› link ›/);
  });
});
