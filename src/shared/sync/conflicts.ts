/**
 * Conflict rules. The replication engine picks a winning revision deterministically on every machine;
 * nothing here picks a winner. These rules only say which losing revisions are real conflicts the
 * user must see (different work) and which hold the same work as the winner and may be closed
 * silently, and how a decision conflict reads (a disagreement when the two authors decided
 * differently).
 */
import { rowOf, type SyncContent } from './docs';

/** One revision of a document as the Conflicts list shows it. */
export interface ConflictRevision {
  rev: string;
  author: string;
  /** When that revision's row was last changed (the note's updatedAt or the decision's updated). */
  changedAt: string;
  content: SyncContent;
}

/** What the notes database keeps for a document with open conflicts: the winner and every loser. */
export interface SyncConflict {
  docId: string;
  kind: SyncContent['type'];
  /** The key of the row in its store (note id or decision pair key). */
  key: string;
  winner: ConflictRevision;
  losers: ConflictRevision[];
  /** For decisions: the authors decided differently ("same" against "different", say). */
  disagreement: boolean;
}

export const changedAtOf = (content: SyncContent): string =>
  content.type === 'note' ? content.note.updatedAt : content.decision.updated;

/**
 * The same work: what the user wrote is equal. Timestamps and authorship do not count, nor when a note
 * went to the trash — only whether it is there — so two machines that trashed the same note, or
 * made the same decision, do not raise a conflict.
 */
export function sameWork(x: SyncContent, y: SyncContent): boolean {
  if (x.type === 'note' && y.type === 'note') {
    const a = x.note;
    const b = y.note;
    return (
      a.body === b.body &&
      a.colour === b.colour &&
      JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
      JSON.stringify(a.target) === JSON.stringify(b.target) &&
      (a.deletedAt === null) === (b.deletedAt === null)
    );
  }
  if (x.type === 'decision' && y.type === 'decision') {
    return x.decision.decision === y.decision.decision && x.decision.note === y.decision.note;
  }
  return false;
}

/**
 * Splits the losing revisions: `conflict` is null when every loser holds the winner's work (those
 * revisions can be closed), else it lists the losers that differ. Losers are in rev order so two
 * machines with the same revision tree build the same record.
 */
export function classifyConflict(
  docId: string,
  key: string,
  winner: ConflictRevision,
  losers: readonly ConflictRevision[],
): { conflict: SyncConflict | null; redundant: string[] } {
  const sorted = [...losers].sort((x, y) => (x.rev < y.rev ? -1 : x.rev > y.rev ? 1 : 0));
  const differing = sorted.filter((loser) => !sameWork(loser.content, winner.content));
  const redundant = sorted.filter((loser) => sameWork(loser.content, winner.content)).map((l) => l.rev);
  if (differing.length === 0) return { conflict: null, redundant };
  const disagreement =
    winner.content.type === 'decision' &&
    differing.some(
      (loser) =>
        loser.content.type === 'decision' &&
        winner.content.type === 'decision' &&
        loser.content.decision.decision !== winner.content.decision.decision,
    );
  return {
    conflict: { docId, kind: winner.content.type, key, winner, losers: differing, disagreement },
    redundant,
  };
}

/** Every text a conflict holds (winner first), for "nothing was lost" checks and the merge editor. */
export function conflictTexts(conflict: SyncConflict): string[] {
  return [conflict.winner, ...conflict.losers].map((revision) => {
    const row = rowOf(revision.content);
    return 'body' in row ? row.body : row.note;
  });
}

/**
 * The content a resolution writes: the chosen revision's row (or, for "merge by hand", the winner's
 * note with the merged text), stamped as changed now by the resolving author. `changedAt` is later
 * than every revision in the conflict so merges elsewhere (backups) see the resolution as newest.
 */
export function resolutionContent(
  conflict: SyncConflict,
  choice: { rev: string } | { body: string },
  author: string,
  now: Date,
): SyncContent {
  const latest = [conflict.winner, ...conflict.losers]
    .map((revision) => revision.changedAt)
    .reduce((x, y) => (x > y ? x : y));
  const at = now.toISOString() > latest ? now.toISOString() : new Date(Date.parse(latest) + 1).toISOString();
  const base =
    'rev' in choice
      ? [conflict.winner, ...conflict.losers].find((revision) => revision.rev === choice.rev)?.content
      : conflict.winner.content;
  if (!base) throw new Error(`Revision ${'rev' in choice ? choice.rev : ''} is not part of this conflict.`);
  if (base.type === 'note') {
    const body = 'body' in choice ? choice.body : base.note.body;
    return { type: 'note', author, note: { ...base.note, body, updatedAt: at } };
  }
  const note = 'body' in choice ? choice.body : base.decision.note;
  return { type: 'decision', author, decision: { ...base.decision, note, updated: at } };
}
