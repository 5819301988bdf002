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
import { parseDocId, readDoc, sameRow, savedSearchKey, type SyncContent } from '@shared/sync/docs';
import type { NotesDatabase } from '../notes/db';
import { contentAt, leaves, type LeafDoc, type ReplicaDb } from './replica';
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

/** What the replica and the notes database hold for a batch of ids, read in three bulk calls. */
export async function prefetch(db: NotesDatabase, replica: ReplicaDb, ids: readonly string[]) {
  const response = await replica.allDocs({ keys: [...ids], include_docs: true, conflicts: true });
  const winners = new Map<string, { rev: string; deleted: boolean; doc: LeafDoc | null }>();
  for (const row of response.rows) {
    if ('error' in row) continue;
    const deleted = row.value.deleted === true;
    winners.set(row.id, {
      rev: row.value.rev,
      deleted,
      doc: deleted ? null : ((row.doc as LeafDoc | undefined) ?? null),
    });
  }
  const states = new Map(
    (await db.syncDocs.bulkGet([...ids])).filter((s) => s !== undefined).map((s) => [s.docId, s]),
  );
  return { winners, states };
}

/**
 * Plans one document's application from the prefetched winner (its losing revisions are read only
 * when it has any). A revision that is not valid Atmintis data is left in the replica (never lost,
 * never half-applied) and named in `problems`.
 */
export async function planApply(
  replica: ReplicaDb,
  docId: string,
  fetched: Awaited<ReturnType<typeof prefetch>>,
  problems: string[],
): Promise<ApplyPlan | null> {
  const ref = parseDocId(docId);
  if (!ref) return null;
  const winnerInfo = fetched.winners.get(docId);
  if (!winnerInfo) return null;
  const state = fetched.states.get(docId);
  const base =
    !state || state.deleted
      ? null
      : state.rev === winnerInfo.rev
        ? winnerInfo.doc && readOk(winnerInfo.doc)
        : await contentAt(replica, docId, state.rev);
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
  if (winnerInfo.deleted || !winnerInfo.doc) return plan;
  const conflicts = (winnerInfo.doc as { _conflicts?: string[] })._conflicts ?? [];
  const docs = conflicts.length > 0 ? await leaves(replica, docId) : [winnerInfo.doc];
  const read: ConflictRevision[] = [];
  for (const leaf of docs) {
    if (leaf._deleted) continue;
    const parsed = readDoc(leaf);
    if (!parsed.ok) {
      problems.push(`Revision ${leaf._rev} of ${parsed.error} — kept in the sync database, not shown.`);
      continue;
    }
    const content = parsed.content;
    if (content.type === 'savedsearch' && (await savedSearchKey(content.query)) !== ref.key) {
      problems.push(
        `Revision ${leaf._rev} of "${docId}" › query: its sha256 does not match the _id — kept in the sync database, not shown.`,
      );
      continue;
    }
    read.push(revision(leaf._rev, content));
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

function readOk(doc: LeafDoc): SyncContent | null {
  const parsed = readDoc(doc);
  return parsed.ok ? parsed.content : null;
}

export const sameConflict = (x: SyncConflict | undefined, y: SyncConflict | null): boolean =>
  (x ?? null) === null ? y === null : y !== null && canonicalJson(x) === canonicalJson(y);

/** True when the row holds neither what it was based on nor the winner: a local edit not yet pushed. */
export const hasUnpushedEdit = (row: SyncContent | null, plan: ApplyPlan): boolean =>
  !sameRow(row, plan.base) && !sameRow(row, plan.winner);
