/**
 * Recent and saved searches, kept in IndexedDB through Dexie in a database of their own
 * ("atmintis-search-history"), so search history can never touch the user's notes.
 */
import Dexie, { type EntityTable } from 'dexie';
import { createSignal, type Signal } from '../api/signal';

export const SEARCH_HISTORY_DB = 'atmintis-search-history';
/** Recent searches kept; older ones are dropped. */
export const RECENT_LIMIT = 20;

export interface RecentSearch {
  id: number;
  query: string;
  /** Epoch milliseconds of the last run. */
  at: number;
}

export interface SavedSearch {
  id: number;
  query: string;
  name: string;
  createdAt: number;
}

export type HistoryDb = Dexie & {
  recent: EntityTable<RecentSearch, 'id'>;
  saved: EntityTable<SavedSearch, 'id'>;
};

export function openSearchHistoryDb(name: string = SEARCH_HISTORY_DB): HistoryDb {
  const db = new Dexie(name) as HistoryDb;
  db.version(1).stores({ recent: '++id, &query, at', saved: '++id, &query, createdAt' });
  return db;
}

let windowDb: HistoryDb | null = null;

/**
 * The window's one handle on the history database. Team sync watches saved searches through Dexie
 * hooks, which see only writes made through the same handle, so the search view and the sync bridge
 * must share it.
 */
export function searchHistoryDb(): HistoryDb {
  windowDb ??= openSearchHistoryDb();
  return windowDb;
}

/** Fires when saved searches changed without the search view's doing (a teammate's, via sync). */
export const savedSearchesSynced: Signal = createSignal();

export interface SearchHistory {
  /** Remember a query as run just now (moving it to the top when it was there already). */
  recordRecent(query: string): Promise<void>;
  listRecent(): Promise<RecentSearch[]>;
  clearRecent(): Promise<void>;
  /** Save a query under a name (the query itself when no name is given); saving it again renames it. */
  save(query: string, name?: string): Promise<void>;
  listSaved(): Promise<SavedSearch[]>;
  removeSaved(id: number): Promise<void>;
}

export function createSearchHistory(
  db: HistoryDb = searchHistoryDb(),
  now: () => number = Date.now,
): SearchHistory {
  return {
    async recordRecent(query) {
      const trimmed = query.trim();
      if (trimmed === '') return;
      await db.transaction('rw', db.recent, async () => {
        const existing = await db.recent.where('query').equals(trimmed).first();
        if (existing) await db.recent.update(existing.id, { at: now() });
        else await db.recent.add({ query: trimmed, at: now() });
        const count = await db.recent.count();
        if (count > RECENT_LIMIT) {
          const oldest = await db.recent
            .orderBy('at')
            .limit(count - RECENT_LIMIT)
            .primaryKeys();
          await db.recent.bulkDelete(oldest);
        }
      });
    },
    async listRecent() {
      return (await db.recent.orderBy('at').reverse().toArray()).slice(0, RECENT_LIMIT);
    },
    async clearRecent() {
      await db.recent.clear();
    },
    async save(query, name) {
      const trimmed = query.trim();
      if (trimmed === '') return;
      const label = name?.trim() || trimmed;
      await db.transaction('rw', db.saved, async () => {
        const existing = await db.saved.where('query').equals(trimmed).first();
        if (existing) await db.saved.update(existing.id, { name: label });
        else await db.saved.add({ query: trimmed, name: label, createdAt: now() });
      });
    },
    async listSaved() {
      return db.saved.orderBy('createdAt').toArray();
    },
    async removeSaved(id) {
      await db.saved.delete(id);
    },
  };
}
