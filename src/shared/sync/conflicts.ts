/**
 * Conflict rules. The replication engine picks a winning revision deterministically on every machine;
 * nothing here picks a winner. These rules only say which losing revisions are real conflicts the
 * user must see (different work) and which hold the same work as the winner and may be closed
 * silently, and how a decision conflict reads (a disagreement when the two authors decided
 * differently).
 */
import { canonicalJson } from '../notes/model';
import type { Item } from '../photos/item';
import type { ItemLink } from '../photos/item-link';
import type { SyncContent } from './docs';

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
  /** The key of the row in its store (note id, decision pair key or item id). */
  key: string;
  winner: ConflictRevision;
  losers: ConflictRevision[];
  /** For decisions: the authors decided differently ("same" against "different", say). */
  disagreement: boolean;
}

export function changedAtOf(content: SyncContent): string {
  if (content.type === 'note') return content.note.updatedAt;
  if (content.type === 'item') return content.item.updatedAt;
  if (content.type === 'itemlink') return content.link.updatedAt;
  // A saved search keeps no time of renaming: the time it was first saved stands for it.
  if (content.type === 'savedsearch') return new Date(content.createdAt).toISOString();
  return content.decision.updated;
}

/** An item without its timestamps: what the user wrote (title, template, metadata, fields, photos). */
const itemWork = ({ createdAt: _created, updatedAt: _updated, ...work }: Item): string => canonicalJson(work);

/** A link without its timestamps: which item (and photo) it is on and which record it names. */
const linkWork = ({ createdAt: _created, updatedAt: _updated, ...work }: ItemLink): string =>
  canonicalJson(work);

/**
 * A link as one readable text, for the Conflicts list: the record's title and ids, then the item and
 * (when the link is to one sheet) that photo's sha256 and page.
 */
export function itemLinkText(link: ItemLink): string {
  const lines = [`${link.recordTitle} (${link.collectionId} / ${link.recordId})`, `item: ${link.itemId}`];
  if (link.photo) lines.push(`photo: ${link.photo.sha256.slice(0, 12)} p. ${link.photo.page + 1}`);
  return lines.join('\n');
}

/**
 * An item as one readable text, for the Conflicts list and the "nothing lost" checks: its title, then
 * each named and free field that has a value, one per line.
 */
export function itemText(item: Item): string {
  const fields = [
    ...Object.entries(item.metadata).filter(([, value]) => value),
    ...item.fields.map((field) => [field.name, field.value] as const),
  ].map(([name, value]) => `${name}: ${value}`);
  return [item.title, ...fields].join('\n');
}

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
  if (x.type === 'item' && y.type === 'item') return itemWork(x.item) === itemWork(y.item);
  if (x.type === 'itemlink' && y.type === 'itemlink') return linkWork(x.link) === linkWork(y.link);
  if (x.type === 'savedsearch' && y.type === 'savedsearch') return x.query === y.query && x.name === y.name;
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

/** The text a revision holds: a note's body, a decision's note, an item's title and fields, a link's record. */
export function revisionText(content: SyncContent): string {
  if (content.type === 'note') return content.note.body;
  if (content.type === 'item') return itemText(content.item);
  if (content.type === 'itemlink') return itemLinkText(content.link);
  if (content.type === 'savedsearch') return `${content.name}\n${content.query}`;
  return content.decision.note;
}

/** Every text a conflict holds (winner first), for "nothing was lost" checks and the merge editor. */
export function conflictTexts(conflict: SyncConflict): string[] {
  return [conflict.winner, ...conflict.losers].map((revision) => revisionText(revision.content));
}

/**
 * The content a resolution writes: the chosen revision's row (or, for "merge by hand", the winner's
 * note with the merged text), stamped as changed now by the resolving author. Items and item links
 * have no "merge by hand": one version is kept. `changedAt` is later
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
  if (base.type === 'item') {
    // An item's versions are kept whole: the user keeps one and edits the item itself afterwards.
    if ('body' in choice) throw new Error('An item conflict is resolved by keeping one of its versions.');
    return { type: 'item', author, item: { ...base.item, updatedAt: at } };
  }
  if (base.type === 'itemlink') {
    // A link has no text of its own to merge: the user keeps one version of where it points.
    if ('body' in choice)
      throw new Error('An item link conflict is resolved by keeping one of its versions.');
    return { type: 'itemlink', author, link: { ...base.link, updatedAt: at } };
  }
  if (base.type === 'savedsearch') {
    // A saved search is a name for a query: the user keeps one of the names.
    if ('body' in choice) throw new Error('A saved search conflict is resolved by keeping one of its names.');
    return { ...base, author };
  }
  if (base.type === 'note') {
    const body = 'body' in choice ? choice.body : base.note.body;
    return { type: 'note', author, note: { ...base.note, body, updatedAt: at } };
  }
  const note = 'body' in choice ? choice.body : base.decision.note;
  return { type: 'decision', author, decision: { ...base.decision, note, updated: at } };
}
