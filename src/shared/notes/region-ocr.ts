/**
 * OCR words kept on a region note's target: each word of the transcription that OCR read, with its box
 * in pixels of the photo's original, so a word in the text can be shown on the image and back. Stored
 * compactly (a page holds hundreds of words): `[text, x, y, width, height, confidence]`.
 *
 * The transcription stays the user's text: when it is edited, the words are matched to the edited text
 * again (`alignOcrWords`) and only the boxes of words still there are kept. Pure: no DOM.
 */

/** `[text, x, y, width, height, confidence 0..1]`, the box in pixels of the original. */
export type OcrWordTuple = [string, number, number, number, number, number];

export interface RegionOcr {
  /** The Tesseract languages the text was read with, in the order given (e.g. ["lit", "rus"]). */
  languages: string[];
  /** The words whose boxes are known, in reading order. */
  words: OcrWordTuple[];
}

export const REGION_OCR_LIMITS = { maxWords: 50_000, maxWordChars: 200, maxLanguages: 5 } as const;

export interface TextToken {
  text: string;
  /** UTF-16 offsets into the transcription; `end` is exclusive. */
  start: number;
  end: number;
}

/** The words of a text as runs of non-space characters, with their offsets. */
export function tokenise(text: string): TextToken[] {
  return [...text.matchAll(/\S+/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Above this many cells the full alignment would be slow on a long page; a windowed match is used. */
const MAX_CELLS = 4_000_000;
const WINDOW = 64;

/**
 * Which word each token of the text still is: the longest common subsequence of the words and the
 * tokens (texts equal after NFC). Returns, per token, the index of its word or -1.
 */
function matchIndices(words: readonly OcrWordTuple[], tokens: readonly TextToken[]): number[] {
  const a = words.map(([text]) => text.normalize('NFC'));
  const b = tokens.map(({ text }) => text.normalize('NFC'));
  const n = a.length;
  const m = b.length;
  const result = new Array<number>(m).fill(-1);
  if (n === 0 || m === 0) return result;
  if (n * m > MAX_CELLS) {
    // Long pages: each token takes the next matching word within a window after the last match.
    let next = 0;
    b.forEach((text, t) => {
      const found = a.slice(next, next + WINDOW).indexOf(text);
      if (found < 0) return;
      result[t] = next + found;
      next += found + 1;
    });
    return result;
  }
  // lengths[i * (m + 1) + j]: the LCS of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      result[j] = i;
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1;
    else j += 1;
  }
  return result;
}

export interface AlignedToken extends TextToken {
  /** The OCR word this token still is, with its box; null for a word typed or changed since. */
  word: OcrWordTuple | null;
}

export interface OcrAlignment {
  tokens: AlignedToken[];
  /** The words kept, in text order: what is stored after an edit. */
  kept: OcrWordTuple[];
}

/** Matches the OCR words to a (possibly edited) transcription: words still in it keep their boxes. */
export function alignOcrWords(words: readonly OcrWordTuple[], text: string): OcrAlignment {
  const tokens = tokenise(text);
  const indices = matchIndices(words, tokens);
  const aligned = tokens.map((token, t) => {
    const index = indices[t] ?? -1;
    return { ...token, word: index >= 0 ? (words[index] ?? null) : null };
  });
  return { tokens: aligned, kept: aligned.flatMap((token) => (token.word ? [token.word] : [])) };
}

/** The token at a caret position (inside a word or just after it), or null between words. */
export function tokenAtOffset<T extends TextToken>(tokens: readonly T[], offset: number): T | null {
  return tokens.find((token) => offset >= token.start && offset <= token.end) ?? null;
}

/** The word whose box holds this point of the original, if any (the top-most, i.e. the last drawn). */
export function ocrWordTupleAt(words: readonly OcrWordTuple[], x: number, y: number): OcrWordTuple | null {
  return (
    words.findLast(
      ([, left, top, width, height]) => x >= left && x < left + width && y >= top && y < top + height,
    ) ?? null
  );
}

export const sameWord = (a: OcrWordTuple, b: OcrWordTuple): boolean =>
  a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];

/** Box coordinates to one decimal: below a pixel of the original, short in JSON. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

/**
 * OCR words read from a crop of a (possibly downscaled) copy of the photo, in the original's pixels:
 * `(crop offset + box) × scale`, where scale = original width / copy width.
 */
export function wordsToOriginal(
  words: ReadonlyArray<{
    text: string;
    confidence: number;
    box: { x: number; y: number; width: number; height: number };
  }>,
  offset: { x: number; y: number },
  scale: number,
): OcrWordTuple[] {
  return words.map(({ text, confidence, box }) => [
    text.slice(0, REGION_OCR_LIMITS.maxWordChars),
    tenth((offset.x + box.x) * scale),
    tenth((offset.y + box.y) * scale),
    tenth(box.width * scale),
    tenth(box.height * scale),
    Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
  ]);
}
