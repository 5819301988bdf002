/**
 * One answer from two engines that ran the same query (the collections' and the notes'): both score
 * with the same formula, so hits interleave by score; counts and facets add up.
 */
import { SEARCH_KINDS, type SearchKind } from './documents';
import type { FacetCount, FacetField, SearchFacets, SearchResponse } from './response';

function addCounts(a: readonly FacetCount[], b: readonly FacetCount[]): FacetCount[] {
  if (b.length === 0) return [...a];
  const counts = new Map(a.map((entry) => [entry.value, entry.count]));
  for (const entry of b) counts.set(entry.value, (counts.get(entry.value) ?? 0) + entry.count);
  return [...counts].map(([value, count]) => ({ value, count }));
}

const byKindOrder = (x: FacetCount, y: FacetCount) =>
  SEARCH_KINDS.indexOf(x.value as SearchKind) - SEARCH_KINDS.indexOf(y.value as SearchKind);

/** `primary`'s errors and length verdict stand (both parsed the same query). */
export function mergeResponses(
  primary: SearchResponse,
  extra: SearchResponse,
  limit: number,
): SearchResponse {
  if (extra.total === 0 && !extra.similar) return primary;
  const hits = [...primary.hits, ...extra.hits]
    // Stable: on equal scores the collection's hit stays first.
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
  const facets = {} as SearchFacets;
  for (const field of Object.keys(primary.facets) as FacetField[]) {
    const merged = addCounts(primary.facets[field], extra.facets[field]);
    facets[field] = field === 'kind' ? merged.sort(byKindOrder) : merged;
  }
  const similar = (primary.similar ?? 0) + (extra.similar ?? 0);
  return {
    ...primary,
    ...(similar > 0 ? { similar } : {}),
    total: primary.total + extra.total,
    hits,
    kindCounts: addCounts(primary.kindCounts, extra.kindCounts).sort(byKindOrder),
    facets,
  };
}
