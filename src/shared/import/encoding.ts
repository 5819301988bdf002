/**
 * Encoding detection and decoding for imported text files. Registries arrive as UTF-8 (with or without
 * a byte-order mark) or in the Windows code pages of the region: Windows-1251 (Cyrillic) and
 * Windows-1257 (Baltic). Pure: works in a renderer worker and in Node (TextDecoder in both).
 */
import { analyse } from 'chardet';
import type { ImportError, ImportNote, ImportNoteCode } from './errors';

export const ENCODINGS = ['utf-8', 'windows-1251', 'windows-1257'] as const;
export type ImportEncoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: ImportEncoding;
  bom: boolean;
  /** Why this encoding was chosen, for the UI ("valid UTF-8", "Cyrillic letter runs"…). */
  reason: string;
  /** The same, translatable. */
  note: ImportNote;
}

const SAMPLE_BYTES = 1024 * 1024;

const hasUtf8Bom = (bytes: Uint8Array) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Offset of the first byte sequence that is not UTF-8, or -1. Cut at a sample end is allowed. */
function firstInvalidUtf8(bytes: Uint8Array, allowTruncatedEnd: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    if (i + len > bytes.length) return allowTruncatedEnd ? -1 : i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * Cyrillic text in Windows-1251 is almost all bytes ≥ 0x80, in runs (whole words); Lithuanian text in
 * Windows-1257 is mostly ASCII with a lone diacritic letter here and there. The share of high bytes that
 * sit next to another high byte separates the two reliably on real names, where chardet alone does
 * not know Windows-1257 at all.
 */
function cyrillicRunShare(bytes: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) < 0xc0) continue;
    high += 1;
    if (((bytes[i - 1] ?? 0) as number) >= 0xc0 || ((bytes[i + 1] ?? 0) as number) >= 0xc0) paired += 1;
  }
  return high === 0 ? 0 : paired / high;
}

const note = (encoding: ImportEncoding, bom: boolean, code: ImportNoteCode, text: string): EncodingGuess => ({
  encoding,
  bom,
  reason: text,
  note: { code, text },
});

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (hasUtf8Bom(bytes)) return note('utf-8', true, 'utf8-bom', 'UTF-8 byte-order mark');
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (firstInvalidUtf8(sample, sample.length < bytes.length) === -1) {
    return note('utf-8', false, 'valid-utf8', 'valid UTF-8');
  }
  const share = cyrillicRunShare(sample);
  const chardetSays1251 = analyse(sample).some((m) => m.name === 'windows-1251' && m.confidence >= 10);
  if (share >= 0.5 || (share >= 0.3 && chardetSays1251)) {
    return note('windows-1251', false, 'cyrillic-runs', 'runs of Cyrillic letters');
  }
  return note('windows-1257', false, 'accented-latin', 'single accented Latin letters');
}

export type DecodeResult = { ok: true; text: string } | { ok: false; error: ImportError };

/** Control characters other than tab, CR and LF: text never has many; binary and random bytes do. */
function controlShare(text: string): { share: number; firstAt: number } {
  let count = 0;
  let firstAt = -1;
  const n = Math.min(text.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) {
      count += 1;
      if (firstAt < 0) firstAt = i;
    }
  }
  return { share: n === 0 ? 0 : count / n, firstAt };
}

/**
 * Decode the whole file. UTF-8 is decoded strictly: one bad byte fails the import with its offset,
 * because silently replacing it would corrupt a name. Text that is mostly control characters is
 * refused as "not a text file" after looking at the first megabyte only, so 50 MB of garbage fails fast.
 */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding, file?: string): DecodeResult {
  const where = file === undefined ? {} : { file };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      error: {
        ...where,
        offset: nul,
        code: 'binary-file',
        reason: 'the file contains NUL bytes: it is a binary file, not CSV or JSON text',
      },
    };
  }
  let text: string;
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes, false);
    if (bad !== -1) {
      return {
        ok: false,
        error: {
          ...where,
          offset: bad,
          code: 'invalid-utf8',
          reason:
            'bytes that are not valid UTF-8; choose the file’s encoding (Windows-1251 or Windows-1257) ' +
            'or re-save it as UTF-8',
        },
      };
    }
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  } else {
    text = new TextDecoder(encoding).decode(bytes);
  }
  const { share, firstAt } = controlShare(text);
  if (share > 0.01) {
    return {
      ok: false,
      error: {
        ...where,
        offset: firstAt,
        code: 'control-characters',
        params: { percent: (share * 100).toFixed(1) },
        reason: `${(share * 100).toFixed(1)}% of the first characters are control characters: this is not a text file`,
      },
    };
  }
  return { ok: true, text };
}
