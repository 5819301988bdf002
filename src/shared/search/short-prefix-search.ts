/**
 * The engine's side of short-prefixes.ts: precomputing the answers with the engine's own parts when the
 * index is built, and answering a query that is exactly one such word from them.
 */
import type { CandidateFinder } from './candidates';
import type { FacetCounter } from './facet-counts';
import { FACET_FIELDS, type FacetField } from './facets';
import { createHitMaker } from './hits';
import type { IndexContext } from './index-context';
import { parseQuery, type ParsedQuery } from './query';
import { typedWords } from './query-words';
import type { SearchOptions, SearchResponse } from './response';
import { topK, type Scorer } from './scoring';
import {
  PREFIX_HITS,
  emptyPrefixAnswers,
  minMatches,
  prefixAnswerer,
  prefixAnswersOf,
  prefixTerms,
  type ComputedAnswer,
  type PrefixAnswers,
} from './short-prefixes';

export interface ShortPrefixParts {
  context: IndexContext;
  finder: CandidateFinder;
  scorer: Scorer;
  facetCounter: FacetCounter;
  /** Whether a folded word has another form in the vocabulary (equivalences.ts). */
  hasEquivalents(term: string): boolean;
}

/** The answers to every short word many documents hold, as the engine's search gives them. */
export function precomputePrefixes(parts: ShortPrefixParts): PrefixAnswers {
  const { context, finder, scorer, facetCounter, hasEquivalents } = parts;
  const terms = prefixTerms(context.vocabulary, context.postings.start, context.count);
  if (terms.length === 0) return emptyPrefixAnswers(FACET_FIELDS);
  const labelIds = labelIdsOf(context);
  const nothing = parseQuery('');
  return prefixAnswersOf(terms, FACET_FIELDS, (term): ComputedAnswer | null => {
    if (hasEquivalents(term)) return null;
    finder.textCandidates(nothing, [term], false);
    const { indexes, scores, length, weakEnd } = finder.candidates;
    if (length <= minMatches(term, context.count)) return null;
    const matching = indexes.subarray(0, length);
    const counts = facetCounter.countsOf(matching);
    const best = topK(matching, scores.subarray(0, length), PREFIX_HITS, scorer.compare).map(
      ({ index, score }) => ({ index, score, tier: finder.docTier[index] as number }),
    );
    const facetPairs = Object.fromEntries(
      FACET_FIELDS.map((field) => [
        field,
        counts[field].flatMap(({ value, count }) => [labelIds[field].get(value) as number, count]),
      ]),
    ) as Record<FacetField, number[]>;
    return { total: length, similar: weakEnd - length, best, facetPairs };
  });
}

/**
 * Answers a query that is one precomputed word and nothing else, or returns null (then the engine
 * searches). Only the highlights of the hits returned are made here: a word this short matches the
 * vocabulary words holding it, so that is all highlighting asks (no vocabulary search).
 */
export function createShortPrefixSearch(
  parts: ShortPrefixParts,
  answers: PrefixAnswers,
): (parsed: ParsedQuery, terms: readonly string[], options: SearchOptions) => SearchResponse | null {
  const { context, facetCounter, hasEquivalents } = parts;
  const { vocabulary } = context;
  const answerOf = prefixAnswerer(answers);
  const noEquivalents = new Map();
  const hitOf = createHitMaker(context, (term) => ({
    has: (id: number) => (vocabulary[id] as string).includes(term),
    equivalents: noEquivalents,
  }));
  const facetData = context.prepared.derived.facets;

  return (parsed, terms, options) => {
    const limit = options.limit ?? 100;
    const only = parsed.filters.length === 0 && parsed.phrases.length === 0 && parsed.excludes.length === 0;
    const term = terms[0] as string;
    if (!only || terms.length !== 1 || options.similar === true || limit < 1) return null;
    if (answers.terms.length === 0 || hasEquivalents(term)) return null;
    const answer = answerOf(term, limit);
    if (!answer) return null;
    const typed = typedWords(parsed);
    const facets = facetCounter.present((field) => {
      const pairs = answer.facetPairs(field);
      const { labels } = facetData[field];
      const counts = [];
      for (let k = 0; k < pairs.length; k += 2)
        counts.push({ value: labels[pairs[k] as number] as string, count: pairs[k + 1] as number });
      return counts;
    }, options.facetLimit ?? 12);
    return {
      total: answer.total,
      ...(answer.similar > 0 ? { similar: answer.similar } : {}),
      hits: answer.best.map(({ index, score, tier }) => hitOf({ index, score }, terms, typed, tier, [])),
      kindCounts: facets.kind,
      facets,
      errors: parsed.errors,
      tooShort: false,
    };
  };
}

/** Per facet, each label's id. */
function labelIdsOf(context: IndexContext): Record<FacetField, Map<string, number>> {
  return Object.fromEntries(
    FACET_FIELDS.map((field) => [
      field,
      new Map(context.prepared.derived.facets[field].labels.map((label, id) => [label, id])),
    ]),
  ) as Record<FacetField, Map<string, number>>;
}
