/**
 * Reading and writing one user-layer row of the notes database as sync content. Only the bridge writes
 * through here (local edits go through the repositories), and only inside its own transactions.
 */
import { targetKey, type Note } from '@shared/notes/model';
import { docIdFor, type DocKind, type SyncContent } from '@shared/sync/docs';
import { toDecision, toDecisionRow, type NoteRow, type NotesDatabase } from '../notes/db';

export interface RowRef {
  kind: DocKind;
  key: string;
}

const toNote = ({ targetKey: _key, ...note }: NoteRow): Note => note;

/** The row's content as a document would hold it (author given by the caller), or null when absent. */
export async function readRow(db: NotesDatabase, ref: RowRef, author: string): Promise<SyncContent | null> {
  if (ref.kind === 'note') {
    const row = await db.notes.get(ref.key);
    return row ? { type: 'note', author, note: toNote(row) } : null;
  }
  const row = await db.decisions.get(ref.key);
  return row ? { type: 'decision', author, decision: toDecision(row) } : null;
}

/** Several rows at once, by document id (absent rows are left out). */
export async function readRows(
  db: NotesDatabase,
  refs: ReadonlyMap<string, RowRef>,
  author: string,
): Promise<Map<string, SyncContent>> {
  const found = new Map<string, SyncContent>();
  const entries = [...refs];
  const notes = entries.filter(([, ref]) => ref.kind === 'note');
  const decisions = entries.filter(([, ref]) => ref.kind === 'decision');
  const noteRows = await db.notes.bulkGet(notes.map(([, ref]) => ref.key));
  noteRows.forEach((row, index) => {
    const docId = notes[index]?.[0];
    if (row && docId) found.set(docId, { type: 'note', author, note: toNote(row) });
  });
  const decisionRows = await db.decisions.bulkGet(decisions.map(([, ref]) => ref.key));
  decisionRows.forEach((row, index) => {
    const docId = decisions[index]?.[0];
    if (row && docId) found.set(docId, { type: 'decision', author, decision: toDecision(row) });
  });
  return found;
}

/** Puts the content's row, or removes the row when content is null. */
export async function writeRow(db: NotesDatabase, ref: RowRef, content: SyncContent | null): Promise<void> {
  if (content === null) {
    await (ref.kind === 'note' ? db.notes.delete(ref.key) : db.decisions.delete(ref.key));
  } else if (content.type === 'note') {
    await db.notes.put({ ...content.note, targetKey: targetKey(content.note.target) });
  } else {
    await db.decisions.put(toDecisionRow(content.decision));
  }
}

/** Every row's document id with its content (author left empty), for the start-up comparison. */
export async function allRows(db: NotesDatabase): Promise<Map<string, SyncContent>> {
  const rows = new Map<string, SyncContent>();
  for (const row of await db.notes.toArray())
    rows.set(docIdFor('note', row.id), { type: 'note', author: '', note: toNote(row) });
  for (const row of await db.decisions.toArray())
    rows.set(docIdFor('decision', row.key), { type: 'decision', author: '', decision: toDecision(row) });
  return rows;
}
