/**
 * Applying what the replica holds to the notes database, one batch of document ids per Dexie
 * transaction: the winning revision becomes the row, the losing revisions with different work become
 * a `syncConflicts` record (both texts kept, nothing chosen for the user), and losing revisions that
 * hold the winner's very work are reported back so the bridge can close them.
 */
import { canonicalJson } from '@shared/notes/model';
import {
  changedAtOf,
  classifyConflict,
  type ConflictRevision,
  type SyncConflict,
} from '@shared/sync/conflicts';
import { parseDocId, readDoc, sameRow, type SyncContent } from '@shared/sync/docs';
import type { NotesDatabase } from '../notes/db';
import { contentAt, leaves, winners, type ReplicaDb } from './replica';
import type { RowRef } from './rows';

/** What one document asks of the notes database, read from the replica before the transaction. */
export interface ApplyPlan {
  docId: string;
  ref: RowRef;
  /** The revision the row showed when planned, and its content (null: none, or a deletion). */
  baseRev: string | undefined;
  base: SyncContent | null;
  winnerRev: string;
  /** Null when the winning revision is a deletion (purged or undone everywhere). */
  winner: SyncContent | null;
  conflict: SyncConflict | null;
  /** Losing revisions holding the winner's work: closed after the transaction. */
  redundant: string[];
}

const revision = (rev: string, content: SyncContent): ConflictRevision => ({
  rev,
  author: content.author,
  changedAt: changedAtOf(content),
  content,
});

/**
 * Reads one document's leaves and plans its application. A revision that is not valid Atmintis data
 * is left in the replica (never lost, never half-applied) and named in `problems`.
 */
export async function planApply(
  db: NotesDatabase,
  replica: ReplicaDb,
  docId: string,
  problems: string[],
): Promise<ApplyPlan | null> {
  const ref = parseDocId(docId);
  if (!ref) return null;
  const winnerInfo = (await winners(replica, [docId])).get(docId);
  if (!winnerInfo) return null;
  const state = await db.syncDocs.get(docId);
  const base = state && !state.deleted ? await contentAt(replica, docId, state.rev) : null;
  const plan: ApplyPlan = {
    docId,
    ref,
    baseRev: state?.rev,
    base,
    winnerRev: winnerInfo.rev,
    winner: null,
    conflict: null,
    redundant: [],
  };
  if (winnerInfo.deleted) return plan;
  const read: ConflictRevision[] = [];
  for (const leaf of await leaves(replica, docId)) {
    if (leaf._deleted) continue;
    const parsed = readDoc(leaf);
    if (!parsed.ok) {
      problems.push(`Revision ${leaf._rev} of ${parsed.error} — kept in the sync database, not shown.`);
      continue;
    }
    read.push(revision(leaf._rev, parsed.content));
  }
  const winner = read.find((candidate) => candidate.rev === winnerInfo.rev);
  if (!winner) return null;
  const { conflict, redundant } = classifyConflict(
    docId,
    ref.key,
    winner,
    read.filter((candidate) => candidate !== winner),
  );
  return { ...plan, winner: winner.content, conflict, redundant };
}

export const sameConflict = (x: SyncConflict | undefined, y: SyncConflict | null): boolean =>
  (x ?? null) === null ? y === null : y !== null && canonicalJson(x) === canonicalJson(y);

/** True when the row holds neither what it was based on nor the winner: a local edit not yet pushed. */
export const hasUnpushedEdit = (row: SyncContent | null, plan: ApplyPlan): boolean =>
  !sameRow(row, plan.base) && !sameRow(row, plan.winner);
