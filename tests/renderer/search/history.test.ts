import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  RECENT_LIMIT,
  SEARCH_HISTORY_DB,
  createSearchHistory,
  openSearchHistoryDb,
} from '../../../src/renderer/src/search/history';

let clock = 0;
const fresh = (name: string) => createSearchHistory(openSearchHistoryDb(name), () => ++clock);

describe('search history (Dexie)', () => {
  it('uses its own database', () => {
    expect(SEARCH_HISTORY_DB).toBe('atmintis-search-history');
    expect(openSearchHistoryDb().name).toBe('atmintis-search-history');
  });

  it('keeps recent searches newest first, without duplicates, up to the limit', async () => {
    const history = fresh('recent-test');
    await history.recordRecent('Vesna');
    await history.recordRecent('Priboi');
    await history.recordRecent('  Vesna ');
    await history.recordRecent('   ');
    expect((await history.listRecent()).map((r) => r.query)).toEqual(['Vesna', 'Priboi']);
    for (let i = 0; i < RECENT_LIMIT + 5; i++) await history.recordRecent(`q${i}`);
    const recent = await history.listRecent();
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]?.query).toBe(`q${RECENT_LIMIT + 4}`);
    await history.clearRecent();
    expect(await history.listRecent()).toEqual([]);
  });

  it('saves, renames and removes saved searches', async () => {
    const history = fresh('saved-test');
    await history.save('kind:place Igarka');
    await history.save('Osen', 'Autumn 1951');
    await history.save('Osen', 'Operation Osen');
    const saved = await history.listSaved();
    expect(saved.map((s) => [s.query, s.name])).toEqual([
      ['kind:place Igarka', 'kind:place Igarka'],
      ['Osen', 'Operation Osen'],
    ]);
    await history.removeSaved(saved[0]?.id ?? -1);
    expect((await history.listSaved()).map((s) => s.query)).toEqual(['Osen']);
  });
});
