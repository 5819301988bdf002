/**
 * Filtering and sorting of the Browse list. Pure, so the rules (what "in period" and "at a place"
 * mean) are tested apart from the UI.
 */
import type { RecordKind } from './schema';
import type { LoadedRecord } from './model';

export interface RecordFilter {
  kind: RecordKind | 'all';
  /** Inclusive year bounds; a record matches when its date range overlaps them. */
  fromYear: number | null;
  toYear: number | null;
  /** A place record id: matches the place itself and records related to it either way. */
  placeId: string | 'all';
  text: string;
  unverifiedOnly: boolean;
}

export type SortKey = 'title' | 'kind' | 'date';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export const EMPTY_FILTER: RecordFilter = {
  kind: 'all',
  fromYear: null,
  toYear: null,
  placeId: 'all',
  text: '',
  unverifiedOnly: false,
};

function isUnverified(record: LoadedRecord): boolean {
  return (
    (record.flags ?? []).some((flag) => flag.type === 'unverified') ||
    (record.claims.length > 0 && record.claims.every((claim) => claim.status === 'unverified'))
  );
}

export function hasUnverifiedContent(record: LoadedRecord): boolean {
  return (
    isUnverified(record) ||
    record.claims.some((claim) => claim.status === 'unverified') ||
    (record.kind === 'place' && record.coordinates?.status === 'unverified')
  );
}

const incomingCache = new WeakMap<readonly LoadedRecord[], ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * record id → ids of records whose relations point at it. Kept per collection: a record page asks on
 * every record opened, and a 200,000-person registry has 600,000 relations to walk.
 */
export function incomingRelations(
  records: readonly LoadedRecord[],
): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = incomingCache.get(records);
  if (cached) return cached;
  const incoming = new Map<string, Set<string>>();
  for (const record of records) {
    for (const relation of record.relations) {
      let set = incoming.get(relation.target);
      if (!set) incoming.set(relation.target, (set = new Set()));
      set.add(record.id);
    }
  }
  incomingCache.set(records, incoming);
  return incoming;
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
/** Joins a record's names into one string to search; typed text never holds it, so no match spans two. */
const NAME_SEPARATOR = '\u0000';

/**
 * What filtering and sorting need from a collection, worked out once per collection rather than on
 * every keystroke: with 200,000 records, folding every name and walking every relation per keystroke
 * took seconds. Each part is worked out when a filter or sort first needs it, so opening the list
 * pays only for the sort it shows. Arrays are by the record's position in `records`.
 */
export interface RecordIndex {
  records: readonly LoadedRecord[];
  /** Folded title, labels and other names, joined by NAME_SEPARATOR. */
  names?: string[];
  unverified?: Uint8Array;
  /** Years of `earliest` and `latest`; NaN when undated. */
  years?: { from: Float64Array; to: Float64Array };
  position?: Map<string, number>;
  /** Per locale: each record's rank among all titles, kinds and dates as the sort compares them. */
  ranks: Map<string, Ranks>;
  /** The records related to the last place filtered by (one place is chosen at a time). */
  place: { id: string; related: Uint8Array } | null;
  /** Sort orders already worked out, by locale, key and direction (a tab switch back sorts nothing). */
  sorted: Map<string, readonly number[]>;
}

interface Ranks {
  title: Int32Array;
  kind: Int32Array;
  /** Dated records by (earliest, latest) as one number; -1 when undated. */
  date: Float64Array;
}

const indexes = new WeakMap<readonly LoadedRecord[], RecordIndex>();

/** The index of a collection's records, kept while the records are (switching tabs reuses it). */
export function indexRecords(records: readonly LoadedRecord[]): RecordIndex {
  let index = indexes.get(records);
  if (!index) indexes.set(records, (index = { records, ranks: new Map(), place: null, sorted: new Map() }));
  return index;
}

function namesOf(index: RecordIndex): string[] {
  if (index.names) return index.names;
  // Names repeat (labels copy the title; registries are full of the same first names and surnames), and
  // Unicode normalisation is the costly part of folding: each distinct name is folded once.
  const folded = new Map<string, string>();
  const foldOnce = (value: string) => {
    let result = folded.get(value);
    if (result === undefined) folded.set(value, (result = fold(value)));
    return result;
  };
  return (index.names = index.records.map((record) => {
    const names = new Set<string>([foldOnce(record.title)]);
    for (const label of Object.values(record.labels)) {
      if (typeof label === 'string') names.add(foldOnce(label));
    }
    for (const alt of record.altNames) names.add(foldOnce(alt.name));
    return [...names].join(NAME_SEPARATOR);
  }));
}

const unverifiedOf = (index: RecordIndex): Uint8Array =>
  (index.unverified ??= Uint8Array.from(index.records, (record) => (hasUnverifiedContent(record) ? 1 : 0)));

function yearsOf(index: RecordIndex): { from: Float64Array; to: Float64Array } {
  const year = (record: LoadedRecord, iso: string | null) =>
    record.earliest && record.latest ? Number(iso?.slice(0, 4)) : Number.NaN;
  return (index.years ??= {
    from: Float64Array.from(index.records, (record) => year(record, record.earliest)),
    to: Float64Array.from(index.records, (record) => year(record, record.latest)),
  });
}

const positionOf = (index: RecordIndex): Map<string, number> =>
  (index.position ??= new Map(index.records.map((record, i) => [record.id, i])));

/**
 * Marks the records "at" a place: the place itself, records whose relations point at it and records
 * it points at. One pass over the relations when the place is chosen, then a lookup per record.
 */
function relatedToPlace(index: RecordIndex, placeId: string): Uint8Array {
  if (index.place?.id === placeId) return index.place.related;
  const related = new Uint8Array(index.records.length);
  index.records.forEach((record, i) => {
    for (const relation of record.relations) if (relation.target === placeId) related[i] = 1;
  });
  const position = positionOf(index);
  const at = position.get(placeId);
  const place = at === undefined ? undefined : index.records[at];
  if (place && at !== undefined) {
    if (place.kind === 'place') related[at] = 1;
    for (const relation of place.relations) {
      const target = position.get(relation.target);
      if (target !== undefined) related[target] = 1;
    }
  }
  index.place = { id: placeId, related };
  return related;
}

/**
 * The records at the positions `order` lists (all, in collection order, when omitted) that match the
 * filter, in that order: filtering an already sorted order keeps it sorted, so a keystroke never sorts.
 */
export function filterIndexed(
  index: RecordIndex,
  filter: RecordFilter,
  order?: readonly number[],
): LoadedRecord[] {
  const count = order ? order.length : index.records.length;
  const needle = fold(filter.text.trim());
  const dated = filter.fromYear !== null || filter.toYear !== null;
  const related = filter.placeId === 'all' ? null : relatedToPlace(index, filter.placeId);
  const names = needle ? namesOf(index) : null;
  const unverified = filter.unverifiedOnly ? unverifiedOf(index) : null;
  const years = dated ? yearsOf(index) : null;
  const out: LoadedRecord[] = [];
  for (let n = 0; n < count; n++) {
    const i = order ? (order[n] as number) : n;
    const record = index.records[i] as LoadedRecord;
    if (filter.kind !== 'all' && record.kind !== filter.kind) continue;
    if (unverified && !unverified[i]) continue;
    if (years) {
      const from = years.from[i] as number;
      const to = years.to[i] as number;
      if (Number.isNaN(from)) continue;
      if (filter.fromYear !== null && to < filter.fromYear) continue;
      if (filter.toYear !== null && from > filter.toYear) continue;
    }
    if (related && !related[i]) continue;
    if (names && !(names[i] as string).includes(needle)) continue;
    out.push(record);
  }
  return out;
}

export function filterRecords(records: readonly LoadedRecord[], filter: RecordFilter): LoadedRecord[] {
  return filterIndexed(indexRecords(records), filter);
}

/**
 * Each value's rank in `compare` order, values that compare equal sharing one. Sorting the distinct
 * values once and then comparing integers is far cheaper than calling Intl.Collator millions of times
 * across 200,000 records, and orders exactly as comparing the values would.
 */
function rank(values: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  const distinct = [...new Set(values)].sort(compare);
  const byValue = new Map<string, number>();
  let current = 0;
  distinct.forEach((value, i) => {
    const previous = distinct[i - 1];
    if (previous !== undefined && compare(previous, value) !== 0) current = i;
    byValue.set(value, current);
  });
  return Int32Array.from(values, (value) => byValue.get(value) as number);
}

function ranksFor(index: RecordIndex, collator: Intl.Collator): Ranks {
  const locale = collator.resolvedOptions().locale;
  const cached = index.ranks.get(locale);
  if (cached) return cached;
  const { records } = index;
  const byCollator = (a: string, b: string) => collator.compare(a, b);
  const byCode = (a: string, b: string) => a.localeCompare(b);
  const earliest = rank(
    records.map((record) => record.earliest ?? ''),
    byCode,
  );
  const latest = rank(
    records.map((record) => record.latest ?? ''),
    byCode,
  );
  const ranks: Ranks = {
    title: rank(
      records.map((record) => record.title),
      byCollator,
    ),
    kind: rank(
      records.map((record) => record.kind),
      byCollator,
    ),
    date: Float64Array.from(records, (record, i) =>
      record.earliest ? (earliest[i] as number) * records.length + (latest[i] as number) : -1,
    ),
  };
  index.ranks.set(locale, ranks);
  return ranks;
}

/** Positions of the index's records in sort order (a stable sort: ties keep collection order). */
export function sortedOrder(index: RecordIndex, sort: Sort, collator: Intl.Collator): readonly number[] {
  const key = `${collator.resolvedOptions().locale}|${sort.key}|${sort.direction}`;
  let order = index.sorted.get(key);
  if (!order) index.sorted.set(key, (order = sortPositions(index, sort, collator)));
  return order;
}

function sortPositions(index: RecordIndex, sort: Sort, collator: Intl.Collator): number[] {
  const { title, kind, date } = ranksFor(index, collator);
  const factor = sort.direction === 'ascending' ? 1 : -1;
  const byTitle = (a: number, b: number) => (title[a] as number) - (title[b] as number);
  const all = Array.from({ length: index.records.length }, (_, i) => i);
  if (sort.key === 'date') {
    // Undated records go last whichever the direction, in collection order.
    const dated = all.filter((i) => (date[i] as number) >= 0);
    const undated = all.filter((i) => (date[i] as number) < 0);
    dated.sort((a, b) => ((date[a] as number) - (date[b] as number) || byTitle(a, b)) * factor);
    return dated.concat(undated);
  }
  if (sort.key === 'kind') {
    return all.sort((a, b) => ((kind[a] as number) - (kind[b] as number) || byTitle(a, b)) * factor);
  }
  return all.sort((a, b) => byTitle(a, b) * factor);
}

export function sortRecords(
  records: readonly LoadedRecord[],
  sort: Sort,
  collator: Intl.Collator,
): LoadedRecord[] {
  return sortedOrder(indexRecords(records), sort, collator).map((i) => records[i] as LoadedRecord);
}
