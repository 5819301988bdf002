/**
 * Answers to the shortest queries, made when the index is built. Typing the first two letters of a
 * name ("Te", "Ст") matches most of a large registry: walking the postings of every word holding them,
 * scoring SCORE_CAP candidates and counting the facets over 100,000 documents is the slow tail of
 * search, and the same for every user. So for each two-letter word (and three-letter one) that many
 * documents hold, the engine keeps what its own search found for that word alone: how many matched,
 * the best PREFIX_HITS in ranking order (with score and kind of match) and the exact facet counts. A
 * query that is exactly that word (no filters, phrases or exclusions) answers from them; only the
 * highlights of the hits shown are made per query.
 *
 * Exact, not approximate: a word this short has no typos allowed (one from four letters) and is never
 * heard by sound (phonetic.ts), so its matches are the vocabulary words holding it. The one thing that
 * can differ between the build and a search is the equivalent names (the engine's options): a word
 * with any equivalent form in the vocabulary is neither stored nor answered from here.
 */
import type { FacetField } from './facets';
import type { Ragged } from './ragged';

/**
 * Most hits kept per word: the result list shows 50 (the engine's default is 100); asking for more
 * ("Show more results", up to 1,000) searches. Keeping 1,000 cost more build time than it saves.
 */
export const PREFIX_HITS = 100;
/**
 * Most words kept, those the most documents hold first: bounds the build time (each word is one
 * search over most of the collection) and the snapshot bytes however large the vocabulary grows.
 */
export const PREFIX_MAX_TERMS = 256;
/** Longest word precomputed. */
export const PREFIX_MAX_LENGTH = 3;
/**
 * A word is precomputed when its candidates exceed this many, and a twentieth of the documents: below,
 * it is scored whole and answers in a few milliseconds anyway. Three-letter words need four times as
 * many and a fifth of the documents (there are far more of them, each matching fewer).
 */
export const PREFIX_MIN_MATCHES = 3000;

/** The stored answers, as flat columns (snapshot.ts writes them as they are). */
export interface PrefixAnswers {
  /** The folded words answered, in the order of the columns. */
  terms: string[];
  /** Per word: how many documents match, and how many similar spellings were left out. */
  totals: Int32Array;
  similar: Int32Array;
  /** Per word: the best documents, best first; `scores` and `tiers` run along `hits.items`. */
  hits: Ragged;
  scores: Float64Array;
  tiers: Uint8Array;
  /** Per facet, per word: label id and count pairs, in label order (values with a count only). */
  facets: Record<FacetField, Ragged>;
}

/** One word's answer, read from the columns. */
export interface PrefixAnswer {
  total: number;
  similar: number;
  /** The best documents (as many as asked, at most PREFIX_HITS), with score and tier. */
  best: { index: number; score: number; tier: number }[];
  /** Per facet, label id and count pairs, in label order. */
  facetPairs: (field: FacetField) => Int32Array;
}

/** What an answer is built from, for one word: filled by the engine's own search. */
export interface ComputedAnswer {
  total: number;
  similar: number;
  best: readonly { index: number; score: number; tier: number }[];
  facetPairs: Record<FacetField, readonly number[]>;
}

export function emptyPrefixAnswers(fields: readonly FacetField[]): PrefixAnswers {
  const emptyRagged = (): Ragged => ({ start: new Int32Array(1), items: new Int32Array(0) });
  return {
    terms: [],
    totals: new Int32Array(0),
    similar: new Int32Array(0),
    hits: emptyRagged(),
    scores: new Float64Array(0),
    tiers: new Uint8Array(0),
    facets: Object.fromEntries(fields.map((field) => [field, emptyRagged()])) as Record<FacetField, Ragged>,
  };
}

/**
 * The words worth precomputing: every folded word of two or three letters held by a vocabulary word,
 * with an upper bound of the documents holding it (the postings of the words holding it added up),
 * kept when that bound reaches the threshold.
 */
export function prefixTerms(
  vocabulary: readonly string[],
  postingsStart: Int32Array,
  documents: number,
): string[] {
  if (documents <= PREFIX_MIN_MATCHES) return [];
  const twoLetters = minMatches('..', documents);
  const threeLetters = minMatches('...', documents);
  const bounds = new Map<string, number>();
  for (let w = 0; w < vocabulary.length; w++) {
    const word = vocabulary[w] as string;
    const postings = (postingsStart[w + 1] as number) - (postingsStart[w] as number);
    if (postings === 0) continue;
    const seen = new Set<string>();
    for (let length = 2; length <= PREFIX_MAX_LENGTH; length++) {
      for (let i = 0; i + length <= word.length; i++) {
        const part = word.slice(i, i + length);
        if (seen.has(part)) continue;
        seen.add(part);
        bounds.set(part, (bounds.get(part) ?? 0) + postings);
      }
    }
  }
  return [...bounds]
    .filter(([term, bound]) => bound > (term.length === 2 ? twoLetters : threeLetters))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PREFIX_MAX_TERMS)
    .map(([term]) => term);
}

/** The candidates a word of this length needs to be precomputed, in a collection of this many documents. */
export const minMatches = (term: string, documents: number): number =>
  term.length <= 2
    ? Math.max(PREFIX_MIN_MATCHES, Math.floor(documents / 20))
    : Math.max(4 * PREFIX_MIN_MATCHES, Math.floor(documents / 5));

/** The columns of these answers (words whose answer came back null are left out). */
export function prefixAnswersOf(
  terms: readonly string[],
  fields: readonly FacetField[],
  compute: (term: string) => ComputedAnswer | null,
): PrefixAnswers {
  const kept: string[] = [];
  const totals: number[] = [];
  const similar: number[] = [];
  const hitStart = [0];
  const hitItems: number[] = [];
  const scores: number[] = [];
  const tiers: number[] = [];
  const facetStart = new Map(fields.map((field) => [field, [0]]));
  const facetItems = new Map(fields.map((field) => [field, [] as number[]]));
  for (const term of terms) {
    const answer = compute(term);
    if (!answer) continue;
    kept.push(term);
    totals.push(answer.total);
    similar.push(answer.similar);
    for (const { index, score, tier } of answer.best) {
      hitItems.push(index);
      scores.push(score);
      tiers.push(tier);
    }
    hitStart.push(hitItems.length);
    for (const field of fields) {
      const items = facetItems.get(field) as number[];
      for (const item of answer.facetPairs[field]) items.push(item);
      facetStart.get(field)?.push(items.length);
    }
  }
  return {
    terms: kept,
    totals: Int32Array.from(totals),
    similar: Int32Array.from(similar),
    hits: { start: Int32Array.from(hitStart), items: Int32Array.from(hitItems) },
    scores: Float64Array.from(scores),
    tiers: Uint8Array.from(tiers),
    facets: Object.fromEntries(
      fields.map((field) => [
        field,
        {
          start: Int32Array.from(facetStart.get(field) ?? [0]),
          items: Int32Array.from(facetItems.get(field) ?? []),
        },
      ]),
    ) as Record<FacetField, Ragged>,
  };
}

/** Looks words up in stored answers. */
export function prefixAnswerer(answers: PrefixAnswers): (term: string, limit: number) => PrefixAnswer | null {
  const positions = new Map(answers.terms.map((term, position) => [term, position]));
  return (term, limit) => {
    const p = positions.get(term);
    if (p === undefined) return null;
    const from = answers.hits.start[p] as number;
    const stored = (answers.hits.start[p + 1] as number) - from;
    const total = answers.totals[p] as number;
    // More hits asked than kept (and more matches than kept): only a search can list them.
    if (limit > stored && stored < total) return null;
    const best: PrefixAnswer['best'] = [];
    for (let k = from; k < from + Math.min(limit, stored); k++) {
      best.push({
        index: answers.hits.items[k] as number,
        score: answers.scores[k] as number,
        tier: answers.tiers[k] as number,
      });
    }
    return {
      total,
      similar: answers.similar[p] as number,
      best,
      facetPairs: (field) => {
        const { start, items } = answers.facets[field];
        return items.subarray(start[p] as number, start[p + 1] as number);
      },
    };
  };
}
