/**
 * The numbers ranking runs on: field weights, the worth of each kind of word match, tiers, boosts and
 * caps. Constants only, read by the engine's parts (terms.ts, scoring.ts, candidates.ts, hits.ts).
 */
import type { IFuseOptions } from 'fuse.js';
import type { SearchField } from './documents';

/** Field weights: a match in a title or a name counts for more than one in a long summary. */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  title: 1,
  names: 0.9,
  authors: 0.9,
  tags: 0.6,
  places: 0.45,
  summary: 0.4,
  claims: 0.35,
  body: 0.4,
  years: 0.5,
  details: 0.35,
  // Facts are for filters only: never searched as words (no postings, see derived-index.ts).
  facts: 0,
};

/** Fuse options for matching one query word against the vocabulary of folded words. */
export const VOCABULARY_FUSE_OPTIONS: IFuseOptions<string> & { threshold: number } = {
  // Text is folded already; Fuse's own lower-casing would only repeat work.
  isCaseSensitive: true,
  // Match anywhere in the word: "auskas" finds "kazlauskas", and a prefix finds the word being typed.
  ignoreLocation: true,
  // 0.3: one typo from four letters on, two from seven (bitap score = errors / word length).
  threshold: 0.3,
  ignoreFieldNorm: true,
  includeScore: true,
  shouldSort: false,
};

/** How much a word match is worth, by kind of match. */
export const MATCH_QUALITY = {
  exact: 1,
  prefix: 0.8,
  infix: 0.6,
  typo: 0.7,
  equivalent: 0.75,
  patronymic: 0.6,
} as const;

/** Kinds of word match, weakest first; a document ranks by its weakest query word's best. */
export const TIER = { sound: 1, typo: 2, equivalent: 3, infix: 4, prefix: 5, exact: 6 } as const;
/** Tiers at or above this are strong: typos and sound-alikes are left out when any such match exists. */
export const STRONG_TIER = TIER.equivalent;
/** Score distance between tiers: more than anything scoring within a tier adds up to. */
export const TIER_SPAN = 4;

/** Boosts added to the base relevance (0–1). */
export const BOOSTS = {
  exactName: 1,
  namePrefix: 0.5,
  nameWordPrefix: 0.3,
  wholeWords: 0.2,
  phonetic: 0.25,
  /** Share of the name boosts an author's name earns a bibliography entry. */
  authorFactor: 0.6,
} as const;

export const MIN_QUERY_LENGTH = 2;

/**
 * Most candidates scored per query. A two-letter prefix in a 200,000-person registry matches most of
 * it; scoring every match costs hundreds of milliseconds per keystroke and changes nothing the user sees
 * (only the best 100 are shown). Above the cap, candidates are taken in order of how well their word
 * matches the word being typed (whole word, then prefix, then inside a word, then typo), so the best
 * are among those scored; the rest still count in totals and facets. Small collections never reach it.
 */
export const SCORE_CAP = 3000;

/** Score of a candidate counted but not scored (beyond SCORE_CAP): below every real score. */
export const UNSCORED = -1;

/** About how many words a document holds, to weigh checking documents against walking postings. */
export const WORDS_PER_DOCUMENT = 64;
