/**
 * Facet counts of a query's candidates: each facet counted over the candidates passing every filter
 * group but its own (so a chosen value does not hide the others), labelled and ordered for display.
 */
import { SEARCH_KINDS } from './documents';
import { FacetColumn } from './facet-column';
import type { FilterGroups } from './filters';
import type { IndexContext } from './index-context';
import { FACETS, emptyFacets, facetComparator, type FacetDefinition, type FacetField } from './facets';
import type { Filter, FilterField } from './query';
import type { RecordLookups } from './record-lookups';
import type { FacetCount, SearchFacets } from './response';

export interface FacetCounter {
  facetsOf(indexes: Int32Array, groups: FilterGroups, facetLimit: number): SearchFacets;
  /** Every facet's counts over these documents (no filters), in label order, before facetsOf's limits. */
  countsOf(indexes: Int32Array): Record<FacetField, FacetCount[]>;
  /** Counts as countsOf gives them, ordered, limited and labelled as facetsOf shows them. */
  present(counts: (field: FacetField) => FacetCount[], facetLimit: number): SearchFacets;
  /** Matches per kind (the kind facet without leaving out the kind filter). */
  countKinds(matching: Int32Array): FacetCount[];
}

const FACET_BY_ID = new Map(
  (FACETS as readonly FacetDefinition[]).map((facet) => [facet.id as FacetField, facet]),
);

export function createFacetCounter(
  context: IndexContext,
  lookups: RecordLookups,
  passesGroup: (index: number, group: readonly Filter[]) => boolean,
): FacetCounter {
  const { docs, count } = context;
  const { labels } = lookups;
  const facetColumns = Object.fromEntries(
    Object.entries(context.prepared.derived.facets).map(([field, { labels, lists }]) => [
      field,
      new FacetColumn(labels, lists),
    ]),
  ) as Record<FacetField, FacetColumn>;

  /** The documents not among these (which hold no repeats). */
  const inside = new Uint8Array(count);
  const rest = new Int32Array(count);
  function outside(indexes: Int32Array): Int32Array {
    for (const index of indexes) inside[index] = 1;
    let length = 0;
    for (let d = 0; d < count; d++) {
      if (inside[d] === 1) inside[d] = 0;
      else rest[length++] = d;
    }
    return rest.subarray(0, length);
  }

  function facetsOf(indexes: Int32Array, groups: FilterGroups, facetLimit: number): SearchFacets {
    const entries = [...groups];
    // Every facet's values are distinct per document already (see derived-index.ts).
    // Without filters every candidate counts: no per-candidate check (hot at 200,000 documents); and
    // when they are most of the collection, the documents left out are counted instead.
    const complement = entries.length === 0 && indexes.length > count / 2 ? outside(indexes) : null;
    const without = entries.length === 0 || complement ? null : countedWithout(indexes, entries);
    const counted = (facet: FacetDefinition) => {
      const column = facetColumns[facet.id as FacetField];
      if (complement) return column.countAllExcept(complement);
      // A facet is counted without its own filter, so its other values stay offered.
      return column.count(without ? without(facet.filter) : indexes);
    };
    return present((field) => counted(FACET_BY_ID.get(field) as FacetDefinition), facetLimit);
  }

  function countsOf(indexes: Int32Array): Record<FacetField, FacetCount[]> {
    const complement = indexes.length > count / 2 ? outside(indexes) : null;
    return Object.fromEntries(
      (FACETS as readonly FacetDefinition[]).map((facet) => {
        const column = facetColumns[facet.id as FacetField];
        return [facet.id, complement ? column.countAllExcept(complement) : column.count(indexes)];
      }),
    ) as Record<FacetField, FacetCount[]>;
  }

  function present(countsOf: (field: FacetField) => FacetCount[], facetLimit: number): SearchFacets {
    const facets: SearchFacets = emptyFacets();
    for (const facet of FACETS as readonly FacetDefinition[]) {
      let counts = countsOf(facet.id as FacetField).sort(facetComparator(facet.order));
      if (facet.limited) counts = counts.slice(0, facetLimit);
      const titles = facet.labelledBy ? labels[facet.labelledBy] : null;
      if (titles)
        counts = counts.map((entry) => {
          const label = titles.get(entry.value);
          return label === undefined ? entry : { ...entry, label };
        });
      facets[facet.id as FacetField] = counts;
    }
    return facets;
  }

  /**
   * The candidates passing every filter group but one field's, for each field asked: every group is
   * checked once per candidate (not once per facet), noting the candidates failing exactly one group.
   */
  function countedWithout(
    indexes: Int32Array,
    entries: readonly (readonly [FilterField, readonly Filter[]])[],
  ): (field: FilterField) => Int32Array {
    const passing: number[] = [];
    const failingOnly = new Map<FilterField, number[]>();
    for (const index of indexes) {
      let failed: FilterField | null = null;
      let failures = 0;
      for (const [field, group] of entries) {
        if (passesGroup(index, group)) continue;
        failed = field;
        if (++failures > 1) break;
      }
      if (failures === 0) passing.push(index);
      else if (failures === 1 && failed !== null) {
        const list = failingOnly.get(failed);
        if (list) list.push(index);
        else failingOnly.set(failed, [index]);
      }
    }
    const byField = new Map<FilterField, Int32Array>();
    return (field) => {
      let list = byField.get(field);
      if (!list)
        byField.set(field, (list = Int32Array.from([...passing, ...(failingOnly.get(field) ?? [])])));
      return list;
    };
  }

  function countKinds(matching: Int32Array): FacetCount[] {
    const perKind = new Int32Array(SEARCH_KINDS.length);
    for (const index of matching) {
      const kind = docs.kind[index] as number;
      perKind[kind] = (perKind[kind] as number) + 1;
    }
    return SEARCH_KINDS.flatMap((kind, k) =>
      (perKind[k] as number) > 0 ? [{ value: kind, count: perKind[k] as number }] : [],
    );
  }

  return { facetsOf, countsOf, present, countKinds };
}
