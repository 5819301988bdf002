/**
 * Search normalisation ("folding"), applied once to every indexed string and to every query, so that the
 * spellings of one name in Lithuanian, Polish, English and Russian (Cyrillic or any common Latin
 * transliteration) meet in one form:
 *
 *   НКВД → nkvd · Земсков → zemskov · Красноярск, Krasnoyarsk, Krasnojarskas → krasnoyarsk(as)
 *   Sniečkus, Снечкус → sniechkus · Lukša, Лукша, Luksha → luksha · Якутия, Jakutija → yakutiya
 *
 * Rules, in order:
 *   1. Lower case; combining marks dropped after canonical decomposition (ą→a, ė→e, ó→o, ū→u…).
 *   2. Letters that do not decompose: ł→l, ß→ss, æ→ae, œ→oe, ø→o, đ→d, ı→i, þ→th.
 *   3. Cyrillic → Latin, close to BGN/PCGN (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, й/ы y,
 *      ь ъ dropped). ISO 9 / scientific spellings (ž, č, š, ja, ju) reach the same form through rules 4–5.
 *   4. Caron letters as digraphs (š→sh, ž→zh, č→ch, also Polish ż→zh), so Lithuanian, ISO 9 and
 *      English transliterations agree; with `{ carons: 'drop' }` they become s, z, c instead (the "bare"
 *      form, which is what a user typing without diacritics produces), and so do ш, ж, ч.
 *   5. j→y: Lithuanian, Polish, German and scientific transliteration write j where English writes y.
 *   6. With carons as digraphs, Polish sz→sh and cz→ch, German sch→sh.
 *
 * Written here rather than taken from a library: transliteration packages each implement one system in
 * one direction, while search needs one meeting point for all of them, with offsets back into the
 * original text for highlighting. Every output character remembers the original span it came from.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters met in place names.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/**
 * Cyrillic letters that Lithuanian writes with a caron (ш š, ж ž, ч č), in the bare form: Шимкус reads
 * "Simkus" to someone typing a Lithuanian name without diacritics, as Šimkus does.
 */
const CYRILLIC_BARE: Readonly<Record<string, string>> = { ш: 's', ж: 'z', ч: 'c' };

const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};

const CARON = '\u030C';
const DOT_ABOVE = '\u0307';
const BREVE = '\u0306';
const COMBINING = /\p{M}/u;

export interface FoldOptions {
  /** 'digraph' (default): š→sh, ž→zh, č→ch. 'drop': š→s, ž→z, č→c. */
  carons?: 'digraph' | 'drop';
}

export interface FoldedText {
  text: string;
  /** For each character of `text`, the start (UTF-16 index) of the original span it came from. */
  starts: number[];
  /** For each character of `text`, the end (exclusive) of the original span it came from. */
  ends: number[];
}

/** Fold one unit (a base character and its combining marks) to its search form. */
function foldUnit(unit: string, carons: 'digraph' | 'drop'): string {
  const lower = unit.toLowerCase();
  if (carons === 'drop') {
    const bare = CYRILLIC_BARE[lower];
    if (bare !== undefined) return bare;
  }
  // Precomposed letters first: й, ё, ї, ў decompose into another letter plus a mark.
  const direct = CYRILLIC[lower] ?? SPECIAL_LATIN[lower];
  if (direct !== undefined) return direct;
  const decomposed = lower.normalize('NFD');
  const base = decomposed.replace(/\p{M}+/gu, '');
  if (base.length === 0) return '';
  if (base === 'и' && decomposed.includes(BREVE)) return 'y';
  const mapped = CYRILLIC[base] ?? SPECIAL_LATIN[base];
  if (mapped !== undefined) return mapped;
  if (carons === 'digraph') {
    if ((base === 's' || base === 'z' || base === 'c') && decomposed.includes(CARON)) return `${base}h`;
    if (base === 'z' && decomposed.includes(DOT_ABOVE)) return 'zh';
  }
  if (base === 'j') return 'y';
  return base;
}

/** Combining marks follow their base character; most are in U+0300–U+036F, the rest are rare. */
const isCombining = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return code >= 0x300 && (code <= 0x36f || COMBINING.test(ch));
};

// Texts use few distinct characters, and normalize() per character is the costly part of folding.
const unitCache = { digraph: new Map<string, string>(), drop: new Map<string, string>() };

function foldUnitCached(unit: string, carons: 'digraph' | 'drop'): string {
  const cache = unitCache[carons];
  let folded = cache.get(unit);
  if (folded === undefined) {
    folded = foldUnit(unit, carons);
    if (cache.size > 10_000) cache.clear();
    cache.set(unit, folded);
  }
  return folded;
}

/** Polish and German digraphs, after the caron rule has produced sh/zh/ch. */
function foldDigraphs(chars: string[], starts: number[], ends: number[]): void {
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if ((a === 's' || a === 'c') && b === 'z') chars[i + 1] = 'h';
    else if (a === 's' && b === 'c' && chars[i + 2] === 'h') {
      // "sch" → "sh": drop the c, and let the s cover its span so highlights stay contiguous.
      chars.splice(i + 1, 1);
      ends[i] = ends[i + 1] ?? ends[i] ?? 0;
      starts.splice(i + 1, 1);
      ends.splice(i + 1, 1);
    }
  }
}

/** Fold `text`, keeping for every output character the span of the original it came from. */
export function foldWithOffsets(text: string, options: FoldOptions = {}): FoldedText {
  const carons = options.carons ?? 'digraph';
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    // A unit is a character (code point) with the combining marks that follow it.
    const start = i;
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    while (i < text.length && isCombining(text[i] ?? '')) i += 1;
    const folded = foldUnitCached(text.slice(start, i), carons);
    for (let k = 0; k < folded.length; k++) {
      chars.push(folded[k] as string);
      starts.push(start);
      ends.push(i);
    }
  }
  if (carons === 'digraph') foldDigraphs(chars, starts, ends);
  return { text: chars.join(''), starts, ends };
}

const ASCII_SIMPLE = /^[a-z0-9 .,;:()'"?!-]*$/;

/** The search form of `text` (see the file comment). */
export function fold(text: string, options: FoldOptions = {}): string {
  // Most indexed text is plain lower-case ASCII once lower-cased; skip the per-character walk for it
  // unless it holds a letter a rule rewrites (j, or the Polish/German digraphs).
  const lower = text.toLowerCase();
  if (ASCII_SIMPLE.test(lower) && !/[j]|sz|cz|sch/.test(lower)) return lower;
  const carons = options.carons ?? 'digraph';
  if (carons === 'digraph' && /sz|cz|sch/i.test(text)) return foldWithOffsets(text, options).text;
  // The same walk as foldWithOffsets without recording offsets (indexing folds every string).
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = i;
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    while (i < text.length && isCombining(text[i] ?? '')) i += 1;
    out += foldUnitCached(text.slice(start, i), carons);
  }
  return carons === 'digraph' && /sz|cz|sch/.test(out) ? foldWithOffsets(text, options).text : out;
}

/**
 * Map ranges over folded text (inclusive `[start, end]` pairs, as Fuse reports them) back to ranges
 * over the original text (`[start, end)` pairs, end exclusive), merged where they touch.
 */
export function mapRangesToOriginal(
  folded: FoldedText,
  ranges: ReadonlyArray<readonly [number, number]>,
): [number, number][] {
  const mapped: [number, number][] = [];
  for (const [from, to] of ranges) {
    const start = folded.starts[from];
    const end = folded.ends[Math.min(to, folded.ends.length - 1)];
    if (start === undefined || end === undefined || end <= start) continue;
    mapped.push([start, end]);
  }
  mapped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of mapped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Words of folded text (letters and digits). */
export function foldedWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
