/** Find-in-document: where a query occurs in the document's text, case- and accent-insensitively. */

export interface TextMatch {
  start: number;
  end: number;
}

/** At most this many matches are marked; a one-letter query in a long PDF must not freeze the page. */
const MAX_MATCHES = 2000;

/** Folded forms of the non-ASCII characters seen so far: a text repeats few distinct letters. */
const folds = new Map<string, string>();
function foldChar(c: string): string {
  let folded = folds.get(c);
  if (folded === undefined) {
    folded = c
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    if (folds.size < 10_000) folds.set(c, folded);
  }
  return folded;
}

interface FoldedText {
  folded: string;
  /** For each folded code unit, the offset in the original text of the character it came from. */
  starts: Int32Array;
}

/**
 * Folds case and diacritics character by character, remembering where each folded unit came from.
 * ASCII takes a fast path; only other characters pay for Unicode normalisation.
 */
export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  let starts = new Int32Array(text.length + 1);
  let length = 0;
  /** Appends folded units; `origin(k)` is where unit k came from in the original text. */
  const append = (piece: string, origin: (k: number) => number) => {
    if (length + piece.length >= starts.length) {
      const grown = new Int32Array(Math.max(starts.length * 2, length + piece.length + 1));
      grown.set(starts.subarray(0, length));
      starts = grown;
    }
    for (let k = 0; k < piece.length; k += 1) starts[length + k] = origin(k);
    length += piece.length;
    parts.push(piece);
  };
  let asciiFrom = 0;
  const flushAscii = (to: number) => {
    const from = asciiFrom;
    if (from < to) append(text.slice(from, to).toLowerCase(), (k) => from + k);
  };
  for (let i = 0; i < text.length;) {
    if (text.charCodeAt(i) < 128) {
      i += 1;
      continue;
    }
    flushAscii(i);
    const at = i;
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    append(foldChar(text.slice(i, i + width)), () => at);
    i += width;
    asciiFrom = i;
  }
  flushAscii(text.length);
  // In bounds: `append` always leaves room for one more entry.
  starts[length] = text.length;
  return { folded: parts.join(''), starts: starts.subarray(0, length + 1) };
}

/** The last text folded: typing a query searches the same document again and again. */
let cache: { text: string; folded: FoldedText } | null = null;

/**
 * Offsets of every occurrence of `query` in `text`. Matching folds case and diacritics
 * ("sibiras" finds "Sibiras", "zemaitija" finds "Žemaitija") character by character, so offsets
 * stay offsets of the original text.
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): TextMatch[] {
  const needle = [...query.trim()].map(foldChar).join('');
  if (needle === '') return [];
  if (cache?.text !== text) cache = { text, folded: foldText(text) };
  const { folded, starts } = cache.folded;
  const matches: TextMatch[] = [];
  for (
    let at = folded.indexOf(needle);
    at !== -1 && matches.length < limit;
    at = folded.indexOf(needle, at + 1)
  ) {
    const start = starts[at] ?? 0;
    const lastStart = starts[at + needle.length - 1] ?? start;
    const lastChar = text.codePointAt(lastStart) ?? 0;
    matches.push({ start, end: lastStart + (lastChar > 0xffff ? 2 : 1) });
  }
  return matches;
}
