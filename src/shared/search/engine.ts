/**
 * The search engine: one index over every document (records, text sections, bibliography entries,
 * later notes), queried with the query language of query.ts. Pure and synchronous, so it runs the same
 * in the renderer's Web Worker, in Node tests and in benchmarks.
 *
 * Indexing (prepared-index.ts) folds every distinct string once (fold.ts): names twice (š→sh and š→s,
 * so queries typed with or without diacritics both match exactly), and the names of people and places
 * also get Daitch–Mokotoff keys (phonetic.ts). Every folded word goes into a vocabulary with postings
 * (word → documents). The prepared index can be saved as bytes and opened again without redoing that
 * work (snapshot.ts): a 200,000-person registry reopens in a fraction of its indexing time.
 *
 * Searching: Fuse.js matches each query word against the vocabulary (fuzzy: one typo from four letters,
 * two from seven; anywhere in a word, so prefixes typed so far match). The documents holding a matching
 * word for every query word (or sounding alike for every word, for names) are the candidates; only they
 * are scored. Running Fuse over whole documents instead costs seconds per keystroke at 50,000 records
 * (bench/search.ts shows both), because its bitap scan reads every field of every document per query.
 *
 * Ranking, deterministic. First by the kind of match (MatchKind): a document is as good as its weakest
 * query word's best match, whole word (exact, or equal once folded) > start of a word > inside a word >
 * an equivalent name (equivalences.ts: Вильно for Vilnius, Иван for Jonas) > a typo > sounding alike.
 * Within a kind: per query word, the best word match weighted by field (title and names count most) and
 * by match quality, averaged over the query words; then fixed boosts for an exact or prefix match of the
 * whole query on a title or name, for whole-word matches and for a phonetic match. Names found only by
 * sound rank by how close their folded spelling is to the query (Jaro–Winkler), not alphabetically.
 * Ties break by kind, then title, then id.
 *
 * Typos and sound-alikes are weak: a query that has stronger matches lists only those, and says how
 * many similar spellings it left out (`similar`); `{ similar: true }` lists them after the others. A
 * query with nothing stronger lists them as before.
 *
 * This module only puts the parts together over one IndexContext (index-context.ts): terms.ts (query
 * word → vocabulary), candidates.ts (postings walk, phrases, weak matches), scoring.ts, filters.ts,
 * facet-counts.ts and hits.ts (highlights). The numbers they use are in ranking.ts; what a search
 * answers is typed in response.ts. A query that is one short word many documents hold ("Te") answers
 * from what those parts found for it when the index was built (short-prefix-search.ts).
 */
import { createCandidateFinder } from './candidates';
import { BUNDLED_EQUIVALENCES, EquivalenceTable, type EquivalenceGroup } from './equivalences';
import { createFacetCounter } from './facet-counts';
import { emptyFacets } from './facets';
import { createFilters, filterGroups } from './filters';
import { createHitMaker } from './hits';
import { indexContext } from './index-context';
import type { PreparedIndex } from './layout';
import { prepareIndex } from './prepared-index';
import { parseQuery } from './query';
import { queryTerms, typedWords } from './query-words';
import { MIN_QUERY_LENGTH } from './ranking';
import { recordLookups } from './record-lookups';
import type { SearchDocument } from './documents';
import type { SearchOptions, SearchResponse } from './response';
import { createScorer, topK } from './scoring';
import { createShortPrefixSearch, precomputePrefixes, type ShortPrefixParts } from './short-prefix-search';
import { emptyPrefixAnswers } from './short-prefixes';
import { FACET_FIELDS } from './facets';
import { decodeSnapshot, encodeSnapshot } from './snapshot';
import { createTermMatcher } from './terms';

export { MATCH_KINDS } from './response';
export type {
  EquivalentMatch,
  FacetCount,
  FacetField,
  MatchKind,
  SearchFacets,
  SearchHit,
  SearchMatch,
  SearchOptions,
  SearchResponse,
} from './response';
export { BOOSTS, FIELD_WEIGHTS, MATCH_QUALITY, SCORE_CAP, VOCABULARY_FUSE_OPTIONS } from './ranking';

export interface EngineOptions {
  /** Equivalent names to use besides the bundled ones (resources/gazetteer). */
  equivalences?: readonly EquivalenceGroup[];
  /**
   * false: answer every query by searching, never from the answers precomputed for the shortest
   * queries (short-prefixes.ts), and precompute none (tests and benchmarks compare both ways).
   */
  shortPrefixes?: boolean;
}

export interface SearchEngine {
  readonly size: number;
  /** Distinct folded words indexed. */
  readonly vocabularySize: number;
  search(query: string, options?: SearchOptions): SearchResponse;
  /** Documents the user has notes on (for `has:notes`), by document id. */
  setNotedDocuments(ids: Iterable<string>): void;
  /** The prepared index as bytes, for loadSearchEngine (see snapshot.ts). */
  snapshot(): Uint8Array;
}

/** Builds the index of these documents (folding every distinct value once). */
export function createSearchEngine(
  documents: readonly SearchDocument[],
  options: EngineOptions = {},
): SearchEngine {
  return searchEngineOver(prepareIndex(documents), options);
}

/** Opens a snapshot made by `engine.snapshot()`; throws SnapshotError when it is not a valid one. */
export function loadSearchEngine(bytes: Uint8Array, options: EngineOptions = {}): SearchEngine {
  return searchEngineOver(decodeSnapshot(bytes), options);
}

/** The engine over an index prepared already (benchmarks compare options over one index). */
export function searchEngineOfIndex(prepared: PreparedIndex, options: EngineOptions = {}): SearchEngine {
  return searchEngineOver(prepared, options);
}

/** The engine over a prepared index, built or loaded: its parts over one context, run per query. */
function searchEngineOver(prepared: PreparedIndex, options: EngineOptions): SearchEngine {
  const context = indexContext(prepared);
  const lookups = recordLookups(context);
  const equivalences = new EquivalenceTable([
    ...BUNDLED_EQUIVALENCES,
    ...(options.equivalences ?? []),
    ...lookups.placeGroups,
  ]);
  const matchTerm = createTermMatcher(context, equivalences);
  const scorer = createScorer(context);
  const filters = createFilters(context, lookups, equivalences);
  const finder = createCandidateFinder(context, matchTerm, scorer);
  const facetCounter = createFacetCounter(context, lookups, filters.passesGroup);
  const hitOf = createHitMaker(context, matchTerm);
  const { passesGroup } = filters;
  const { candidates, docTier } = finder;
  const { wordIds } = context;
  const prefixParts: ShortPrefixParts = {
    context,
    finder,
    scorer,
    facetCounter,
    hasEquivalents: (term) => [...equivalences.equivalentsOf(term).keys()].some((word) => wordIds.has(word)),
  };
  const prefixes =
    options.shortPrefixes === false
      ? emptyPrefixAnswers(FACET_FIELDS)
      : (prepared.prefixes ?? precomputePrefixes(prefixParts));
  const shortPrefixSearch = createShortPrefixSearch(prefixParts, prefixes);

  return {
    get size() {
      return context.count;
    },
    get vocabularySize() {
      return context.vocabulary.length;
    },
    setNotedDocuments(ids) {
      filters.setNoted(
        new Set([...ids].map(context.indexOfId).filter((index): index is number => index !== undefined)),
      );
    },
    snapshot() {
      return encodeSnapshot({ ...prepared, prefixes });
    },
    search(query, options = {}) {
      const limit = options.limit ?? 100;
      const parsed = parseQuery(query);
      const groups = filterGroups(parsed.filters);
      const terms = queryTerms(parsed);
      const textLength = terms.join('').length;
      if (textLength < MIN_QUERY_LENGTH && parsed.filters.length === 0) {
        return {
          total: 0,
          hits: [],
          kindCounts: [],
          facets: emptyFacets(),
          errors: parsed.errors,
          tooShort: textLength > 0,
        };
      }
      const searchesText = textLength >= MIN_QUERY_LENGTH;
      const precomputed = searchesText ? shortPrefixSearch(parsed, terms, options) : null;
      if (precomputed) return precomputed;
      if (searchesText) finder.textCandidates(parsed, terms, options.similar === true);
      // Filters alone (or one letter and filters): everything that passes them, by kind and title.
      else finder.filterCandidates(parsed);
      const { indexes, scores } = candidates;
      const facets = facetCounter.facetsOf(
        indexes.subarray(0, candidates.length),
        groups,
        options.facetLimit ?? 12,
      );
      // The matches: the candidates passing every filter group, moved to the front in place.
      const groupList = [...groups.values()];
      let total = candidates.length;
      if (groupList.length > 0) {
        total = 0;
        for (let k = 0; k < candidates.length; k++) {
          const index = indexes[k] as number;
          if (!groupList.every((group) => passesGroup(index, group))) continue;
          indexes[total] = index;
          scores[total++] = scores[k] as number;
        }
      }
      // Similar spellings left out, counted as the matches are: passing the filters.
      let similar = 0;
      for (let k = candidates.length; k < candidates.weakEnd; k++) {
        const index = indexes[k] as number;
        if (groupList.every((group) => passesGroup(index, group))) similar++;
      }
      const best = topK(indexes.subarray(0, total), scores.subarray(0, total), limit, scorer.compare);
      const typed = searchesText ? typedWords(parsed) : new Map<string, string>();
      const hitTerms = searchesText ? terms : [];
      return {
        total,
        ...(similar > 0 ? { similar } : {}),
        hits: best.map((candidate) =>
          hitOf(
            candidate,
            hitTerms,
            typed,
            docTier[candidate.index] as number,
            filters.placeEquivalents(candidate.index, parsed.filters),
          ),
        ),
        // Without filters, the kind facet counts exactly the matches.
        kindCounts:
          groupList.length === 0 ? facets.kind : facetCounter.countKinds(indexes.subarray(0, total)),
        facets,
        errors: parsed.errors,
        tooShort: false,
      };
    },
  };
}
