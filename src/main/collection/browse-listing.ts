/**
 * The Browse table of a collection, worked out in main where the records are, so the renderer holds
 * only the rows in view: the filter and sort are the shared rules the table applies to a small
 * collection in the renderer (shared/collection/record-filters.ts), so both list the same rows in the
 * same order.
 */
import type { LoadedRecord } from '@shared/collection/model';
import { filterIndexed, indexRecords, sortedOrder } from '@shared/collection/record-filters';
import type { BrowseQuery } from '@shared/ipc/channels/collections';

/** One collator per locale: building one is costly, and the sort orders are cached by its locale. */
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
  return collator;
}

export interface Listing {
  /** The records `query` lists, in its order. */
  list(records: readonly LoadedRecord[], query: BrowseQuery): readonly LoadedRecord[];
}

/**
 * Lists remembered per query: a table scrolled page by page asks for the same listing again and again,
 * and filtering 200,000 records for each page would cost a pass each. A few are kept, so going back to
 * an earlier sort or clearing a filter is answered at once too.
 */
export function createListing(keep = 4): Listing {
  const recent = new Map<string, { records: readonly LoadedRecord[]; listed: readonly LoadedRecord[] }>();
  return {
    list(records, query) {
      const key = JSON.stringify(query);
      const hit = recent.get(key);
      if (hit && hit.records === records) {
        // Most recently used last, so the oldest is the first dropped.
        recent.delete(key);
        recent.set(key, hit);
        return hit.listed;
      }
      const index = indexRecords(records);
      const order = sortedOrder(
        index,
        { key: query.key, direction: query.direction },
        collatorFor(query.locale),
      );
      const listed = filterIndexed(index, query.filter, order);
      recent.delete(key);
      recent.set(key, { records, listed });
      while (recent.size > keep) recent.delete(recent.keys().next().value as string);
      return listed;
    },
  };
}
