/**
 * Pushing one local row into the replica. The row is written as a child of the revision it was based
 * on (the one the notes database last showed). When that is still the winner this is an ordinary
 * update; when a teammate's revision arrived in between, the local edit becomes a sibling branch
 * (new_edits: false, the way replication itself writes), so PouchDB reports a conflict instead of one
 * edit silently burying the other.
 */
import { contentDocId, sameRow } from '@shared/sync/docs';
import type { NotesDatabase } from '../notes/db';
import { contentAt, randomRevHash, revHash, revPosition, winners, type ReplicaDb } from './replica';
import { readRow, type RowRef } from './rows';

export async function pushRow(
  db: NotesDatabase,
  replica: ReplicaDb,
  docId: string,
  ref: RowRef,
  author: string,
): Promise<void> {
  const current = await readRow(db, ref, author);
  const state = await db.syncDocs.get(docId);
  const base = state && !state.deleted ? await contentAt(replica, docId, state.rev) : null;
  if (sameRow(current, base)) return;
  const winner = (await winners(replica, [docId])).get(docId);
  const straight = !winner || winner.rev === state?.rev || (winner.deleted && !state);
  let rev: string;
  if (straight) {
    if (current === null) {
      if (!winner || winner.deleted) return;
      rev = (await replica.put({ _id: docId, _rev: winner.rev, _deleted: true } as never)).rev;
    } else {
      const doc = { ...current, _id: contentDocId(current), ...(winner ? { _rev: winner.rev } : {}) };
      rev = (await replica.put(doc)).rev;
    }
  } else {
    const parent = state?.rev;
    if (current === null && parent === undefined) return;
    const start = parent ? revPosition(parent) + 1 : 1;
    const hash = randomRevHash();
    rev = `${start}-${hash}`;
    const history = {
      _id: docId,
      _rev: rev,
      _revisions: { start, ids: parent ? [hash, revHash(parent)] : [hash] },
    };
    const doc: Record<string, unknown> = current
      ? { ...current, ...history }
      : { ...history, _deleted: true };
    await replica.bulkDocs([doc as never], { new_edits: false });
  }
  await db.syncDocs.put({ docId, rev, author, deleted: current === null });
}
