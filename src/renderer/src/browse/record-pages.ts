/**
 * The pages of one Browse listing (one collection revision, sort and filter) the renderer holds: the
 * table asks for the rows in view and only the pages it lacks are fetched, each once. Pure, so the
 * paging rules are tested apart from React and the transport.
 */
import type { LoadedRecord } from '@shared/collection/model';
import type { CollectionResponses } from '@shared/ipc/channels/collections';

export type PageAnswer = CollectionResponses['collections.page'];

/** Rows per `collections.page` request: a few screenfuls, so a scroll rarely waits on a request. */
export const PAGE_SIZE = 100;

export interface RecordPages {
  /** Records the listing holds (what the table's row count says). */
  readonly total: number;
  readonly revision: string;
  /** Every row, `undefined` where its page has not arrived; the same array until a page arrives. */
  rows(): readonly (LoadedRecord | undefined)[];
  /**
   * The pages rows [start, end) fall on that are neither held nor already asked for, marked as asked
   * for: the caller fetches each and hands the answer to `add` (or `failed`).
   */
  claim(start: number, end: number): number[];
  /**
   * Keeps a page's answer. False, and nothing kept, when it belongs to another listing (the collection
   * changed in between: its revision or length differs), so stale rows never mix with current ones.
   */
  add(page: number, answer: PageAnswer): boolean;
  /** A request that failed: its page may be asked for again. */
  failed(page: number): void;
}

export function createRecordPages(first: PageAnswer, pageSize = PAGE_SIZE): RecordPages {
  const { total, revision } = first;
  const held = new Map<number, readonly LoadedRecord[]>();
  const asked = new Set<number>();
  let rows: (LoadedRecord | undefined)[] | undefined;
  const keep = (page: number, records: readonly LoadedRecord[]) => {
    held.set(page, records);
    asked.delete(page);
    rows = undefined;
  };
  if (first.offset % pageSize === 0) keep(first.offset / pageSize, first.records);

  return {
    total,
    revision,
    rows() {
      if (rows) return rows;
      // A sparse array: a 200,000-row listing costs only the rows that arrived.
      const built = new Array<LoadedRecord | undefined>(total);
      for (const [page, records] of held) {
        records.forEach((record, i) => (built[page * pageSize + i] = record));
      }
      return (rows = built);
    },
    claim(start, end) {
      const from = Math.max(0, Math.floor(start / pageSize));
      const to = Math.min(Math.ceil(total / pageSize), Math.ceil(end / pageSize));
      const pages: number[] = [];
      for (let page = from; page < to; page++) {
        if (held.has(page) || asked.has(page)) continue;
        asked.add(page);
        pages.push(page);
      }
      return pages;
    },
    add(page, answer) {
      if (answer.revision !== revision || answer.total !== total || answer.offset !== page * pageSize) {
        asked.delete(page);
        return false;
      }
      keep(page, answer.records);
      return true;
    },
    failed(page) {
      asked.delete(page);
    },
  };
}
