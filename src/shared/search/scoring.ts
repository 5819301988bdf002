/**
 * Scoring a candidate: per query word the best weighted word match in the document (or, for a name
 * found only by sound, how close its spelling is), plus the boosts for a name matched whole or at its
 * start; and choosing the best few without sorting every candidate.
 */
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { SEARCH_KINDS } from './documents';
import type { IndexContext } from './index-context';
import { AUTHORS_FIELD, FIELD_COUNT, NAME_FIELD_NUMBERS } from './layout';
import { spellingSkeleton } from './phonetic';
import { BOOSTS, UNSCORED } from './ranking';
import type { TermMatches } from './terms';

export interface Candidate {
  index: number;
  score: number;
}

/** See Scorer.qualities. */
export interface QueryQualities {
  /** Per query word, quality by word id. */
  byTerm: readonly Float32Array[];
  /** Bit w set when any query word matches word w: 25 kB at 200,000 words, read before the 800 kB arrays. */
  mask: Uint32Array;
  /** Per query word, its best quality (as stored in byTerm). */
  top: readonly number[];
}

export interface Scorer {
  /**
   * The query words' matches as arrays by word id (0: no match), a lookup per word without hashing,
   * and a bitset of the words any of them matches. Reused from query to query: valid until the next call.
   */
  qualities(termMatches: readonly TermMatches[]): QueryQualities;
  /** Base relevance: per query word the best weighted match in the document, averaged. */
  baseScore(d: number, qualities: QueryQualities): number | null;
  /** For a name found only by sound: how close its spelling is to the query (0–1), per word averaged. */
  closeness(d: number, terms: readonly string[]): number;
  /** Boosts for the whole query naming the document, for whole words, for sounding alike. */
  boost(d: number, exactIds: readonly number[], joined: string, phonetic: boolean): number;
  /** Best first: by score, then kind, then title and id. */
  compare(a: Candidate, b: Candidate): number;
}

export function createScorer(context: IndexContext): Scorer {
  const { docs, vocabulary, fieldWeights, isNameField, namesOf } = context;
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { start: wordStart, items: wordItems } = context.values.words;
  const personKind = SEARCH_KINDS.indexOf('person');

  function nameBoost(names: readonly string[], joined: string, spaced: string): number {
    let best = 0;
    for (const name of names) {
      if (name === joined) return BOOSTS.exactName;
      if (name.startsWith(joined)) best = Math.max(best, BOOSTS.namePrefix);
      // A later word of the name starts with the query (`spaced` is " " + joined, built once per query
      // word list rather than per name of every candidate).
      else if (name.includes(spaced)) best = Math.max(best, BOOSTS.nameWordPrefix);
    }
    return best;
  }
  let spacedFor = '';
  let spaced = ' ';

  /** Whether word `wordId` is a whole word of the document's title or names (either folded form). */
  function isNameWord(d: number, wordId: number): boolean {
    for (const f of NAME_FIELD_NUMBERS) {
      if (f === AUTHORS_FIELD) continue;
      const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
      for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
        const v = fieldItems[k] as number;
        const last = wordStart[2 * v + 2] as number;
        for (let i = wordStart[2 * v] as number; i < last; i++) if (wordItems[i] === wordId) return true;
      }
    }
    return false;
  }

  function boost(d: number, exactIds: readonly number[], joined: string, phonetic: boolean): number {
    const whole = exactIds.length > 0 && exactIds.every((id) => id >= 0 && isNameWord(d, id));
    if (spacedFor !== joined) {
      spacedFor = joined;
      spaced = ` ${joined}`;
    }
    let best = Math.max(
      nameBoost(namesOf(d, false), joined, spaced),
      BOOSTS.authorFactor * nameBoost(namesOf(d, true), joined, spaced),
    );
    // A person is named by any of their names: "Lukša" names Juozas Lukša as fully as "Juozas Lukša".
    if (whole && docs.kind[d] === personKind) best = BOOSTS.exactName;
    return best + (whole ? BOOSTS.wholeWords : 0) + (phonetic ? BOOSTS.phonetic : 0);
  }

  // One array per query word position, cleared of its last term's words when reused: a fresh array
  // per word per keystroke was 800 kB to zero and collect at 200,000 words.
  const pool: { array: Float32Array; filledBy: TermMatches | null; top: number }[] = [];
  const mask = new Uint32Array((vocabulary.length >>> 5) + 1);
  let masked: readonly TermMatches[] = [];
  function qualities(termMatches: readonly TermMatches[]): QueryQualities {
    for (const matches of masked) for (const wordId of matches.keys()) mask[wordId >>> 5] = 0;
    const byTerm = termMatches.map((matches, slot) => {
      let entry = pool[slot];
      if (!entry) pool[slot] = entry = { array: new Float32Array(vocabulary.length), filledBy: null, top: 0 };
      const { array, filledBy } = entry;
      if (filledBy !== matches) {
        if (filledBy) for (const wordId of filledBy.keys()) array[wordId] = 0;
        let top = 0;
        for (const [wordId, quality] of matches) {
          array[wordId] = quality;
          top = Math.max(top, array[wordId] as number);
        }
        entry.filledBy = matches;
        entry.top = top;
      }
      for (const wordId of matches.keys())
        mask[wordId >>> 5] = (mask[wordId >>> 5] as number) | (1 << (wordId & 31));
      return array;
    });
    masked = termMatches;
    return { byTerm, mask, top: termMatches.map((_, slot) => (pool[slot] as { top: number }).top) };
  }

  // Per query word, its best weighted match in the document being scored.
  let bestOf = new Float64Array(4);
  // The highest field weight from field f on: what a word match there can reach at most.
  const weightAfter = fieldWeights.map((_, f) => Math.max(0, ...fieldWeights.slice(f)));
  /** Whether every query word's best so far is at least what its best quality can make from here on. */
  function settled(top: readonly number[], weight: number, terms: number): boolean {
    for (let t = 0; t < terms; t++) if ((bestOf[t] as number) < (top[t] as number) * weight) return false;
    return true;
  }
  function baseScore(d: number, { byTerm, mask, top }: QueryQualities): number | null {
    const terms = byTerm.length;
    if (bestOf.length < terms) bestOf = new Float64Array(terms);
    bestOf.fill(0, 0, terms);
    // One pass over the document's words for every query word: scoring is bound by reading them.
    // It stops once no field left can beat any word's best (a name matched in the title usually).
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (f > 0 && settled(top, weightAfter[f] as number, terms)) break;
      const weight = fieldWeights[f] as number;
      if (weight === 0) continue; // facts: never a match (q × 0 beats nothing)
      const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
      for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
        const v = fieldItems[k] as number;
        const last = wordStart[isNameField[f] ? 2 * v + 2 : 2 * v + 1] as number;
        for (let i = wordStart[2 * v] as number; i < last; i++) {
          const word = wordItems[i] as number;
          if (((mask[word >>> 5] as number) & (1 << (word & 31))) === 0) continue;
          for (let t = 0; t < terms; t++) {
            const q = (byTerm[t] as Float32Array)[word] as number;
            if (q > 0 && q * weight > (bestOf[t] as number)) bestOf[t] = q * weight;
          }
        }
      }
    }
    let total = 0;
    for (let t = 0; t < terms; t++) {
      if (bestOf[t] === 0) return null;
      total += bestOf[t] as number;
    }
    return total / terms;
  }

  // Jaro–Winkler similarity of a query word and a vocabulary word (their spelling skeletons, so that
  // Polish w/ch/c and Russian в/х/ц count as the same letters), remembered per query word: a registry
  // repeats a few thousand surnames across its people.
  const similarity = new Map<string, Map<number, number>>();
  function similarityOf(term: string, wordId: number): number {
    let byWord = similarity.get(term);
    if (!byWord) {
      if (similarity.size > 100) similarity.clear();
      similarity.set(term, (byWord = new Map()));
    }
    let value = byWord.get(wordId);
    if (value === undefined) {
      value = jaroWinkler(spellingSkeleton(term), spellingSkeleton(vocabulary[wordId] as string));
      byWord.set(wordId, value);
    }
    return value;
  }

  function closeness(d: number, terms: readonly string[]): number {
    let total = 0;
    for (const term of terms) {
      let best = 0;
      for (const f of NAME_FIELD_NUMBERS) {
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
          const v = fieldItems[k] as number;
          const last = wordStart[2 * v + 2] as number;
          for (let i = wordStart[2 * v] as number; i < last; i++) {
            const value = similarityOf(term, wordItems[i] as number);
            if (value > best) best = value;
          }
        }
      }
      total += best;
    }
    return total / terms.length;
  }

  function compare(a: Candidate, b: Candidate): number {
    if (b.score !== a.score) return b.score - a.score;
    const kindA = docs.kind[a.index] as number;
    const kindB = docs.kind[b.index] as number;
    if (kindA !== kindB) return kindA - kindB;
    return (docs.order[a.index] as number) - (docs.order[b.index] as number);
  }

  return { qualities, baseScore, closeness, boost, compare };
}

/**
 * The best `limit` candidates in `compare` order, without sorting all of them: a typed prefix can
 * match 150,000 documents, many with equal scores, and sorting those by title took most of a search.
 */
export function topK(
  indexes: Int32Array,
  scores: Float64Array,
  limit: number,
  compare: (a: Candidate, b: Candidate) => number,
): Candidate[] {
  const all = indexes.length;
  // Candidates beyond SCORE_CAP were never scored: leave them out unless too few were.
  let scoredCount = 0;
  for (let k = 0; k < all; k++) if (scores[k] !== UNSCORED) scoredCount++;
  const skipUnscored = scoredCount >= limit;
  const considered = skipUnscored ? scoredCount : all;
  if (considered === 0) return [];
  // Every candidate scoring above the limit-th best score is in; ties at it are chosen by compare.
  const sorted = new Float64Array(considered);
  let at = 0;
  for (let k = 0; k < all; k++)
    if (!skipUnscored || scores[k] !== UNSCORED) sorted[at++] = scores[k] as number;
  sorted.sort();
  const cutoff = sorted[Math.max(0, considered - limit)] as number;
  const best: Candidate[] = [];
  for (let k = 0; k < all; k++) {
    const score = scores[k] as number;
    if (score < cutoff || (skipUnscored && score === UNSCORED)) continue;
    const candidate = { index: indexes[k] as number, score };
    if (best.length === limit && compare(candidate, best[limit - 1] as Candidate) >= 0) continue;
    // Binary insertion into the sorted list of at most `limit` entries.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(best[middle] as Candidate, candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}
