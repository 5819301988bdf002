/**
 * Reading and writing one user-layer row of the notes database as sync content. Only the bridge writes
 * through here (local edits go through the repositories), and only inside its own transactions.
 */
import { targetKey, type Note } from '@shared/notes/model';
import { docIdFor, type DocKind, type SyncContent } from '@shared/sync/docs';
import {
  toDecision,
  toDecisionRow,
  toItem,
  toItemLink,
  toItemLinkRow,
  toItemRow,
  type NoteRow,
  type NotesDatabase,
} from '../notes/db';

export interface RowRef {
  kind: DocKind;
  key: string;
}

const toNote = ({ targetKey: _key, ...note }: NoteRow): Note => note;

/** The store a kind of row lives in, and how one of its rows reads as content. */
function storeOf(db: NotesDatabase, kind: DocKind) {
  if (kind === 'note')
    return {
      table: db.notes,
      content: (row: NoteRow, author: string): SyncContent => ({ type: 'note', author, note: toNote(row) }),
    };
  if (kind === 'item')
    return {
      table: db.items,
      content: (row: Parameters<typeof toItem>[0], author: string): SyncContent => ({
        type: 'item',
        author,
        item: toItem(row),
      }),
    };
  if (kind === 'itemlink')
    return {
      table: db.itemLinks,
      content: (row: Parameters<typeof toItemLink>[0], author: string): SyncContent => ({
        type: 'itemlink',
        author,
        link: toItemLink(row),
      }),
    };
  return {
    table: db.decisions,
    content: (row: Parameters<typeof toDecision>[0], author: string): SyncContent => ({
      type: 'decision',
      author,
      decision: toDecision(row),
    }),
  };
}

const KINDS: readonly DocKind[] = ['note', 'decision', 'item', 'itemlink'];

/** The row's content as a document would hold it (author given by the caller), or null when absent. */
export async function readRow(db: NotesDatabase, ref: RowRef, author: string): Promise<SyncContent | null> {
  if (ref.kind === 'savedsearch') return null;
  const store = storeOf(db, ref.kind);
  const row = await store.table.get(ref.key);
  return row ? store.content(row as never, author) : null;
}

/** Several rows at once, by document id (absent rows are left out). */
export async function readRows(
  db: NotesDatabase,
  refs: ReadonlyMap<string, RowRef>,
  author: string,
): Promise<Map<string, SyncContent>> {
  const found = new Map<string, SyncContent>();
  const entries = [...refs];
  for (const kind of KINDS) {
    const wanted = entries.filter(([, ref]) => ref.kind === kind);
    if (wanted.length === 0) continue;
    const store = storeOf(db, kind);
    const rows = await store.table.bulkGet(wanted.map(([, ref]) => ref.key));
    rows.forEach((row, index) => {
      const docId = wanted[index]?.[0];
      if (row && docId) found.set(docId, store.content(row as never, author));
    });
  }
  return found;
}

/** Puts the content's row, or removes the row when content is null. */
export async function writeRow(db: NotesDatabase, ref: RowRef, content: SyncContent | null): Promise<void> {
  // Saved searches live in the history database (saved-search-rows.ts).
  if (ref.kind === 'savedsearch' || content?.type === 'savedsearch') return;
  if (content === null) await storeOf(db, ref.kind).table.delete(ref.key);
  else if (content.type === 'note')
    await db.notes.put({ ...content.note, targetKey: targetKey(content.note.target) });
  else if (content.type === 'item') await db.items.put(toItemRow(content.item));
  else if (content.type === 'itemlink') await db.itemLinks.put(toItemLinkRow(content.link));
  else await db.decisions.put(toDecisionRow(content.decision));
}

/** Every row's document id with its content (author left empty), for the start-up comparison. */
export async function allRows(db: NotesDatabase): Promise<Map<string, SyncContent>> {
  const rows = new Map<string, SyncContent>();
  for (const row of await db.notes.toArray())
    rows.set(docIdFor('note', row.id), { type: 'note', author: '', note: toNote(row) });
  for (const row of await db.decisions.toArray())
    rows.set(docIdFor('decision', row.key), { type: 'decision', author: '', decision: toDecision(row) });
  for (const row of await db.items.toArray())
    rows.set(docIdFor('item', row.id), { type: 'item', author: '', item: toItem(row) });
  for (const row of await db.itemLinks.toArray())
    rows.set(docIdFor('itemlink', row.id), { type: 'itemlink', author: '', link: toItemLink(row) });
  return rows;
}
