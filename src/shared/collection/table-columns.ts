/**
 * Which columns the Browse table shows, chosen from what the collection's records have: a list of
 * people gets no "Kind" column of "Person" repeated and no "Figures" column of dashes, and a column
 * appears only when at least one record has something to put in it. Chosen over the whole collection,
 * not the filtered rows, so columns do not come and go while the reader types a filter. Pure.
 */
import type { LoadedRecord } from './model';
import type { SortKey } from './record-filters';

export type ColumnKey = 'title' | 'kind' | 'date' | 'born' | 'birthPlace' | 'figures';

export interface Column {
  key: ColumnKey;
  /** The sort the header button applies, when the column can be sorted. */
  sort?: SortKey;
}

const COLUMNS: readonly (Column & { present: (records: readonly LoadedRecord[]) => boolean })[] = [
  { key: 'title', sort: 'title', present: () => true },
  {
    key: 'kind',
    sort: 'kind',
    present: (records) => new Set(records.map((record) => record.kind)).size > 1,
  },
  {
    key: 'date',
    sort: 'date',
    present: (records) => records.some((record) => record.date !== undefined || record.earliest !== null),
  },
  // Registries of people: what most of them give besides the name (docs/collection-format.md).
  {
    key: 'born',
    present: (records) => records.some((record) => record.kind === 'person' && record.person?.birthDate),
  },
  {
    key: 'birthPlace',
    present: (records) => records.some((record) => record.kind === 'person' && record.person?.birthPlace),
  },
  { key: 'figures', present: (records) => records.some((record) => record.claims.length > 0) },
];

export function tableColumns(records: readonly LoadedRecord[]): Column[] {
  return COLUMNS.filter((column) => column.present(records)).map(({ key, sort }) =>
    sort === undefined ? { key } : { key, sort },
  );
}
