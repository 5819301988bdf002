/**
 * The bridge's mapping between user-layer rows (as the notes database keeps them) and replicated
 * documents: one document per row, a stable `_id` derived from the row's own key, the row's content
 * kept verbatim under `note`, `decision`, `item` or `link`, and the author of that revision beside it. Pure: the
 * renderer's bridge and the bundle code both use it, and nothing here knows PouchDB.
 */
import { pairKey } from '../linkage/groups';
import type { Decision } from '../linkage/types';
import { decisionProblem, noteProblem } from '../notes/backup-rows';
import { canonicalJson, type Note } from '../notes/model';
import { itemProblem, type Item } from '../photos/item';
import { itemLinkProblem, type ItemLink } from '../photos/item-link';

/** The author recorded when the user has not set a sync user name. */
export const LOCAL_AUTHOR = 'local';

export type DocKind = 'note' | 'decision' | 'item' | 'itemlink' | 'savedsearch';

export type SyncContent =
  | { type: 'note'; author: string; note: Note }
  | { type: 'decision'; author: string; decision: Decision }
  | { type: 'item'; author: string; item: Item }
  | { type: 'itemlink'; author: string; link: ItemLink }
  | SavedSearchContent;

/**
 * A saved search travels flat: its query (already trimmed; unique on each machine, so the document id
 * is derived from it), its name and when it was first saved (epoch milliseconds).
 */
export interface SavedSearchContent {
  type: 'savedsearch';
  author: string;
  query: string;
  name: string;
  createdAt: number;
}

/** A document as the replication engine stores it. */
export type SyncDoc = SyncContent & { _id: string; _rev?: string };

const NOTE_PREFIX = 'note:';
const DECISION_PREFIX = 'decision:';
const ITEM_PREFIX = 'item:';
const ITEM_LINK_PREFIX = 'itemlink:';
const SAVED_SEARCH_PREFIX = 'savedsearch:';
const PREFIXES: Readonly<Record<DocKind, string>> = {
  note: NOTE_PREFIX,
  decision: DECISION_PREFIX,
  item: ITEM_PREFIX,
  itemlink: ITEM_LINK_PREFIX,
  savedsearch: SAVED_SEARCH_PREFIX,
};

export const noteDocId = (id: string): string => `${NOTE_PREFIX}${id}`;
/** The pair key joins the two record ids with a newline, which a document id may hold. */
export const decisionDocId = (a: string, b: string): string => `${DECISION_PREFIX}${pairKey(a, b)}`;

export const itemDocId = (id: string): string => `${ITEM_PREFIX}${id}`;
export const itemLinkDocId = (id: string): string => `${ITEM_LINK_PREFIX}${id}`;

/** The key of a saved search: the sha256 (hex) of its trimmed query, the same on every machine. */
export async function savedSearchKey(query: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(query.trim()));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const savedSearchDocId = (key: string): string => `${SAVED_SEARCH_PREFIX}${key}`;

/** The document id of a row, from its store and key (a note's id, a decision's pair key, an item's or a link's id). */
export const docIdFor = (kind: DocKind, key: string): string => `${PREFIXES[kind]}${key}`;

/** Which store and key a document id stands for, or null for an id Atmintis does not write. */
export function parseDocId(docId: string): { kind: DocKind; key: string } | null {
  for (const kind of Object.keys(PREFIXES) as DocKind[]) {
    const prefix = PREFIXES[kind];
    if (docId.startsWith(prefix)) return { kind, key: docId.slice(prefix.length) };
  }
  return null;
}

export const noteContent = (note: Note, author: string): SyncContent => ({ type: 'note', author, note });
export const decisionContent = (decision: Decision, author: string): SyncContent => ({
  type: 'decision',
  author,
  decision,
});

export const itemContent = (item: Item, author: string): SyncContent => ({ type: 'item', author, item });
export const itemLinkContent = (link: ItemLink, author: string): SyncContent => ({
  type: 'itemlink',
  author,
  link,
});

/** Not for saved searches: their id needs the (asynchronous) hash of the query, `savedSearchKey`. */
export function contentDocId(content: SyncContent): string {
  if (content.type === 'savedsearch')
    throw new Error('A saved search document id is savedSearchDocId(await savedSearchKey(query)).');
  if (content.type === 'note') return noteDocId(content.note.id);
  if (content.type === 'item') return itemDocId(content.item.id);
  if (content.type === 'itemlink') return itemLinkDocId(content.link.id);
  return decisionDocId(content.decision.a, content.decision.b);
}

export interface SavedSearchRow {
  query: string;
  name: string;
  createdAt: number;
}

/** The row's content alone (what the user wrote), for "is this the same?" comparisons. */
export function rowOf(content: SyncContent): Note | Decision | Item | ItemLink | SavedSearchRow {
  if (content.type === 'savedsearch')
    return { query: content.query, name: content.name, createdAt: content.createdAt };
  if (content.type === 'note') return content.note;
  if (content.type === 'item') return content.item;
  if (content.type === 'itemlink') return content.link;
  return content.decision;
}

/** True when two contents hold the same row, whoever wrote them. */
export function sameRow(x: SyncContent | null, y: SyncContent | null): boolean {
  if (x === null || y === null) return x === y;
  return x.type === y.type && canonicalJson(rowOf(x)) === canonicalJson(rowOf(y));
}

/**
 * Reads a document that came from another machine (replication or a bundle). Anything that does not
 * hold a valid row under the id it claims is refused with the reason, so nothing half-valid reaches
 * the notes database.
 */
export function readDoc(raw: unknown): { ok: true; content: SyncContent } | { ok: false; error: string } {
  if (!raw || typeof raw !== 'object') return { ok: false, error: 'is not an object' };
  const doc = raw as Record<string, unknown>;
  const id = typeof doc._id === 'string' ? doc._id : null;
  if (id === null) return { ok: false, error: '_id: must be a string' };
  const parsed = parseDocId(id);
  if (!parsed)
    return {
      ok: false,
      error: `_id "${id}": not a note, decision, item, item link or saved search document`,
    };
  const author = typeof doc.author === 'string' && doc.author.trim() !== '' ? doc.author : null;
  if (author === null) return { ok: false, error: `"${id}" › author: must be a non-empty string` };
  if (doc.type !== parsed.kind) return { ok: false, error: `"${id}" › type: must be "${parsed.kind}"` };
  if (parsed.kind === 'note') {
    const note = doc.note as Note;
    const problem = note && typeof note === 'object' ? noteProblem(note) : 'must be an object';
    if (problem) return { ok: false, error: `"${id}" › note › ${problem}` };
    if (note.id !== parsed.key) return { ok: false, error: `"${id}" › note.id: does not match the _id` };
    return { ok: true, content: { type: 'note', author, note } };
  }
  if (parsed.kind === 'item') {
    const item = doc.item as Item;
    const problem = item && typeof item === 'object' ? itemProblem(item) : 'must be an object';
    if (problem) return { ok: false, error: `"${id}" › item › ${problem}` };
    if (item.id !== parsed.key) return { ok: false, error: `"${id}" › item.id: does not match the _id` };
    return { ok: true, content: { type: 'item', author, item } };
  }
  if (parsed.kind === 'itemlink') {
    const link = doc.link as ItemLink;
    const problem = link && typeof link === 'object' ? itemLinkProblem(link) : 'must be an object';
    if (problem) return { ok: false, error: `"${id}" › link › ${problem}` };
    if (link.id !== parsed.key) return { ok: false, error: `"${id}" › link.id: does not match the _id` };
    return { ok: true, content: { type: 'itemlink', author, link } };
  }
  if (parsed.kind === 'savedsearch') {
    const problem = savedSearchProblem(doc, parsed.key);
    if (problem) return { ok: false, error: `"${id}" › ${problem}` };
    const { query, name, createdAt } = doc as unknown as SavedSearchRow;
    return { ok: true, content: { type: 'savedsearch', author, query, name, createdAt } };
  }
  const decision = doc.decision as Decision;
  const problem = decision && typeof decision === 'object' ? decisionProblem(decision) : 'must be an object';
  if (problem) return { ok: false, error: `"${id}" › decision › ${problem}` };
  if (pairKey(decision.a, decision.b) !== parsed.key)
    return { ok: false, error: `"${id}" › decision: a and b do not match the _id` };
  return { ok: true, content: { type: 'decision', author, decision } };
}

/**
 * What is wrong with a saved search document's fields, or null. That the key is the hash of this very
 * query is checked where the hash can be computed (asynchronously, when the bridge plans an apply).
 */
function savedSearchProblem(doc: Record<string, unknown>, key: string): string | null {
  if (!/^[0-9a-f]{64}$/.test(key)) return '_id: must end in the sha256 (hex) of the query';
  const { query, name, createdAt } = doc;
  if (typeof query !== 'string' || query.trim() === '') return 'query: must be a non-empty string';
  if (query !== query.trim()) return 'query: must not begin or end with spaces';
  if (typeof name !== 'string' || name.trim() === '') return 'name: must be a non-empty string';
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt < 0)
    return 'createdAt: must be a time in epoch milliseconds';
  return null;
}

/** The content of a document without the engine's fields, for writing it back as a new revision. */
export function contentOf(doc: SyncDoc): SyncContent {
  if (doc.type === 'note') return { type: 'note', author: doc.author, note: doc.note };
  if (doc.type === 'item') return { type: 'item', author: doc.author, item: doc.item };
  if (doc.type === 'itemlink') return { type: 'itemlink', author: doc.author, link: doc.link };
  if (doc.type === 'savedsearch') {
    const { query, name, createdAt } = doc;
    return { type: 'savedsearch', author: doc.author, query, name, createdAt };
  }
  return { type: 'decision', author: doc.author, decision: doc.decision };
}
