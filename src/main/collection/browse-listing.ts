/**
 * The Browse table of a collection, worked out in main where the records are, so the renderer holds
 * only the rows in view: the filter and sort are the shared rules the table applies to a small
 * collection in the renderer (shared/collection/record-filters.ts), so both list the same rows in the
 * same order.
 */
import { RECORD_KINDS } from '@shared/collection/schema';
import type { LoadedRecord } from '@shared/collection/model';
import { compositions } from '@shared/collection/chart-model';
import { hasMapPoints } from '@shared/collection/map-model';
import { filterIndexed, indexRecords, sortedOrder } from '@shared/collection/record-filters';
import { tableColumns } from '@shared/collection/table-columns';
import type { BrowseOptions, BrowseQuery } from '@shared/ipc/channels/collections';

export function browseOptions(records: readonly LoadedRecord[]): BrowseOptions {
  const present = new Set(records.map((record) => record.kind));
  let from = Infinity;
  let to = -Infinity;
  for (const record of records) {
    if (record.earliest) from = Math.min(from, Number(record.earliest.slice(0, 4)));
    if (record.latest) to = Math.max(to, Number(record.latest.slice(0, 4)));
  }
  return {
    kinds: RECORD_KINDS.filter((kind) => present.has(kind)),
    years: Number.isFinite(from) && Number.isFinite(to) ? { from, to } : null,
    places: records.filter((record) => record.kind === 'place'),
    columns: tableColumns(records),
    tabs: { map: hasMapPoints(records), charts: compositions(records).length > 0 },
  };
}

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
