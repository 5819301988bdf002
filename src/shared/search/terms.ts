/**
 * One query word against the vocabulary: every word it matches (whole, prefix, inside, typo, or as an
 * equivalent form from the gazetteer), with the quality and tier of each match. Remembered per word:
 * typing repeats the same words (every prefix, then the next word).
 */
import type { Equivalent, EquivalenceTable } from './equivalences';
import type { IndexContext } from './index-context';
import { MATCH_QUALITY, TIER, VOCABULARY_FUSE_OPTIONS } from './ranking';
import { VocabularyMatcher } from './vocabulary-matcher';

/** Quality of each vocabulary word that matches one query word, by word id; its tier; equivalences. */
export interface TermMatches extends Map<number, number> {
  tiers: Map<number, number>;
  equivalents: Map<number, Equivalent>;
  /** Word ids, best first (by tier, then quality): sorted once, as the term is cached. */
  ordered: number[];
}

export type TermMatcher = (term: string) => TermMatches;

export function createTermMatcher(context: IndexContext, equivalences: EquivalenceTable): TermMatcher {
  const { vocabulary, wordIds } = context;
  const vocabularyMatcher = new VocabularyMatcher(vocabulary, VOCABULARY_FUSE_OPTIONS);
  const termCache = new Map<string, TermMatches>();

  return function matchTerm(term: string): TermMatches {
    const cached = termCache.get(term);
    if (cached) return cached;
    const matches: TermMatches = Object.assign(new Map<number, number>(), {
      tiers: new Map<number, number>(),
      equivalents: new Map<number, Equivalent>(),
      ordered: [] as number[],
    });
    // Bitap handles at most 32 characters; longer words are matched exactly.
    const results =
      term.length > 32
        ? wordIds.has(term)
          ? [{ refIndex: wordIds.get(term) as number, score: 0 }]
          : []
        : vocabularyMatcher.search(term);
    for (const result of results) {
      const word = vocabulary[result.refIndex] as string;
      let quality: number;
      let tier: number;
      if (word === term) {
        quality = MATCH_QUALITY.exact;
        tier = TIER.exact;
      } else if (word.startsWith(term)) {
        quality = MATCH_QUALITY.prefix + 0.1 * (term.length / word.length);
        tier = TIER.prefix;
      } else if (word.includes(term)) {
        quality = MATCH_QUALITY.infix + 0.1 * (term.length / word.length);
        tier = TIER.infix;
      } else {
        quality = MATCH_QUALITY.typo * (1 - (result.score ?? 0));
        tier = TIER.typo;
      }
      matches.set(result.refIndex, quality);
      matches.tiers.set(result.refIndex, tier);
    }
    // Other forms of the same place or name: stronger than a typo that happens to look like one.
    for (const [word, equivalent] of equivalences.equivalentsOf(term)) {
      const id = wordIds.get(word);
      if (id === undefined || (matches.tiers.get(id) ?? 0) >= TIER.equivalent) continue;
      matches.set(id, equivalent.kind === 'patronymic' ? MATCH_QUALITY.patronymic : MATCH_QUALITY.equivalent);
      matches.tiers.set(id, TIER.equivalent);
      matches.equivalents.set(id, equivalent);
    }
    matches.ordered = byQuality(matches);
    if (termCache.size > 500) termCache.clear();
    termCache.set(term, matches);
    return matches;
  };
}

/**
 * Word ids of a term's matches, best match first (by tier, then quality), ties in the order found:
 * what a stable sort by tier and quality gives, made by grouping instead. A one-letter word matches
 * 100,000 words of a large registry with a few dozen distinct (tier, quality) pairs, and sorting an
 * object per word was most of the first keystroke of "Stasė U".
 */
export function byQuality(matches: Map<number, number> & { tiers: Map<number, number> }): number[] {
  const { tiers } = matches;
  const groups = new Map<number, Map<number, number[]>>();
  for (const [wordId, quality] of matches) {
    const tier = tiers.get(wordId) as number;
    let byQualityValue = groups.get(tier);
    if (!byQualityValue) groups.set(tier, (byQualityValue = new Map()));
    const group = byQualityValue.get(quality);
    if (group) group.push(wordId);
    else byQualityValue.set(quality, [wordId]);
  }
  const ordered: number[] = [];
  const descending = (a: number, b: number) => b - a;
  for (const tier of [...groups.keys()].sort(descending)) {
    const byQualityValue = groups.get(tier) as Map<number, number[]>;
    for (const quality of [...byQualityValue.keys()].sort(descending)) {
      for (const wordId of byQualityValue.get(quality) as number[]) ordered.push(wordId);
    }
  }
  return ordered;
}
