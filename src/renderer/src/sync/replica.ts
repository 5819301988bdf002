/**
 * The replica: a PouchDB database beside the notes database, holding one document per user-layer row.
 * PouchDB owns revision trees, conflict detection and the CouchDB replication protocol; Atmintis only
 * reads and writes documents through the few calls here.
 */
import PouchDB from 'pouchdb-browser';
import type { SyncContent } from '@shared/sync/docs';

export type ReplicaDb = PouchDB.Database<SyncContent>;
/** The constructor: pouchdb-browser in the app, a memory-adapter PouchDB in tests and the bench. */
export type ReplicaFactory = (name: string) => ReplicaDb;

export const REPLICA_DB_NAME = 'atmintis-sync';

export const browserReplica: ReplicaFactory = (name) => new PouchDB<SyncContent>(name);

/**
 * The remote database at a same-origin address: no database creation (the server's admins make it),
 * and the page's own fetch, so the request goes where the page's other requests go.
 */
export const browserRemote = (url: string): ReplicaDb =>
  new PouchDB<SyncContent>(url, {
    skip_setup: true,
    fetch: (input: string | Request, init?: RequestInit) => fetch(input, init),
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);

/** The winning revision of each id (deleted ones too), or nothing for ids the replica never held. */
export async function winners(
  db: ReplicaDb,
  ids: readonly string[],
): Promise<Map<string, { rev: string; deleted: boolean }>> {
  const found = new Map<string, { rev: string; deleted: boolean }>();
  if (ids.length === 0) return found;
  const response = await db.allDocs({ keys: [...ids] });
  for (const row of response.rows) {
    if ('error' in row) continue;
    const value = row.value as { rev: string; deleted?: boolean };
    found.set(row.id, { rev: value.rev, deleted: value.deleted === true });
  }
  return found;
}

/** One revision's stored content, or null when it is a deletion or no longer held. */
export async function contentAt(db: ReplicaDb, id: string, rev: string): Promise<SyncContent | null> {
  try {
    const doc = (await db.get(id, { rev })) as PouchDB.Core.Document<SyncContent> & { _deleted?: boolean };
    return doc._deleted ? null : doc;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export type LeafDoc = Record<string, unknown> & {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
};

/** Every leaf revision of a document (the winner, conflicts and deleted branches), with history. */
export async function leaves(db: ReplicaDb, id: string, withHistory = false): Promise<LeafDoc[]> {
  const results = (await db.get(id, { open_revs: 'all', revs: withHistory })) as unknown as Array<{
    ok?: LeafDoc;
  }>;
  return results.flatMap((result) => (result.ok ? [result.ok] : []));
}

/** A fresh revision hash for a branch written with new_edits: false (same shape as PouchDB's). */
export function randomRevHash(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const revPosition = (rev: string): number => Number.parseInt(rev.split('-')[0] ?? '0', 10);
export const revHash = (rev: string): string => rev.slice(rev.indexOf('-') + 1);
