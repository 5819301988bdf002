/**
 * What this machine remembers of live sync across restarts: whether the user started it (so it
 * resumes at the next start, and stays off after "Stop syncing"), the last completed sync and the last
 * error's reason. One row in the notes database's `syncState` store (key `replication`), beside the
 * bridge's feed checkpoint, so no schema step is needed and a notes backup never carries it.
 */
import type { Table } from 'dexie';
import type { NotesDatabase } from '../notes/db';
import type { SyncReason } from './replicator';

export interface SyncMemory {
  /** The user pressed "Start syncing" and not "Stop syncing" since. */
  wanted: boolean;
  lastSyncAt: string | null;
  lastError: SyncReason | null;
}

interface SyncMemoryRow extends SyncMemory {
  key: typeof MEMORY_KEY;
}

const MEMORY_KEY = 'replication';
export const FORGOTTEN: SyncMemory = { wanted: false, lastSyncAt: null, lastError: null };

/**
 * The `syncState` store is typed for the bridge's sequence rows; this row shares the store under its
 * own key and has its own shape, so it is read and written through this view only.
 */
const table = (db: NotesDatabase) => db.syncState as unknown as Table<SyncMemoryRow, string>;

const CODES = new Set<SyncReason['code']>(['unauthorized', 'forbidden', 'unreachable', 'other']);

/** A row written by an older or broken build is read as far as it is valid, never trusted blindly. */
function valid(row: Partial<SyncMemoryRow> | undefined): SyncMemory {
  if (!row) return FORGOTTEN;
  const error = row.lastError;
  return {
    wanted: row.wanted === true,
    lastSyncAt: typeof row.lastSyncAt === 'string' ? row.lastSyncAt : null,
    lastError:
      error && CODES.has(error.code) ? { code: error.code, detail: String(error.detail ?? '') } : null,
  };
}

export async function readSyncMemory(db: NotesDatabase): Promise<SyncMemory> {
  return valid(await table(db).get(MEMORY_KEY));
}

/** Changes some of the remembered fields, keeping the others (one transaction). */
export function updateSyncMemory(db: NotesDatabase, change: Partial<SyncMemory>): Promise<void> {
  return db.transaction('rw', db.syncState, async () => {
    const current = valid(await table(db).get(MEMORY_KEY));
    await table(db).put({ ...current, ...change, key: MEMORY_KEY });
  });
}
