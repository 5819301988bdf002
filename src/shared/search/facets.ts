/**
 * The facets beside the results, one entry each: which values a document yields, which query filter a
 * value sets (and which value a filter selects), and how the values are listed. Everything else
 * (derived-index.ts storing the columns, snapshot.ts saving them, facet-counts.ts counting, the facet
 * panel) runs over this list, so a new facet is one more entry here (and its labels in the locales).
 */
import { SEARCH_KINDS, type EvidenceStatus, type SearchKind } from './documents';
import { REPRESSION_TYPES } from '../collection/person';
import { factValue } from './person-document';
import type { Filter, FilterField } from './query';

/** What a facet reads of document `d` (derived-index.ts implements it over the prepared index). */
export interface FacetView {
  kind(d: number): SearchKind;
  yearFrom(d: number): number | null;
  yearTo(d: number): number | null;
  status(d: number): EvidenceStatus | null;
  collection(d: number): string;
  targetId(d: number): string;
  places(d: number): readonly string[];
  sources(d: number): readonly string[];
  /** Person facts (`key=value`, see person-document.ts); none for other documents. */
  facts(d: number): readonly string[];
}

/** How a facet's values are listed: in a fixed order, as numbers, or commonest first. */
export type FacetOrder = 'kinds' | 'statuses' | 'numbers' | 'count';

export interface FacetDefinition {
  id: string;
  /** The query filter a value sets; the facet is counted without that filter (its values stay offered). */
  filter: FilterField;
  /** Document d's values, each once. */
  values(view: FacetView, d: number, add: (value: string) => void): void;
  order: FacetOrder;
  /** Only the `facetLimit` commonest values are listed. */
  limited?: boolean;
  /** Values are ids of these records, labelled with their titles. */
  labelledBy?: 'place' | 'source';
  /** Shown only when it offers at least this many values (one collection is no choice). */
  minValues: number;
  /** The filter value that selects a value (the value itself when absent). */
  filterValue?(value: string): string;
  /** The value a filter of `filter`'s field selects, if it selects one. */
  selected(filter: Filter): string | undefined;
}

/** Dates spanning more years than a lifetime are left out of the period facet. */
const MAX_YEAR_SPAN = 80;
const DECADE = /^(\d+)\.\.(\d+)$/;

const valueOf = (filter: Filter): string | undefined => ('value' in filter ? filter.value : undefined);
const factValues = (view: FacetView, d: number, key: 'birthplace~' | 'destination~' | 'fate' | 'born') =>
  view.facts(d).flatMap((fact) => factValue(fact, key) ?? []);

export const FACETS = [
  {
    id: 'collection',
    filter: 'collection',
    values: (view, d, add) => add(view.collection(d)),
    order: 'count',
    minValues: 2,
    selected: valueOf,
  },
  {
    id: 'kind',
    filter: 'kind',
    values: (view, d, add) => add(view.kind(d)),
    order: 'kinds',
    minValues: 1,
    selected: (filter) => (filter.field === 'kind' ? filter.kind : undefined),
  },
  {
    id: 'year',
    filter: 'year',
    values(view, d, add) {
      const from = view.yearFrom(d);
      const to = view.yearTo(d);
      if (from === null || to === null || to - from > MAX_YEAR_SPAN) return;
      for (let year = from; year <= to; year++) add(String(year));
    },
    order: 'numbers',
    minValues: 1,
    selected: (filter) =>
      filter.field === 'year' && filter.from !== null && filter.from === filter.to
        ? String(filter.from)
        : undefined,
  },
  {
    id: 'place',
    filter: 'place',
    // A place's own id is not one of its places.
    values(view, d, add) {
      const own = view.targetId(d);
      for (const place of view.places(d)) if (place !== own) add(place);
    },
    order: 'count',
    limited: true,
    labelledBy: 'place',
    minValues: 1,
    selected: valueOf,
  },
  {
    id: 'source',
    filter: 'source',
    // A bibliography entry is a source, it does not rest on one.
    values(view, d, add) {
      if (view.kind(d) !== 'bibliography') for (const source of view.sources(d)) add(source);
    },
    order: 'count',
    limited: true,
    labelledBy: 'source',
    minValues: 1,
    selected: valueOf,
  },
  {
    id: 'status',
    filter: 'status',
    values(view, d, add) {
      const status = view.status(d);
      if (status !== null) add(status);
    },
    order: 'statuses',
    minValues: 1,
    selected: valueOf,
  },
  {
    id: 'birthplace',
    filter: 'birthplace',
    values: (view, d, add) => factValues(view, d, 'birthplace~').forEach(add),
    order: 'count',
    limited: true,
    minValues: 1,
    selected: valueOf,
  },
  {
    id: 'destination',
    filter: 'destination',
    values: (view, d, add) => factValues(view, d, 'destination~').forEach(add),
    order: 'count',
    limited: true,
    minValues: 1,
    selected: valueOf,
  },
  {
    id: 'repression',
    filter: 'fate',
    // The normalised types only; the source's own words are many and stay searchable with fate:.
    values(view, d, add) {
      for (const value of factValues(view, d, 'fate'))
        if ((REPRESSION_TYPES as readonly string[]).includes(value)) add(value);
    },
    order: 'count',
    minValues: 1,
    selected: (filter) => {
      const value = valueOf(filter)?.toLowerCase();
      return value !== undefined && (REPRESSION_TYPES as readonly string[]).includes(value)
        ? value
        : undefined;
    },
  },
  {
    id: 'decade',
    filter: 'born',
    // Every decade a birth date's readings reach (an approximate 1900 is in the 1890s and the 1900s),
    // as born: ranges overlap them.
    values(view, d, add) {
      for (const span of factValues(view, d, 'born')) {
        const [, from, to] = DECADE.exec(span) ?? [];
        if (from === undefined || to === undefined) continue;
        for (let decade = Math.floor(Number(from) / 10) * 10; decade <= Number(to); decade += 10)
          add(String(decade));
      }
    },
    order: 'numbers',
    minValues: 1,
    filterValue: (value) => `${value}..${Number(value) + 9}`,
    selected: (filter) =>
      filter.field === 'born' &&
      filter.place === undefined &&
      filter.from !== null &&
      filter.from % 10 === 0 &&
      filter.to === filter.from + 9
        ? String(filter.from)
        : undefined,
  },
] as const satisfies readonly FacetDefinition[];

export type FacetField = (typeof FACETS)[number]['id'];
export const FACET_FIELDS: readonly FacetField[] = FACETS.map((facet) => facet.id);

/** Every facet without values (a search that has not run). */
export const emptyFacets = (): Record<FacetField, never[]> =>
  Object.fromEntries(FACET_FIELDS.map((field) => [field, []])) as unknown as Record<FacetField, never[]>;

const STATUS_ORDER: readonly string[] = ['sourced', 'unverified'] satisfies readonly EvidenceStatus[];

/** Sorts counted values the way a facet lists them. */
export function facetComparator(
  order: FacetOrder,
): (a: { value: string; count: number }, b: { value: string; count: number }) => number {
  switch (order) {
    case 'kinds':
      return (a, b) =>
        SEARCH_KINDS.indexOf(a.value as SearchKind) - SEARCH_KINDS.indexOf(b.value as SearchKind);
    case 'statuses':
      return (a, b) => STATUS_ORDER.indexOf(a.value) - STATUS_ORDER.indexOf(b.value);
    case 'numbers':
      return (a, b) => Number(a.value) - Number(b.value);
    case 'count':
      return (a, b) => b.count - a.count || (a.value < b.value ? -1 : 1);
  }
}
