/**
 * Saved searches as sync rows. They live in the search history database, not the notes database, and
 * are keyed there by a local auto-number; across machines a saved search is its query (unique on each
 * machine), so its document key is the hash of the query and rows are matched by query.
 */
import Dexie, { type Transaction } from 'dexie';
import {
  sameRow,
  savedSearchDocId,
  savedSearchKey,
  type SavedSearchContent,
  type SyncContent,
} from '@shared/sync/docs';
import type { SyncDocRow } from '../notes/db';
import type { HistoryDb, SavedSearch } from '../search/history';
import { hasUnpushedEdit, type ApplyPlan } from './bridge-apply';

const contentOf = (row: SavedSearch, author: string): SavedSearchContent => ({
  type: 'savedsearch',
  author,
  query: row.query,
  name: row.name,
  createdAt: row.createdAt,
});

/** Every saved search by document id (the table is small: a reader's own list). */
export async function savedSearchRows(
  history: HistoryDb,
  author: string,
): Promise<Map<string, SavedSearchContent>> {
  const rows = new Map<string, SavedSearchContent>();
  for (const row of await history.saved.toArray())
    rows.set(savedSearchDocId(await savedSearchKey(row.query)), contentOf(row, author));
  return rows;
}

/**
 * Applies one document's winner by query: adds or renames the saved search, or removes the one with
 * that query (content null). Repeating it changes nothing, which is what lets it run outside the
 * bridge's notes-database transaction.
 */
export async function writeSavedSearch(
  history: HistoryDb,
  removedQuery: string | null,
  content: SavedSearchContent | null,
): Promise<void> {
  const query = content?.query ?? removedQuery;
  if (query === null) return;
  const existing = await history.saved.where('query').equals(query).first();
  if (content === null) {
    if (existing) await history.saved.delete(existing.id);
  } else if (!existing) {
    await history.saved.add({ query, name: content.name, createdAt: content.createdAt });
  } else if (existing.name !== content.name || existing.createdAt !== content.createdAt) {
    await history.saved.update(existing.id, { name: content.name, createdAt: content.createdAt });
  }
}

/**
 * The saved-search part of one applied batch, in its own transaction of the history database (which
 * cannot join the bridge's notes-database transaction). It runs first, and the bridge's checkpoint
 * advances only afterwards: after a crash in between, the same page is read again and these upserts
 * are re-applied, which changes nothing (at least once, never lost). Answers the document ids applied
 * (the others hold an unpushed local edit and wait for the next push) and whether any row changed.
 */
export async function applySavedSearches(
  history: HistoryDb,
  plans: readonly ApplyPlan[],
  states: ReadonlyMap<string, SyncDocRow>,
  applying: (transaction: Transaction | null) => void,
): Promise<{ applied: Set<string>; changed: boolean }> {
  const applied = new Set<string>();
  let changed = false;
  if (plans.length === 0) return { applied, changed };
  try {
    await history.transaction('rw', history.saved, async () => {
      applying(Dexie.currentTransaction);
      for (const plan of plans) {
        const query = queryOf(plan.winner) ?? queryOf(plan.base);
        const found = query === null ? undefined : await history.saved.where('query').equals(query).first();
        const row = found ? contentOf(found, '') : null;
        if (states.get(plan.docId)?.rev !== plan.baseRev || hasUnpushedEdit(row, plan)) continue;
        if (!sameRow(row, plan.winner)) {
          await writeSavedSearch(history, query, plan.winner?.type === 'savedsearch' ? plan.winner : null);
          changed = true;
        }
        applied.add(plan.docId);
      }
    });
  } finally {
    applying(null);
  }
  return { applied, changed };
}

const queryOf = (content: SyncContent | null): string | null =>
  content?.type === 'savedsearch' ? content.query : null;
