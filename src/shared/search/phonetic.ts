/**
 * Daitch–Mokotoff soundex keys for person and place names: an extra signal that ranks spelling variants
 * across languages high (Lukša / Luksza / Лукша, Grinkevičiūtė / Grinkevichiute). The names are folded
 * first (see fold.ts) so Lithuanian š/ž/č arrive as sh/zh/ch, which Daitch–Mokotoff codes like the
 * Slavic sounds they spell, and Cyrillic arrives as Latin.
 */
import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff';
import { foldedWords } from './fold';

/** Words shorter than this carry too little sound to be matched by ear (every "ja" would match). */
export const MIN_PHONETIC_LENGTH = 4;

const cache = new Map<string, readonly string[]>();

/** The Daitch–Mokotoff codes of one folded word ([] for short words or words without Latin letters). */
export function phoneticCodes(foldedWord: string): readonly string[] {
  if (foldedWord.length < MIN_PHONETIC_LENGTH || !/[a-z]/.test(foldedWord)) return [];
  let codes = cache.get(foldedWord);
  if (!codes) {
    codes = daitchMokotoff(foldedWord).filter((code) => code !== '000000');
    // Names repeat a lot (first names, districts); a bounded cache keeps indexing 50,000 people fast.
    if (cache.size > 50_000) cache.clear();
    cache.set(foldedWord, codes);
  }
  return codes;
}

/** Codes of every word of a folded name. */
export function phoneticKeysOfName(foldedName: string): string[] {
  const keys = new Set<string>();
  for (const word of foldedWords(foldedName)) for (const code of phoneticCodes(word)) keys.add(code);
  return [...keys];
}

/**
 * A folded word with the spellings that languages use for one sound made one (w/v, c/ts, ch/kh/h,
 * sh/s, zh/z, y/i, doubled letters), for measuring how close two names found by sound are: the Polish
 * Wojciechowski and the clerk's Войцеховский (voytsekhovskiy) become voiciehovski and voicehovski,
 * while Fiskowski stays far. Not used for matching (it merges ч with х), only for ranking.
 */
export function spellingSkeleton(foldedWord: string): string {
  return foldedWord
    .replace(/w/g, 'v')
    .replace(/ts/g, 'c')
    .replace(/[kc]h/g, 'h')
    .replace(/([sz])h/g, '$1')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
