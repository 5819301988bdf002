/**
 * The candidates of a query: the documents holding a match for every query word (through the
 * postings), or sounding like every word, narrowed by phrases and exclusions, weak matches moved
 * behind strong ones, and scored up to SCORE_CAP. Written into arrays reused from query to query: at
 * 200,000 documents a short prefix matches nearly all of them, and objects per match on every
 * keystroke cost more than the search itself.
 */
import { FACTS_FIELD, SEARCH_FIELDS } from './documents';
import { fold } from './fold';
import type { IndexContext } from './index-context';
import { FIELD_COUNT } from './layout';
import { MIN_PHONETIC_LENGTH, phoneticCodes } from './phonetic';
import type { ParsedQuery } from './query';
import { SCORE_CAP, STRONG_TIER, TIER, TIER_SPAN, UNSCORED, WORDS_PER_DOCUMENT } from './ranking';
import { skeletonOf, words } from './query-words';
import type { Scorer } from './scoring';
import type { TermMatcher } from './terms';

/** The candidates of the query being run, in reused arrays. */
export interface Candidates {
  indexes: Int32Array;
  scores: Float64Array;
  length: number;
  /** Weak matches left out are at [length, weakEnd) of `indexes`. */
  weakEnd: number;
}

/** Documents sounding like every query word. */
interface SoundAlike {
  list: readonly number[];
  has(d: number): boolean;
}

export interface CandidateFinder {
  /** Filled by the last call of textCandidates or filterCandidates. */
  readonly candidates: Candidates;
  /** Per candidate, the tier of its weakest query word's best match (valid for the current query). */
  readonly docTier: Int8Array;
  /** Fills `candidates` with the documents matching every query word (or sounding alike), scored. */
  textCandidates(parsed: ParsedQuery, terms: readonly string[], includeSimilar: boolean): void;
  /** Filters alone (or one letter and filters): every document but the excluded ones, unscored. */
  filterCandidates(parsed: ParsedQuery): void;
}

export function createCandidateFinder(
  context: IndexContext,
  matchTerm: TermMatcher,
  scorer: Scorer,
): CandidateFinder {
  const { docs, values, strings, count, vocabulary, wordIds, isNameField, postings } = context;
  const { soundIndex: phoneticIndex, phoneticKeyIds } = context;
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { start: wordStart, items: wordItems } = values.words;
  const { baseScore, closeness, boost } = scorer;

  // Sound-alike matching marks documents in a reused array (a Set of 100,000 numbers per keystroke
  // cost more than the rest of the search): heard[d] === mark means d sounds like every word so far.
  const heard = new Int32Array(count);
  let heardGeneration = 0;

  /** The documents whose names sound like every query word, or null when a word is too short. */
  function phoneticMatches(terms: readonly string[]): SoundAlike | null {
    // Only when every word is long enough to be heard: a short word would match half the names.
    if (terms.length === 0 || terms.some((term) => term.length < MIN_PHONETIC_LENGTH)) return null;
    if (heardGeneration > 0x3fffffff - terms.length - 2) {
      heard.fill(0);
      heardGeneration = 0;
    }
    const base = heardGeneration;
    heardGeneration += terms.length + 1;
    const list: number[] = [];
    terms.forEach((term, t) => {
      const required = base + t; // heard every earlier word (nothing required of the first)
      const mark = base + t + 1;
      const last = t === terms.length - 1;
      for (const code of phoneticCodes(term)) {
        const key = phoneticKeyIds.get(code);
        if (key === undefined) continue;
        const end = phoneticIndex.start[key + 1] as number;
        for (let i = phoneticIndex.start[key] as number; i < end; i++) {
          const d = phoneticIndex.items[i] as number;
          if (heard[d] === mark || (t > 0 && heard[d] !== required)) continue;
          heard[d] = mark;
          if (last) list.push(d);
        }
      }
    });
    const matched = base + terms.length;
    return { list, has: (d) => heard[d] === matched };
  }

  // Every folded value of a document on a line of its own, s/z/c + h merged, for phrases and
  // exclusions: made when a query has them, for its candidates only.
  const skeletonLines = new Map<number, string>();
  function skeletonOfDocument(d: number): string {
    const lines: string[] = [];
    const end = fieldStart[(d + 1) * FIELD_COUNT] as number;
    for (let k = fieldStart[d * FIELD_COUNT] as number; k < end; k++) {
      const v = fieldItems[k] as number;
      let line = skeletonLines.get(v);
      if (line === undefined) {
        line = skeletonOf(words(fold(strings.get(values.text[v] as number))));
        if (skeletonLines.size > 100_000) skeletonLines.clear();
        skeletonLines.set(v, line);
      }
      lines.push(line);
    }
    return `\n${lines.join('\n')}\n`;
  }

  // Per-query scratch space, reused.
  const seen = new Int32Array(count);
  const stamp = new Int32Array(count);
  let generation = 0;
  const matched = [new Int32Array(count), new Int32Array(count)] as const;
  const candidates: Candidates = {
    indexes: new Int32Array(count),
    scores: new Float64Array(count),
    length: 0,
    weakEnd: 0,
  };

  // Rank of each word in the current term's order (TermMatches.ordered), for keepHolding, and the rank
  // of the best word each document kept holds.
  const wordRank = new Int32Array(vocabulary.length).fill(-1);
  const keptRank = new Int32Array(count);
  // Bit w set when word w is in wordRank: 25 kB read per document word instead of the 800 kB array.
  const wordMask = new Uint32Array((vocabulary.length >>> 5) + 1);
  const docTier = new Int8Array(count);

  // Facts are filters only, never in the postings: a word found only there is no match (as in the walk).
  const factsField = SEARCH_FIELDS.indexOf(FACTS_FIELD);
  // keepHolding's sort keys, rank * count + document (exact in a double), grown as needed.
  let keys = new Float64Array(0);

  /**
   * The documents of `from` holding one of `words`, into `into`, ordered as walking the words'
   * postings in that order would list them: by the first word (in `words` order) they hold, then by
   * document number. Returns how many. Numbers sorted, no object per document: this runs per keystroke
   * over thousands of documents.
   */
  function keepHolding(from: Int32Array, length: number, words: readonly number[], into: Int32Array): number {
    for (let rank = 0; rank < words.length; rank++) {
      const word = words[rank] as number;
      wordRank[word] = rank;
      wordMask[word >>> 5] = (wordMask[word >>> 5] as number) | (1 << (word & 31));
    }
    if (keys.length < length) keys = new Float64Array(Math.max(length, 2 * keys.length));
    let kept = 0;
    for (let k = 0; k < length; k++) {
      const d = from[k] as number;
      let best = -1;
      for (let f = 0; f < FIELD_COUNT && best !== 0; f++) {
        if (f === factsField) continue;
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let j = fieldStart[d * FIELD_COUNT + f] as number; j < end; j++) {
          const v = fieldItems[j] as number;
          const last = wordStart[isNameField[f] ? 2 * v + 2 : 2 * v + 1] as number;
          for (let i = wordStart[2 * v] as number; i < last; i++) {
            const word = wordItems[i] as number;
            if (((wordMask[word >>> 5] as number) & (1 << (word & 31))) === 0) continue;
            const rank = wordRank[word] as number;
            if (best < 0 || rank < best) best = rank;
          }
        }
      }
      if (best >= 0) keys[kept++] = best * count + d;
    }
    for (const word of words) {
      wordRank[word] = -1;
      wordMask[word >>> 5] = 0;
    }
    const sorted = keys.subarray(0, kept).sort();
    for (let k = 0; k < kept; k++) {
      const key = sorted[k] as number;
      const rank = Math.floor(key / count);
      into[k] = key - rank * count;
      keptRank[k] = rank;
    }
    return kept;
  }

  function textCandidates(parsed: ParsedQuery, terms: readonly string[], includeSimilar: boolean): void {
    const phrases = parsed.phrases.map((phrase) => skeletonOf(words(fold(phrase)))).filter(Boolean);
    const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
    const termMatches = terms.map(matchTerm);

    // Documents holding a match for every word: per document, how many words in a row it has a match
    // for (`seen`, offset by this query's base so the arrays need no clearing between queries).
    if (generation > 0x3fffffff - 2 * (terms.length + 2)) {
      seen.fill(0);
      stamp.fill(0);
      generation = 0;
    }
    const base = generation + 1;
    generation += terms.length + 2;
    let found: Int32Array = matched[0];
    let foundLength = 0;
    termMatches.forEach((matches, t) => {
      const next = matched[t % 2] as Int32Array;
      let length = 0;
      const required = base + t;
      const mark = base + t + 1;
      const { start, items } = postings;
      // Best word matches first: a document is first reached through its best word (its tier for
      // this term), and above SCORE_CAP the candidates scored are the likeliest best.
      const words = matches.ordered;
      let walk = 0;
      for (const wordId of words) walk += (start[wordId + 1] as number) - (start[wordId] as number);
      if (t > 0 && foundLength * WORDS_PER_DOCUMENT < walk) {
        // Few documents left and a broad word ("Teresė D"): checking their words is cheaper than
        // walking millions of postings. Same documents, in the order the walk would give them.
        length = keepHolding(found, foundLength, words, next);
        for (let k = 0; k < length; k++) {
          const index = next[k] as number;
          seen[index] = mark;
          const tier = matches.tiers.get(words[keptRank[k] as number] as number) as number;
          if (tier < (docTier[index] as number)) docTier[index] = tier;
        }
      } else {
        for (const wordId of words) {
          const tier = matches.tiers.get(wordId) as number;
          const end = start[wordId + 1] as number;
          for (let i = start[wordId] as number; i < end; i++) {
            const index = items[i] as number;
            // Past the first word most postings miss the documents left: one read rules them out.
            if (t > 0 && seen[index] !== required) continue;
            if (stamp[index] === mark) continue;
            stamp[index] = mark;
            seen[index] = mark;
            next[length++] = index;
            if (t === 0 || tier < (docTier[index] as number)) docTier[index] = tier;
          }
        }
      }
      found = next;
      foundLength = length;
    });
    const matchedAll = base + termMatches.length;

    const phonetic = phoneticMatches(terms);
    const { indexes, scores } = candidates;
    indexes.set(found.subarray(0, foundLength));
    let all = foundLength;
    // Sound-alike names that no spelling matched still count, when every word sounds alike.
    if (phonetic) {
      for (const index of phonetic.list) {
        if (seen[index] === matchedAll) continue;
        indexes[all++] = index;
        docTier[index] = TIER.sound;
      }
    }

    let kept = 0;
    let strong = 0;
    for (let k = 0; k < all; k++) {
      const index = indexes[k] as number;
      if (phrases.length > 0 || excludes.length > 0) {
        const skeleton = skeletonOfDocument(index);
        if (phrases.some((phrase) => !skeleton.includes(phrase))) continue;
        if (excludes.some((text) => skeleton.includes(text))) continue;
      }
      indexes[kept++] = index;
      if ((docTier[index] as number) >= STRONG_TIER) strong++;
    }
    // Stronger matches exist: typos and sound-alikes move behind them, out of the matches (kept
    // after `length` to be counted as similar spellings), stable in walk order.
    let length = kept;
    if (strong > 0 && strong < kept && !includeSimilar) {
      // The walk's arrays are free again (its result was copied): one holds the weak for a moment.
      const weak = matched[0];
      let weakLength = 0;
      length = 0;
      for (let k = 0; k < kept; k++) {
        const index = indexes[k] as number;
        if ((docTier[index] as number) >= STRONG_TIER) indexes[length++] = index;
        else weak[weakLength++] = index;
      }
      indexes.set(weak.subarray(0, weakLength), length);
    }

    const joined = terms.join(' ');
    const exactIds = terms.map((term) => wordIds.get(term) ?? -1);
    const qualities = scorer.qualities(termMatches);
    for (let k = 0; k < length; k++) {
      if (k >= SCORE_CAP) {
        scores[k] = UNSCORED;
        continue;
      }
      const index = indexes[k] as number;
      const tier = docTier[index] as number;
      const within = tier === TIER.sound ? closeness(index, terms) : (baseScore(index, qualities) ?? 0);
      scores[k] = tier * TIER_SPAN + within + boost(index, exactIds, joined, phonetic?.has(index) ?? false);
    }
    candidates.length = length;
    candidates.weakEnd = kept;
  }

  function filterCandidates(parsed: ParsedQuery): void {
    const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
    let length = 0;
    for (let index = 0; index < count; index++) {
      if (excludes.length > 0) {
        const skeleton = skeletonOfDocument(index);
        if (excludes.some((text) => skeleton.includes(text))) continue;
      }
      candidates.indexes[length] = index;
      candidates.scores[length++] = 0;
    }
    candidates.length = length;
    candidates.weakEnd = length;
  }

  return { candidates, docTier, textCandidates, filterCandidates };
}
