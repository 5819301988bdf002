/**
 * Anchoring passage notes to a text that may change.
 *
 * `describePassage` turns a selected range of a text into W3C Web Annotation selectors: the quoted
 * words with 32 characters of context either side (TextQuoteSelector) and the offsets
 * (TextPositionSelector). `anchorPassage` finds the range again in a possibly edited text:
 *
 *   1. the offsets still hold the same words → there;
 *   2. otherwise the quote is searched, exactly and then fuzzily (approx-string-match, Myers' bit-vector
 *      algorithm, the matcher Hypothesis uses), and every candidate is scored by how well the quote,
 *      its prefix, its suffix and its distance from the old offset agree — Hypothesis' `matchQuote`
 *      scoring (BSD-2-Clause, © Hypothes.is Project and contributors), re-implemented here;
 *   3. nothing close enough → null: the caller shows the note as an orphan. Notes are never dropped
 *      and their selectors are never rewritten by anchoring, so a wrong guess cannot destroy the quote.
 *
 * Stricter than Hypothesis on purpose: a fuzzy match may differ from the quote in at most a quarter of
 * its characters (Hypothesis allows half), so a deleted sentence becomes an orphan rather than being
 * pinned to unrelated words.
 */
import approxSearch from 'approx-string-match';
import type { PassageSelectors } from './model';

const CONTEXT_CHARS = 32;

interface PassageRange {
  start: number;
  end: number;
}

export interface Anchor extends PassageRange {
  /** How the range was found: offsets unchanged, the exact quote elsewhere, or an approximate quote. */
  how: 'position' | 'quote' | 'fuzzy';
}

export function describePassage(text: string, range: PassageRange): PassageSelectors {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

function exactMatches(text: string, pattern: string): Match[] {
  const matches: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    matches.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return matches;
}

function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact = exactMatches(text, pattern);
  return exact.length > 0 ? exact : approxSearch(text, pattern, Math.floor(maxErrors));
}

/** 1 when `pattern` occurs in `text` as is, falling towards 0 with every edit needed. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

export function anchorPassage(text: string, selectors: PassageSelectors): Anchor | null {
  const [quote, position] = selectors;
  if (quote.exact.length === 0) return null;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, how: 'position' };
  }
  const maxErrors = Math.min(256, quote.exact.length / 4);
  const candidates = search(text, quote.exact, maxErrors);
  if (candidates.length === 0) return null;
  // Many exact hits of a short quote: score them all (cheap); fuzzy hits are already the best ones.
  let best: { match: Match; score: number } | null = null;
  for (const match of candidates.slice(0, 1000)) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = quote.prefix
      ? similarity(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix)
      : 1;
    const suffixScore = quote.suffix
      ? similarity(text.slice(match.end, match.end + quote.suffix.length), quote.suffix)
      : 1;
    const positionScore = 1 - Math.abs(match.start - position.start) / Math.max(1, text.length);
    const score =
      (WEIGHTS.quote * quoteScore +
        WEIGHTS.prefix * prefixScore +
        WEIGHTS.suffix * suffixScore +
        WEIGHTS.position * positionScore) /
      MAX_SCORE;
    if (!best || score > best.score) best = { match, score };
  }
  if (!best) return null;
  return {
    start: best.match.start,
    end: best.match.end,
    how: best.match.errors === 0 ? 'quote' : 'fuzzy',
  };
}
