/** The words of a parsed query as the engine compares them: folded, deduplicated, and as typed. */
import { fold, foldedWords } from './fold';
import type { ParsedQuery } from './query';

export const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Merges sh/zh/ch into s/z/c so phrases and exclusions typed without diacritics still apply. */
export const skeletonOf = (folded: string): string => folded.replace(/([szc])h/g, '$1');
export const words = (folded: string): string => foldedWords(folded).join(' ');

/** The query's words and phrase words, folded, each once. */
export function queryTerms(parsed: ParsedQuery): string[] {
  const phraseWords = parsed.phrases.flatMap((phrase) => foldedWords(fold(phrase)));
  return [...new Set([...parsed.terms.flatMap((term) => foldedWords(fold(term))), ...phraseWords])];
}

/** The query's words as typed (lower case), by their folded form. */
export function typedWords(parsed: ParsedQuery): Map<string, string> {
  const typed = new Map<string, string>();
  for (const text of [...parsed.terms, ...parsed.phrases]) {
    for (const word of text.match(WORD_RE) ?? []) {
      for (const folded of foldedWords(fold(word))) if (!typed.has(folded)) typed.set(folded, word);
    }
  }
  return typed;
}
