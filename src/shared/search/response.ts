/**
 * What a search answers, as types only (and the match kinds, in order): the renderer, the worker
 * protocol and the engine's parts all read these, so none of them needs the engine to name them.
 */
import type { EquivalenceKind } from './equivalences';
import type { QueryError } from './query';
import type { SearchDocument, SearchField, SearchKind } from './documents';
import type { FacetField } from './facets';

export interface SearchMatch {
  field: SearchField;
  /** Index of the value in `document.fields[field]`. */
  value: number;
  /** Highlight ranges over that original string: `[start, end)` UTF-16 offsets. */
  ranges: [number, number][];
}

/**
 * How a result matched, strongest first: every query word as written (`exact`) or equal once folded
 * (`fold`: without diacritics, in another alphabet or transliteration), at the start of a word, inside
 * a word, as an equivalent name, with a typo, or only by sound. The weakest word decides.
 */
export const MATCH_KINDS = ['exact', 'fold', 'prefix', 'partial', 'equivalent', 'fuzzy', 'sound'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A word of the result that is another form of a query word (Вильно for Vilnius). */
export interface EquivalentMatch {
  /** The form found, as the gazetteer lists it. */
  found: string;
  /** The query word, as typed. */
  query: string;
  /** The name of the place or given name both are forms of. */
  canonical: string;
  kind: EquivalenceKind;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  /** Relevance: higher is better. */
  score: number;
  /** How it matched (absent when the query has filters only). */
  matchKind?: MatchKind;
  /** Words found as another form of a query word. */
  equivalents?: EquivalentMatch[];
  matches: SearchMatch[];
  /** The document itself, so the result list needs no copy of the whole collection. */
  document: SearchDocument;
}

export interface FacetCount {
  value: string;
  count: number;
  /** What to show for the value when it is an id (a place's or a source's title). */
  label?: string;
}

export type { FacetField };

export type SearchFacets = Record<FacetField, FacetCount[]>;

export interface SearchResponse {
  /** How many documents match (hits holds the best `limit` of them). */
  total: number;
  hits: SearchHit[];
  /** Matches per kind, for the grouped result list. */
  kindCounts: FacetCount[];
  facets: SearchFacets;
  errors: QueryError[];
  /** The query has too little text to search yet (a single letter) and no filter. */
  tooShort: boolean;
  /** Matches by typo or sound left out because stronger ones exist (see SearchOptions.similar). */
  similar?: number;
}

export interface SearchOptions {
  /** Most hits returned (default 100). */
  limit?: number;
  /** Most values per facet for place and source (default 12). */
  facetLimit?: number;
  /** List matches by typo or sound even when stronger ones exist (after them). */
  similar?: boolean;
}
