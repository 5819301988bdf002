/**
 * `npm run bench:sync -- [--notes N] [--persons P]` — team sync of the user layer between two replicas in one Node
 * process: each machine is a notes database (Dexie on fake-indexeddb) with its bridge and a PouchDB
 * replica (memory adapter); replication runs PouchDB to PouchDB directly, so no HTTP is involved.
 *
 *  1. initial: N notes restored on machine A (one import), pushed by A's bridge into its replica,
 *     replicated to B, applied by B's bridge into B's notes database;
 *  2. incremental: one note edited on A, then the same three steps.
 *
 * "Bytes" are the JSON size of the documents replication wrote on the receiving side (content,
 * ids and revisions), not bytes on a wire: there is no wire here. Default N = 10,000.
 *
 *  3. collection: the synthetic registry of P persons (default 200,000; 0 skips it) shared by A as a
 *     dataset (bench/sync-dataset.ts), replicated to B, checked and imported by B's real import store.
 */
import './sync-globals';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import PouchDB from 'pouchdb-browser';
import memoryAdapter from 'pouchdb-adapter-memory';
import { serializeBackup } from '../src/shared/notes/backup';
import type { Note } from '../src/shared/notes/model';
import type { SyncContent } from '../src/shared/sync/docs';
import { NotesDatabase } from '../src/renderer/src/notes/db';
import { NotesRepository } from '../src/renderer/src/notes/repository';
import { SyncBridge } from '../src/renderer/src/sync/bridge';
import type { ReplicaDb } from '../src/renderer/src/sync/replica';
import { collectionPhase } from './sync-dataset';

PouchDB.plugin(memoryAdapter);

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--notes') ?? 10_000);
if (!Number.isInteger(count) || count < 0) throw new Error('--notes needs a whole number');
const persons = Number(option('--persons') ?? 200_000);
if (!Number.isInteger(persons) || persons < 0) throw new Error('--persons needs a whole number');

function machine(name: string) {
  const db = new NotesDatabase({ name: `bench-${name}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const replica = new PouchDB<SyncContent>(`bench-${name}`, { adapter: 'memory' }) as ReplicaDb;
  // Pushes wait for the explicit sync() below, so each phase is timed on its own.
  const bridge = new SyncBridge(db, replica, { author: () => name, pushOnWrite: false });
  return { db, replica, bridge, notes: new NotesRepository(db) };
}

function note(index: number): Note {
  const at = new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    target: { kind: 'record', collectionId: 'bench-collection', recordId: `p-${index}` },
    body: `Bench note ${index}: a paragraph of the length a reading-room note often has, with a source reference and a question to check later against the file.`,
    tags: index % 3 === 0 ? ['to-check'] : [],
    colour: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

async function replicate(from: ReplicaDb, to: ReplicaDb) {
  let bytes = 0;
  let docs = 0;
  const run = PouchDB.replicate(from, to, { batch_size: 500 });
  run.on('change', (info) => {
    for (const doc of info.docs) {
      bytes += JSON.stringify(doc).length;
      docs += 1;
    }
  });
  await run;
  return { bytes, docs };
}

async function phase(label: string, a: ReturnType<typeof machine>, b: ReturnType<typeof machine>) {
  const push = await timed(() => a.bridge.sync());
  const moved = await timed(() => replicate(a.replica, b.replica));
  const apply = await timed(() => b.bridge.sync());
  return {
    phase: label,
    pushMs: push.ms,
    replicateMs: moved.ms,
    applyMs: apply.ms,
    totalMs: push.ms + moved.ms + apply.ms,
    docs: moved.value.docs,
    bytes: moved.value.bytes,
  };
}

async function notesPhases() {
  const a = machine('A');
  const b = machine('B');
  const notes = Array.from({ length: count }, (_, index) => note(index));
  await a.notes.applyImport(serializeBackup(notes, new Date()));
  const initial = await phase(`initial (${count} notes)`, a, b);
  const onB = await b.notes.all();
  if (onB.length !== count) throw new Error(`B holds ${onB.length} notes, expected ${count}`);
  const first = notes[0] as Note;
  await a.notes.save({ ...first, body: `${first.body} Edited.` });
  const incremental = await phase('incremental (1 edit)', a, b);
  const edited = await b.notes.get(first.id);
  if (!edited?.body.endsWith('Edited.')) throw new Error('The edit did not reach B');
  console.table([initial, incremental]);
  console.log(JSON.stringify({ notes: count, initial, incremental }));
  a.bridge.stop();
  b.bridge.stop();
}

if (count > 0) await notesPhases();
if (persons > 0) {
  const collection = await collectionPhase(persons);
  console.table([collection]);
  console.log(JSON.stringify({ collection }));
}
