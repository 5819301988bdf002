/**
 * Pushing local rows into the replica. Each row is written as a child of the revision it was based on
 * (the one the notes database last showed). When that is still the winner this is an ordinary update,
 * written in one bulk call with the others; when a teammate's revision arrived in between, the local
 * edit becomes a sibling branch (new_edits: false, the way replication itself writes), so PouchDB
 * reports a conflict instead of one edit silently burying the other.
 */
import { sameRow, type SyncContent } from '@shared/sync/docs';
import type { NotesDatabase, SyncDocRow } from '../notes/db';
import { contentAt, randomRevHash, revHash, revPosition, type ReplicaDb } from './replica';
import { readRows, type RowRef } from './rows';

interface Winner {
  rev: string;
  deleted: boolean;
  doc: SyncContent | null;
}

async function winnersWithDocs(replica: ReplicaDb, ids: readonly string[]): Promise<Map<string, Winner>> {
  const found = new Map<string, Winner>();
  const response = await replica.allDocs({ keys: [...ids], include_docs: true });
  for (const row of response.rows) {
    if ('error' in row) continue;
    const deleted = row.value.deleted === true;
    found.set(row.id, { rev: row.value.rev, deleted, doc: deleted ? null : (row.doc ?? null) });
  }
  return found;
}

/**
 * Pushes these rows; answers the ids that must be pushed again (the replica changed under a write,
 * say replication wrote the same document a moment earlier).
 */
export async function pushRows(
  db: NotesDatabase,
  replica: ReplicaDb,
  refs: ReadonlyMap<string, RowRef>,
  author: string,
  /** Rows kept outside the notes database (saved searches), by document id. */
  elsewhere: ReadonlyMap<string, SyncContent> = new Map(),
): Promise<string[]> {
  const ids = [...refs.keys()];
  if (ids.length === 0) return [];
  const current = await readRows(db, refs, author);
  for (const [docId, row] of elsewhere) if (refs.has(docId)) current.set(docId, row);
  const states = new Map(
    (await db.syncDocs.bulkGet(ids)).filter((s) => s !== undefined).map((s) => [s.docId, s]),
  );
  const winners = await winnersWithDocs(replica, ids);
  const straight: Array<Record<string, unknown>> = [];
  const written: SyncDocRow[] = [];
  const retry: string[] = [];
  for (const docId of ids) {
    const row = current.get(docId) ?? null;
    const state = states.get(docId);
    const winner = winners.get(docId);
    const base =
      !state || state.deleted
        ? null
        : winner && winner.rev === state.rev
          ? winner.doc
          : await contentAt(replica, docId, state.rev);
    if (sameRow(row, base)) continue;
    if (!winner || winner.rev === state?.rev || (winner.deleted && !state)) {
      if (row === null && (!winner || winner.deleted)) continue;
      straight.push(
        row === null
          ? { _id: docId, _rev: winner?.rev, _deleted: true }
          : { ...row, _id: docId, ...(winner ? { _rev: winner.rev } : {}) },
      );
      continue;
    }
    const parent = state?.rev;
    if (row === null && parent === undefined) continue;
    const start = parent ? revPosition(parent) + 1 : 1;
    const hash = randomRevHash();
    const rev = `${start}-${hash}`;
    const history = {
      _id: docId,
      _rev: rev,
      _revisions: { start, ids: parent ? [hash, revHash(parent)] : [hash] },
    };
    await replica.bulkDocs([(row ? { ...row, ...history } : { ...history, _deleted: true }) as never], {
      new_edits: false,
    });
    written.push({ docId, rev, author, deleted: row === null });
  }
  if (straight.length > 0) {
    const results = await replica.bulkDocs(straight as never[]);
    results.forEach((result, index) => {
      const docId = String(straight[index]?._id);
      if ('ok' in result && result.ok) {
        written.push({ docId, rev: result.rev, author, deleted: straight[index]?._deleted === true });
      } else retry.push(docId);
    });
  }
  await db.syncDocs.bulkPut(written);
  return retry;
}
