import 'fake-indexeddb/auto';
import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { conflictTexts } from '@shared/sync/conflicts';
import { savedSearchDocId, savedSearchKey } from '@shared/sync/docs';
import {
  createSearchHistory,
  openSearchHistoryDb,
  savedSearchesSynced,
} from '../../../src/renderer/src/search/history';
import PouchDB from 'pouchdb-browser';
import { SyncBridge } from '../../../src/renderer/src/sync/bridge';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { freshDatabase } from '../notes/fixtures';
import { exchange, machine, memoryReplica, type Machine } from './fixtures';

let counter = 0;

/** A machine whose bridge carries saved searches from its own history database. */
function withHistory(author: string, start?: string, pushOnWrite = true) {
  counter += 1;
  const historyDb = openSearchHistoryDb(
    `history-${author}-${counter}-${Math.random().toString(36).slice(2)}`,
  );
  let clock = Date.parse(start ?? '2026-12-01T10:00:00.000Z');
  const m = machine(author, start, pushOnWrite, historyDb);
  return { ...m, historyDb, history: createSearchHistory(historyDb, () => (clock += 1000)) };
}

type WithHistory = ReturnType<typeof withHistory>;
const saved = async (m: WithHistory) =>
  (await m.history.listSaved()).map(({ query, name, createdAt }) => ({ query, name, createdAt }));
const swap = (a: WithHistory, b: WithHistory) => exchange(a as Machine, b as Machine);

describe('sync bridge: saved searches', () => {
  it('a search saved on one machine appears on the other, with its name and time', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas');
    await a.history.save('  Vesna 1948 ', 'Operation Vesna');
    let heard = 0;
    const off = savedSearchesSynced.subscribe(() => (heard += 1));
    await swap(a, b);
    off();
    expect(await saved(b)).toEqual(await saved(a));
    expect(await saved(b)).toEqual([
      expect.objectContaining({ query: 'Vesna 1948', name: 'Operation Vesna' }),
    ]);
    expect(heard).toBeGreaterThan(0);
    const docId = savedSearchDocId(await savedSearchKey('Vesna 1948'));
    expect((await b.db.syncDocs.get(docId))?.author).toBe('Ona');
    // Recent searches stay on their machine.
    await a.history.recordRecent('Priboi');
    await swap(a, b);
    expect(await b.history.listRecent()).toEqual([]);
  });

  it('a rename and a removal on one machine reach the other', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas');
    await a.history.save('Vesna 1948');
    await a.history.save('Priboi 1949', 'Operation Priboi');
    await swap(a, b);
    await b.history.save('Vesna 1948', 'May 1948');
    await swap(a, b);
    expect((await saved(a)).find((s) => s.query === 'Vesna 1948')?.name).toBe('May 1948');
    const priboi = must((await b.history.listSaved()).find((s) => s.query === 'Priboi 1949'));
    await b.history.removeSaved(priboi.id);
    await swap(a, b);
    expect((await saved(a)).map((s) => s.query)).toEqual(['Vesna 1948']);
    expect(await saved(a)).toEqual(await saved(b));
    expect(await a.db.syncConflicts.count()).toBe(0);
  });

  it('the same query saved apart on two machines becomes one saved search', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas');
    await a.history.save('Vesna 1948', 'Vesna');
    await b.history.save('Vesna 1948', 'Vesna');
    await swap(a, b);
    await swap(a, b);
    expect(await saved(a)).toHaveLength(1);
    expect(await saved(a)).toEqual(await saved(b));
  });

  it('keeps both names of a search renamed on two machines while apart, and resolves by keeping one', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas');
    await a.history.save('Vesna 1948');
    await swap(a, b);
    await a.history.save('Vesna 1948', 'Operation Vesna');
    await b.history.save('Vesna 1948', 'Deportations of May 1948');
    await swap(a, b);
    const onA = await a.db.syncConflicts.toArray();
    expect(onA).toHaveLength(1);
    expect(await b.db.syncConflicts.toArray()).toEqual(onA);
    const conflict = must(onA[0]);
    expect(conflict.kind).toBe('savedsearch');
    const texts = conflictTexts(conflict);
    expect(texts.some((text) => text.startsWith('Operation Vesna\n'))).toBe(true);
    expect(texts.some((text) => text.startsWith('Deportations of May 1948\n'))).toBe(true);
    await expect(a.bridge.resolve(conflict.docId, { body: 'both' })).rejects.toThrow(/keeping one/);
    const jonas = must([conflict.winner, ...conflict.losers].find((v) => v.author === 'Jonas'));
    await a.bridge.resolve(conflict.docId, { rev: jonas.rev });
    await swap(a, b);
    for (const side of [a, b]) {
      expect((await saved(side)).map((s) => s.name)).toEqual(['Deportations of May 1948']);
      expect(await side.db.syncConflicts.count()).toBe(0);
    }
  });

  it('carries searches saved before sync started (the start-up comparison)', async () => {
    const a = withHistory('Ona', undefined, false);
    const b = withHistory('Jonas');
    await a.history.save('Vesna 1948');
    await swap(a, b);
    expect((await saved(b)).map((s) => s.query)).toEqual(['Vesna 1948']);
  });

  it('a local rename made while a teammate’s arrives is kept, not overwritten', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas', undefined, false);
    await a.history.save('Vesna 1948');
    await swap(a, b);
    await a.history.save('Vesna 1948', 'From Ona');
    await a.bridge.sync();
    await b.history.save('Vesna 1948', 'From Jonas');
    await swap(a, b);
    const names = [...(await saved(a)), ...(await saved(b))].map((s) => s.name);
    const conflict = must((await b.db.syncConflicts.toArray())[0]);
    expect(names[0]).toBe(names[1]);
    expect(
      conflictTexts(conflict)
        .map((text) => text.split('\n')[0])
        .sort(),
    ).toEqual(['From Jonas', 'From Ona']);
  });

  it('re-applies the same upsert after a crash before the checkpoint, with no conflict', async () => {
    const a = withHistory('Ona');
    const b = withHistory('Jonas');
    await a.history.save('Vesna 1948', 'Operation Vesna');
    await swap(a, b);
    await a.history.save('Vesna 1948', 'May 1948');
    await a.bridge.sync();
    await PouchDB.replicate(a.replica, b.replica);
    // The notes-database transaction (state and checkpoint) fails after the history write.
    const put = b.db.syncState.put.bind(b.db.syncState);
    b.db.syncState.put = (() => Promise.reject(new Error('crash'))) as never;
    await expect(b.bridge.sync()).rejects.toThrow();
    b.db.syncState.put = put;
    expect((await saved(b)).map((s) => s.name)).toEqual(['May 1948']);
    // A restart: a new bridge on the same databases, from the old checkpoint.
    b.bridge.stop();
    const restarted = new SyncBridge(b.db, b.replica, { author: () => 'Jonas', history: b.historyDb });
    await restarted.sync();
    await PouchDB.replicate(b.replica, a.replica);
    await a.bridge.sync();
    for (const side of [a, b]) {
      expect((await saved(side)).map((s) => s.name)).toEqual(['May 1948']);
      expect(await side.db.syncConflicts.count()).toBe(0);
    }
    const docId = savedSearchDocId(await savedSearchKey('Vesna 1948'));
    const winner = await b.replica.get(docId, { conflicts: true });
    expect((await b.db.syncDocs.get(docId))?.rev).toBe(winner._rev);
    restarted.stop();
  });

  it('leaves a bad saved search document in the replica and names it, changing nothing', async () => {
    const b = withHistory('Jonas');
    const key = await savedSearchKey('Vesna 1948');
    await b.replica.put({
      _id: savedSearchDocId(key),
      type: 'savedsearch',
      author: 'Ona',
      query: 'Vesna 1948',
      name: '',
      createdAt: 1,
    } as never);
    await b.replica.put({
      _id: savedSearchDocId(await savedSearchKey('something else')),
      type: 'savedsearch',
      author: 'Ona',
      query: 'Priboi 1949',
      name: 'Priboi',
      createdAt: 1,
    } as never);
    await b.bridge.sync();
    expect(await saved(b)).toEqual([]);
    const problems = b.bridge.problems.join('\n');
    expect(problems).toMatch(new RegExp(`savedsearch:${key}.*› name: must be a non-empty string`));
    expect(problems).toMatch(/› query: its sha256 does not match the _id/);
  });
});

describe('sync service: saved searches', () => {
  it('carries what the search view saves (one shared handle on the history database)', async () => {
    const { db } = freshDatabase();
    const replica = memoryReplica('service');
    const service = new SyncService(db, { replica: () => replica, remote: () => memoryReplica('remote') });
    // The first sync's start-up comparison is done before saving, so only the hooks can carry it.
    await service.bridge.sync();
    await createSearchHistory().save('Vesna 1948', 'Operation Vesna');
    await service.bridge.sync();
    const doc = await replica.get(savedSearchDocId(await savedSearchKey('Vesna 1948')));
    expect(doc).toMatchObject({ type: 'savedsearch', query: 'Vesna 1948', name: 'Operation Vesna' });
    service.bridge.stop();
    await service.settled();
  });
});
