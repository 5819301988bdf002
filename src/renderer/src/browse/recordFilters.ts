/**
 * Filtering and sorting of the Browse list. Pure, so the rules (what "in period" and "at a place"
 * mean) are tested apart from the UI.
 */
import type { RecordKind } from '../../../shared/collection/schema';
import type { LoadedRecord } from '../../../shared/collection/validate';

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

export function isUnverified(record: LoadedRecord): boolean {
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

function relatedPlaceIds(record: LoadedRecord, incoming: Map<string, Set<string>>): Set<string> {
  const ids = new Set<string>(record.relations.map((relation) => relation.target));
  for (const source of incoming.get(record.id) ?? []) ids.add(source);
  if (record.kind === 'place') ids.add(record.id);
  return ids;
}

/** record id → ids of records whose relations point at it. */
export function incomingRelations(records: readonly LoadedRecord[]): Map<string, Set<string>> {
  const incoming = new Map<string, Set<string>>();
  for (const record of records) {
    for (const relation of record.relations) {
      let set = incoming.get(relation.target);
      if (!set) incoming.set(relation.target, (set = new Set()));
      set.add(record.id);
    }
  }
  return incoming;
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function filterRecords(records: readonly LoadedRecord[], filter: RecordFilter): LoadedRecord[] {
  const incoming = incomingRelations(records);
  const needle = fold(filter.text.trim());
  return records.filter((record) => {
    if (filter.kind !== 'all' && record.kind !== filter.kind) return false;
    if (filter.unverifiedOnly && !hasUnverifiedContent(record)) return false;
    if (filter.fromYear !== null || filter.toYear !== null) {
      if (!record.earliest || !record.latest) return false;
      const from = Number(record.earliest.slice(0, 4));
      const to = Number(record.latest.slice(0, 4));
      if (filter.fromYear !== null && to < filter.fromYear) return false;
      if (filter.toYear !== null && from > filter.toYear) return false;
    }
    if (filter.placeId !== 'all' && !relatedPlaceIds(record, incoming).has(filter.placeId)) return false;
    if (needle) {
      const haystack = [
        record.title,
        ...Object.values(record.labels),
        ...record.altNames.map((alt) => alt.name),
      ]
        .filter((value): value is string => typeof value === 'string')
        .map(fold);
      if (!haystack.some((value) => value.includes(needle))) return false;
    }
    return true;
  });
}

export function sortRecords(
  records: readonly LoadedRecord[],
  sort: Sort,
  collator: Intl.Collator,
): LoadedRecord[] {
  const factor = sort.direction === 'ascending' ? 1 : -1;
  const byTitle = (a: LoadedRecord, b: LoadedRecord) => collator.compare(a.title, b.title);
  const compare: Record<SortKey, (a: LoadedRecord, b: LoadedRecord) => number> = {
    title: byTitle,
    kind: (a, b) => collator.compare(a.kind, b.kind) || byTitle(a, b),
    // Undated records sort last whichever the direction.
    date: (a, b) => {
      if (!a.earliest || !b.earliest) return (a.earliest ? -1 : b.earliest ? 1 : 0) * factor;
      return (
        a.earliest.localeCompare(b.earliest) ||
        (a.latest ?? '').localeCompare(b.latest ?? '') ||
        byTitle(a, b)
      );
    },
  };
  return [...records].sort((a, b) => compare[sort.key](a, b) * factor);
}
