/**
 * Matches a query word against the vocabulary with Fuse.js, without Fuse reading every word.
 *
 * Fuse's bitap scan costs about a microsecond per word; a real registry's vocabulary (every surname,
 * first name, place and word of its summaries) runs to tens of thousands of words, so scanning it on
 * every keystroke would cost tens of milliseconds. A word that Fuse can match with k errors contains a
 * substring within edit distance k of the query word, and such a substring shares at least m − 1 − 2k
 * of the query word's m − 1 bigram positions (the q-gram lemma). A bigram index finds the words that
 * share that many, and Fuse scores only those, with the same options: the same words, scores and order
 * as a scan of the whole vocabulary (tests/shared/search/vocabulary-matcher.test.ts compares them).
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';

/** Below this many words a plain scan is as fast as the index. */
export const SCAN_BELOW = 2000;

export class VocabularyMatcher {
  private readonly scan: Fuse<string>;
  private bigrams: Map<string, number[]> | null = null;
  private shared: Int32Array | null = null;

  constructor(
    private readonly vocabulary: readonly string[],
    private readonly options: IFuseOptions<string> & { threshold: number },
    /** Vocabularies smaller than this are scanned (tests set 0 to exercise the index). */
    private readonly scanBelow = SCAN_BELOW,
  ) {
    this.scan = new Fuse(vocabulary, options);
  }

  /** What `new Fuse(vocabulary, options).search(term)` returns (refIndex into the vocabulary). */
  search(term: string): FuseResult<string>[] {
    const length = term.length;
    // Fuse accepts errors / length ≤ threshold (with ignoreLocation, as the vocabulary is searched).
    const errors = Math.floor(this.options.threshold * length + 1e-9);
    const needed = length - 1 - 2 * errors;
    if (this.vocabulary.length < this.scanBelow) return this.scan.search(term);
    // One letter: no bigram to look up, and Fuse's bitap over 200,000 words took 100–250 ms (the
    // slowest keystroke of "Stasė U"). With no error allowed its answer is the words holding the letter.
    if (length === 1 && errors === 0) return this.holding(term, null);
    if (needed <= 0) return this.scan.search(term);

    const index = this.index();
    const shared = this.shared as Int32Array;
    const touched: number[] = [];
    const positions = new Map<string, number>();
    for (let i = 0; i + 1 < length; i++) {
      const bigram = term.slice(i, i + 2);
      positions.set(bigram, (positions.get(bigram) ?? 0) + 1);
    }
    for (const [bigram, count] of positions) {
      for (const word of index.get(bigram) ?? []) {
        if (shared[word] === 0) touched.push(word);
        shared[word] = (shared[word] as number) + count;
      }
    }
    const candidates = touched.filter((word) => (shared[word] as number) >= needed).sort((a, b) => a - b);
    for (const word of touched) shared[word] = 0;
    if (candidates.length === 0) return [];
    // Two-letter prefixes match thousands of words: this skips building a Fuse over them.
    if (errors === 0) return this.holding(term, candidates);
    const subset = new Fuse(
      candidates.map((word) => this.vocabulary[word] as string),
      this.options,
    );
    return subset.search(term).map((result) => ({
      ...result,
      refIndex: candidates[result.refIndex] as number,
    }));
  }

  /**
   * With no error allowed (words of up to three letters), Fuse's answer: the words holding the query
   * word, scored 0 when it is the whole word and 0.001 (its floor) otherwise, in vocabulary order.
   * Among the words `among` (ascending), or the whole vocabulary.
   */
  private holding(term: string, among: readonly number[] | null): FuseResult<string>[] {
    const results: FuseResult<string>[] = [];
    const length = among ? among.length : this.vocabulary.length;
    for (let k = 0; k < length; k++) {
      const word = among ? (among[k] as number) : k;
      const item = this.vocabulary[word] as string;
      if (item.includes(term)) results.push({ item, refIndex: word, score: item === term ? 0 : 0.001 });
    }
    return results;
  }

  /** Bigram → words holding it, built on first use. */
  private index(): Map<string, number[]> {
    if (this.bigrams) return this.bigrams;
    const bigrams = new Map<string, number[]>();
    this.vocabulary.forEach((word, id) => {
      const seen = new Set<string>();
      for (let i = 0; i + 1 < word.length; i++) {
        const bigram = word.slice(i, i + 2);
        if (seen.has(bigram)) continue;
        seen.add(bigram);
        const words = bigrams.get(bigram);
        if (words) words.push(id);
        else bigrams.set(bigram, [id]);
      }
    });
    this.bigrams = bigrams;
    this.shared = new Int32Array(this.vocabulary.length);
    return bigrams;
  }
}
