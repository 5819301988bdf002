/**
 * What the Browse table's filter fields and the explore tabs offer for a collection, worked out over
 * all its records: in main for a listing fetched page by page, in the page for a collection held whole.
 */
import type { BrowseOptions } from '../ipc/channels/collections';
import { compositions } from './chart-model';
import { hasMapPoints } from './map-model';
import type { LoadedRecord } from './model';
import { RECORD_KINDS } from './schema';
import { tableColumns } from './table-columns';

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
