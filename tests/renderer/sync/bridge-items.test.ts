import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { conflictTexts } from '@shared/sync/conflicts';
import { itemDocId } from '@shared/sync/docs';
import { exchange, machine, photoRef, type Machine } from './fixtures';

async function sharedItem(a: Machine, b: Machine) {
  const [item] = await a.items.create([
    { title: 'LYA f. V-5, ap. 1, b. 12', photos: [photoRef(1), photoRef(2)] },
  ]);
  await exchange(a, b);
  return must(item);
}

describe('sync bridge: photo items', () => {
  it('carries an item, its metadata and its photo references to the other machine verbatim', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const item = await sharedItem(a, b);
    a.advance();
    const edited = await a.items.update(item.id, {
      metadata: { archive: 'LYA', fond: 'V-5', date: '1949-03' },
      fields: [{ name: 'Transcription', value: 'Sąrašas šeimų, išvežtų 1949 m. kovo 25 d.' }],
    });
    await exchange(a, b);
    expect(await b.items.get(item.id)).toEqual(edited);
    expect((await b.items.forPhoto(photoRef(2).sha256)).map((found) => found.id)).toEqual([item.id]);
    expect((await b.db.syncDocs.get(itemDocId(item.id)))?.author).toBe('Ona');
  });

  it('keeps both versions when the same item is edited on two machines while apart', async () => {
    const a = machine('Ona');
    const b = machine('Jonas', '2026-12-01T10:00:00.500Z');
    const item = await sharedItem(a, b);
    a.advance();
    b.advance(2000);
    await a.items.update(item.id, { title: 'Ona’s title' });
    await b.items.update(item.id, { metadata: { delo: '12a' } });
    await exchange(a, b);
    const onA = await a.db.syncConflicts.toArray();
    expect(onA).toHaveLength(1);
    expect(await b.db.syncConflicts.toArray()).toEqual(onA);
    const conflict = must(onA[0]);
    expect(conflict.kind).toBe('item');
    const texts = conflictTexts(conflict);
    expect(texts.some((text) => text.startsWith('Ona’s title'))).toBe(true);
    expect(texts.some((text) => text.includes('delo: 12a'))).toBe(true);
    expect(await a.items.get(item.id)).toEqual(await b.items.get(item.id));
  });

  it('resolves an item conflict by keeping one version, on both machines; merging by hand is refused', async () => {
    const a = machine('Ona');
    const b = machine('Jonas', '2026-12-01T10:00:00.500Z');
    const item = await sharedItem(a, b);
    await a.items.update(item.id, { title: 'left' });
    await b.items.update(item.id, { title: 'right' });
    await exchange(a, b);
    const conflict = must(await a.db.syncConflicts.get(itemDocId(item.id)));
    await expect(a.bridge.resolve(conflict.docId, { body: 'both' })).rejects.toThrow(/keeping one/);
    const right = must([conflict.winner, ...conflict.losers].find((v) => v.author === 'Jonas'));
    await a.bridge.resolve(conflict.docId, { rev: right.rev });
    await exchange(a, b);
    for (const side of [a, b]) {
      expect((await side.items.get(item.id))?.title).toBe('right');
      expect(await side.db.syncConflicts.count()).toBe(0);
    }
  });

  it('does not raise a conflict when both machines made the same change', async () => {
    const a = machine('Ona');
    const b = machine('Jonas', '2026-12-01T10:00:00.500Z');
    const item = await sharedItem(a, b);
    a.advance();
    b.advance(3000);
    await a.items.update(item.id, { title: 'same' });
    await b.items.update(item.id, { title: 'same' });
    await exchange(a, b);
    await exchange(a, b);
    expect(await a.db.syncConflicts.count()).toBe(0);
    expect(await b.db.syncConflicts.count()).toBe(0);
  });

  it('merging two items on one machine removes the merged-away item on the other', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const [first, second] = await a.items.create([
      { title: 'one', photos: [photoRef(3)] },
      { title: 'two', photos: [photoRef(4)] },
    ]);
    await exchange(a, b);
    await a.items.merge(must(first).id, must(second).id);
    await exchange(a, b);
    const onB = await b.items.all();
    expect(onB.map((item) => item.id)).toEqual([must(first).id]);
    expect(onB[0]?.photos).toEqual([photoRef(3), photoRef(4)]);
  });

  it('tells the items repository when a teammate’s item arrives', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    let heard = 0;
    b.items.changes.subscribe(() => (heard += 1));
    await a.items.create([{ title: 'new', photos: [photoRef(5)] }]);
    await exchange(a, b);
    expect(heard).toBeGreaterThan(0);
  });

  it('leaves an invalid item document in the replica and names it, changing nothing', async () => {
    const b = machine('Jonas');
    await b.replica.put({
      _id: itemDocId('item-bad'),
      type: 'item',
      author: 'Ona',
      item: { id: 'item-bad', title: 5 },
    } as never);
    await b.bridge.sync();
    expect(await b.items.all()).toEqual([]);
    expect(b.bridge.problems.join('\n')).toMatch(/item:item-bad.*› item ›/);
  });
});
