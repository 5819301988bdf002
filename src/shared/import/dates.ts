/**
 * Dates as registries write them → EDTF, keeping the verbatim text. Pure.
 *
 * Understood: `14.08.1889`, `14/08/1889`, `1889-08-14`, `1889.08.14`, `14 08 1889`, `1889 08 14`,
 * `1889-08`, `08.1889`, `1889`, `VIII.1889`, `1930s`, `1930-е`, `1930-ies`, `about 1900` / `ок. 1900` /
 * `около 1900` / `apie 1900` / `ok. 1900` / `ca. 1900` / `um 1900`, `1900?`, month names in Russian,
 * Lithuanian, Polish, German and English (`в июле 1907`, `июль 1907`, `14 июля 1907`, `1941 m.
 * birželio 14 d.`, `1941 m. birželio mėn.`, `14 czerwca 1941`, `14. Juni 1941`, `June 14, 1941`),
 * and an alternative date in brackets (`1870 (по другим данным - 1871)`, `1870 (kitur 1871)`,
 * `1870/1871`). Anything else is kept as text and flagged `review: 'unparsed'`.
 */
import type { DateCell } from '../collection/person';
import { parseEdtf } from '../collection/edtf';

const pad = (n: number | string) => String(n).padStart(2, '0');
/** A capture group of a match that has it (groups the pattern always sets). */
const at = (m: RegExpExecArray, i: number): string => m[i] ?? '';

const ROMAN: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
  XI: 11,
  XII: 12,
};

/** Month-name stems (lower case) in ru, lt (both nominative and genitive), pl, de, en → month. */
const MONTH_STEMS: [RegExp, number][] = [
  [/^(январ|янв|sausi|sty[cg]|jan)/u, 1],
  [/^(феврал|фев|vasari|lut|feb)/u, 2],
  [/^(март|мар|kov|marz|mär|mar)/u, 3],
  [/^(апрел|апр|baland|kwie|apr)/u, 4],
  [/^(ма[йяе]|gegu|maj|mai|may)/u, 5],
  [/^(июн|biržel|birzel|czerw|jun)/u, 6],
  [/^(июл|liep|lip|jul)/u, 7],
  [/^(август|авг|rugpj|sierp|aug)/u, 8],
  [/^(сентябр|сен|rugs|wrze|sep)/u, 9],
  [/^(октябр|окт|spal|paźd|pazd|okt|oct)/u, 10],
  [/^(ноябр|ноя|lapkr|listop|nov)/u, 11],
  [/^(декабр|дек|gruod|grud|dez|dec)/u, 12],
];

function monthFromWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  for (const [re, month] of MONTH_STEMS) if (re.test(w)) return month;
  return undefined;
}

const APPROX_PREFIX =
  /^(?:about|approx\.?|approximately|circa|ca\.?|c\.|ок\.|около|примерно|apie|ok\.|około|okolo|um|etwa|ungefähr)\s*/iu;
const YEAR_SUFFIX = /\s*(?:г\.|гг\.|года|год|г|m\.|metai|metais|r\.|roku|rok|j\.)$/iu;

/** A single date (no alternatives): EDTF or undefined. */
function parseOne(input: string): string | undefined {
  let v = input.trim().replace(/\s+/g, ' ');
  if (v === '') return undefined;
  let qualifier = '';
  const approx = APPROX_PREFIX.exec(v);
  if (approx) {
    qualifier = '~';
    v = v.slice(approx[0].length);
  }
  if (/\?$/.test(v)) {
    qualifier = qualifier === '~' ? '%' : '?';
    v = v.slice(0, -1).trim();
  }
  v = v.replace(/^(?:в|во|in|im|w|we)\s+/iu, '');
  v = v.replace(YEAR_SUFFIX, '').trim();
  const edtf = parseBare(v);
  if (edtf === undefined) return undefined;
  if (qualifier !== '' && edtf.includes('X')) return undefined;
  const out = edtf + qualifier;
  return parseEdtf(out).ok ? out : undefined;
}

function ymd(y: string | number, m: string | number, d?: string | number): string {
  return d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

function parseBare(v: string): string | undefined {
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(v)) return v;
  // Year first: 1889-08-14, 1889.08.14, 1889/08/14, 1889 08 14.
  if ((m = /^(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})\.?$/.exec(v))) return ymd(at(m, 1), at(m, 2), at(m, 3));
  // Day first: 14.08.1889, 14/08/1889, 14-08-1889, 14 08 1889.
  if ((m = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(v))) return ymd(at(m, 3), at(m, 2), at(m, 1));
  if ((m = /^(\d{4})[-./](\d{1,2})$/.exec(v))) return ymd(at(m, 1), at(m, 2));
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(v))) return ymd(at(m, 2), at(m, 1));
  // Roman month: VIII.1889, 14.VIII.1889.
  if ((m = /^(?:(\d{1,2})[. ])?([IVX]{1,4})[. ](\d{4})$/.exec(v))) {
    const month = ROMAN[at(m, 2)];
    if (month === undefined) return undefined;
    return m[1] === undefined ? ymd(at(m, 3), month) : ymd(at(m, 3), month, m[1]);
  }
  // Decades: 1930s, 1930-е, 1930-ые, 1930-ies, 1930-aisiais.
  if ((m = /^(\d{3})0(?:s|'s|-е|-ые|-х|-ies|-aisiais|-ųjų|-ieji|-te|er)$/iu.exec(v))) return `${m[1]}X`;
  // Words: "июль 1907", "14 июля 1907", "June 14, 1941", "14. Juni 1941", "1941 m. birželio 14 d.".
  const words = v
    .replace(/,/g, ' ')
    .replace(/\b(?:m\.|mėn\.?|d\.|r\.)(?=\s|$)/giu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  let year: string | undefined;
  let month: number | undefined;
  let day: string | undefined;
  for (const raw of words) {
    const w = raw.replace(/\.$/, '');
    if (/^\d{4}$/.test(w) && year === undefined) year = w;
    else if (/^\d{1,2}$/.test(w) && day === undefined) day = w;
    else {
      const mo = monthFromWord(w);
      if (mo === undefined || month !== undefined) return undefined;
      month = mo;
    }
  }
  if (year === undefined || month === undefined) return undefined;
  return day === undefined ? ymd(year, month) : ymd(year, month, day);
}

/** "(по другим данным - 1871)", "(kitur 1871)", "(or 1871)", "(другие данные: 1871)" → "1871". */
const ALTERNATIVE =
  /^(.*?)\s*[([]\s*(?:по\s+другим\s+данным|по\s+др\.\s*данным|другие\s+данные|или|kitur|kitais\s+duomenimis|arba|według\s+innych\s+danych|lub|oder|or|other\s+sources?|alt\.?)?\s*[-–—:]?\s*([^)\]]+?)\s*[)\]]$/iu;

/** Read one date cell: never throws, never refuses; what it cannot read it keeps and flags. */
export function parseDateCell(input: string): DateCell {
  const text = input.trim();
  const whole = parseOne(text);
  if (whole !== undefined) return { text, edtf: whole };
  const alt = ALTERNATIVE.exec(text);
  if (alt) {
    const main = parseOne(at(alt, 1));
    const other = parseOne(at(alt, 2));
    if (main !== undefined && other !== undefined) return { text, edtf: main, alternatives: [other] };
    if (main !== undefined) return { text, edtf: main, review: 'ambiguous' };
  }
  // "1870/1871": two readings of one year (not an EDTF interval: the source is unsure which).
  const pair = /^(\d{4})\s*(?:\/|или|arba|or|lub|oder)\s*(\d{4})$/iu.exec(text);
  if (pair) return { text, edtf: at(pair, 1), alternatives: [at(pair, 2)] };
  return { text, review: 'unparsed' };
}

/** The year a date cell's EDTF starts in (for facets and year filters); undefined when unread. */
export function dateCellYear(cell: DateCell | undefined): number | undefined {
  const m = cell?.edtf === undefined ? null : /^(\d{3})([\dX])/.exec(cell.edtf);
  if (!m) return undefined;
  return Number(`${m[1]}${m[2] === 'X' ? '0' : m[2]}`);
}
