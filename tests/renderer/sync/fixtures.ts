import PouchDB from 'pouchdb-browser';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { SyncContent } from '@shared/sync/docs';
import { SyncBridge } from '../../../src/renderer/src/sync/bridge';
import type { ReplicaDb } from '../../../src/renderer/src/sync/replica';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { ItemsRepository } from '../../../src/renderer/src/photos/items-repository';
import { freshDatabase } from '../notes/fixtures';
import type { HistoryDb } from '../../../src/renderer/src/search/history';

PouchDB.plugin(memoryAdapter);

let counter = 0;

/** An in-memory replica with a unique name (the memory adapter shares databases by name). */
export function memoryReplica(label = 'replica'): ReplicaDb {
  counter += 1;
  return new PouchDB<SyncContent>(`${label}-${counter}-${Math.random().toString(36).slice(2)}`, {
    adapter: 'memory',
  });
}

/** One machine: its notes database, repositories, replica and bridge, on a clock the test moves. */
export function machine(
  author: string,
  start = '2026-12-01T10:00:00.000Z',
  pushOnWrite = true,
  history?: HistoryDb,
) {
  let clock = Date.parse(start);
  const now = () => new Date(clock);
  const { db } = freshDatabase();
  const replica = memoryReplica(author);
  const bridge = new SyncBridge(db, replica, { author: () => author, now, pushOnWrite, history });
  return {
    author,
    db,
    replica,
    bridge,
    notes: new NotesRepository(db, now),
    decisions: new DecisionsRepository(db, now),
    items: new ItemsRepository(db, now),
    advance: (ms = 1000) => (clock += ms),
  };
}

export type Machine = ReturnType<typeof machine>;

/** Both directions of replication, as a live sync would do them, then both bridges apply. */
export async function exchange(x: Machine, y: Machine): Promise<void> {
  await x.bridge.sync();
  await y.bridge.sync();
  await PouchDB.replicate(x.replica, y.replica);
  await PouchDB.replicate(y.replica, x.replica);
  await x.bridge.sync();
  await y.bridge.sync();
}

export const draft = (id: string, body: string) => ({
  id,
  target: { kind: 'record' as const, collectionId: 'lt-deportations-1940-1953', recordId: 'op-vesna' },
  body,
  tags: [],
  colour: null,
});

/** A photo of an item, by a made-up sha256 (items only reference photos; the store is not involved). */
export const photoRef = (n: number, page = 0) => ({ sha256: n.toString(16).padStart(64, '0'), page });
