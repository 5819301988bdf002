/**
 * A small parser for the subset of EDTF (Extended Date/Time Format, ISO 8601-2) that collection
 * packages use, and the computation of the `earliest`/`latest` day bounds used for filtering.
 *
 * Why not the `edtf` package at run time: it parses all of EDTF, but (a) it ships no TypeScript types,
 * (b) its min/max ignore the `~`/`?` qualifiers, so we would need our own widening anyway, and (c) its
 * error messages are raw grammar dumps that a collection author cannot act on. The subset below is small
 * enough to parse by hand with precise messages; the tests check it against the `edtf` package (every
 * string we accept, `edtf` accepts too, with the same unwidened bounds).
 *
 * Supported (see docs/collection-format.md):
 *   - dates `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (years 0000–9999);
 *   - unspecified trailing year digits `194X`, `19XX` (bare years only, without a qualifier);
 *   - a qualifier at the end of a date: `?` uncertain, `~` approximate, `%` both;
 *   - closed intervals `A/B` whose start begins before the end begins (as the `edtf` package requires;
 *     open or unknown ends `..` are not part of the subset);
 *   - sets `[A,B,…]` (one of) and `{A,B,…}` (all of), whose members are unqualified dates or ranges `A..B`
 *     (both ends of the same precision, start before end).
 *
 * Bounds: a date covers every day of its precision (1951-10 → 1951-10-01 … 1951-10-31). A date
 * qualified with `~`, `?` or `%` is widened by one unit of its precision on each side (1951-10~ →
 * 1951-09-01 … 1951-11-30; 1952~ → 1951-01-01 … 1953-12-31; 1941-06-14? → 1941-06-13 … 1941-06-15).
 * Intervals run from the earliest bound of their start to the latest bound of their end; sets from the
 * earliest bound of any member to the latest bound of any member.
 */

type EdtfPrecision = 'decade-or-century' | 'year' | 'month' | 'day';

export interface EdtfDate {
  /** First year the (unqualified) date can denote, e.g. 1940 for `194X`. */
  year: number;
  /** Number of unspecified trailing year digits (`X`), 0 when the year is complete. */
  unspecifiedDigits: number;
  month?: number;
  day?: number;
  precision: EdtfPrecision;
  uncertain: boolean;
  approximate: boolean;
}

export interface EdtfRange {
  start: EdtfDate;
  end: EdtfDate;
}

export type Edtf =
  | { type: 'date'; date: EdtfDate }
  | { type: 'interval'; start: EdtfDate; end: EdtfDate }
  | { type: 'set'; mode: 'one-of' | 'all-of'; members: (EdtfDate | EdtfRange)[] };

type EdtfParseResult = { ok: true; value: Edtf } | { ok: false; error: string };

interface DayBounds {
  /** ISO day string `YYYY-MM-DD`. */
  earliest: string;
  /** ISO day string `YYYY-MM-DD`. */
  latest: string;
}

const DATE_RE = /^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;

function parseDate(text: string): { ok: true; value: EdtfDate } | { ok: false; error: string } {
  const m = DATE_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (optionally followed by ?, ~ or %)`,
    };
  }
  const [, yearText = '', monthText, dayText, qualifier] = m;
  const unspecifiedDigits = (yearText.match(/X/g) ?? []).length;
  if (unspecifiedDigits > 0 && monthText !== undefined) {
    return { ok: false, error: `"${text}": unspecified year digits (X) are only allowed in a bare year` };
  }
  if (unspecifiedDigits > 0 && qualifier !== undefined) {
    return {
      ok: false,
      error: `"${text}": a year with unspecified digits (X) cannot also be qualified with ${qualifier}`,
    };
  }
  const year = Number(yearText.replace(/X/g, '0'));
  const date: EdtfDate = {
    year,
    unspecifiedDigits,
    precision: unspecifiedDigits > 0 ? 'decade-or-century' : 'year',
    uncertain: qualifier === '?' || qualifier === '%',
    approximate: qualifier === '~' || qualifier === '%',
  };
  if (monthText !== undefined) {
    const month = Number(monthText);
    if (month < 1 || month > 12)
      return { ok: false, error: `"${text}": month ${monthText} is out of range 01–12` };
    date.month = month;
    date.precision = 'month';
    if (dayText !== undefined) {
      const day = Number(dayText);
      const max = daysInMonth(year, month);
      if (day < 1 || day > max) {
        return { ok: false, error: `"${text}": day ${dayText} does not exist in ${yearText}-${monthText}` };
      }
      date.day = day;
      date.precision = 'day';
    }
  }
  return { ok: true, value: date };
}

/** Unwidened bounds as [year, month, day] triples. */
function rawBounds(d: EdtfDate): { lo: [number, number, number]; hi: [number, number, number] } {
  if (d.month === undefined) {
    const span = 10 ** d.unspecifiedDigits;
    return { lo: [d.year, 1, 1], hi: [d.year + span - 1, 12, 31] };
  }
  if (d.day === undefined) {
    return { lo: [d.year, d.month, 1], hi: [d.year, d.month, daysInMonth(d.year, d.month)] };
  }
  return { lo: [d.year, d.month, d.day], hi: [d.year, d.month, d.day] };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const iso = ([y, m, d]: [number, number, number]): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Shift a day triple by a few whole days (proleptic Gregorian calendar). */
function addDays(t: [number, number, number], days: number): [number, number, number] {
  let [y, m, d] = t;
  for (let i = 0; i < Math.abs(days); i++) {
    if (days > 0) {
      d += 1;
      if (d > daysInMonth(y, m)) [y, m, d] = m === 12 ? [y + 1, 1, 1] : [y, m + 1, 1];
    } else {
      d -= 1;
      if (d < 1) [y, m, d] = m === 1 ? [y - 1, 12, 31] : [y, m - 1, daysInMonth(y, m - 1)];
    }
  }
  return [y, m, d];
}

function addMonths(
  [y, m]: [number, number, number],
  months: number,
  edge: 'start' | 'end',
): [number, number, number] {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return [year, month, edge === 'start' ? 1 : daysInMonth(year, month)];
}

const clampYear = (t: [number, number, number]): [number, number, number] => {
  if (t[0] < 0) return [0, 1, 1];
  if (t[0] > 9999) return [9999, 12, 31];
  return t;
};

/** Bounds of a single date, widened by one unit of its precision when qualified. */
function dateBounds(d: EdtfDate): DayBounds {
  const { lo, hi } = rawBounds(d);
  if (!d.uncertain && !d.approximate) return { earliest: iso(lo), latest: iso(hi) };
  let wlo: [number, number, number];
  let whi: [number, number, number];
  if (d.precision === 'day') {
    wlo = addDays(lo, -1);
    whi = addDays(hi, 1);
  } else if (d.precision === 'month') {
    wlo = addMonths(lo, -1, 'start');
    whi = addMonths(hi, 1, 'end');
  } else {
    const span = 10 ** d.unspecifiedDigits;
    wlo = [lo[0] - span, 1, 1];
    whi = [hi[0] + span, 12, 31];
  }
  return { earliest: iso(clampYear(wlo)), latest: iso(clampYear(whi)) };
}

function parseSetMember(
  text: string,
): { ok: true; value: EdtfDate | EdtfRange } | { ok: false; error: string } {
  if (/[?~%]/.test(text)) {
    return { ok: false, error: `"${text}": dates inside a set cannot carry a qualifier (?, ~ or %)` };
  }
  const parts = text.split('..');
  if (parts.length === 1) return parseDate(text);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    return {
      ok: false,
      error: `"${text}": a range in a set needs both ends (A..B); open ranges are not supported`,
    };
  }
  const start = parseDate(parts[0] ?? '');
  if (!start.ok) return start;
  const end = parseDate(parts[1] ?? '');
  if (!end.ok) return end;
  if (
    start.value.precision !== end.value.precision ||
    start.value.unspecifiedDigits !== end.value.unspecifiedDigits
  ) {
    return { ok: false, error: `"${text}": both ends of a range in a set must have the same precision` };
  }
  if (iso(rawBounds(start.value).lo) >= iso(rawBounds(end.value).lo)) {
    return { ok: false, error: `"${text}": the start of a range must be earlier than its end` };
  }
  return { ok: true, value: { start: start.value, end: end.value } };
}

/** Parse an EDTF string of the supported subset. Never throws. */
export function parseEdtf(input: string): EdtfParseResult {
  if (typeof input !== 'string') return { ok: false, error: 'an EDTF date must be a string' };
  const text = input;
  if (text.trim() === '') return { ok: false, error: 'empty date' };
  if (text !== text.trim() || /\s/.test(text)) return { ok: false, error: `"${text}" contains spaces` };
  const first = text[0];
  if (first === '[' || first === '{') {
    const close = first === '[' ? ']' : '}';
    if (!text.endsWith(close))
      return { ok: false, error: `"${text}": set opened with ${first} is not closed with ${close}` };
    const inner = text.slice(1, -1);
    if (inner === '') return { ok: false, error: `"${text}": empty set` };
    const members: (EdtfDate | EdtfRange)[] = [];
    for (const part of inner.split(',')) {
      const member = parseSetMember(part);
      if (!member.ok) return member;
      members.push(member.value);
    }
    return { ok: true, value: { type: 'set', mode: first === '[' ? 'one-of' : 'all-of', members } };
  }
  if (text.includes('/')) {
    const parts = text.split('/');
    if (parts.length !== 2) return { ok: false, error: `"${text}": an interval has exactly one "/"` };
    const [a = '', b = ''] = parts;
    if (a === '' || b === '' || a === '..' || b === '..') {
      return {
        ok: false,
        error: `"${text}": open or unknown interval ends are not supported; give both dates`,
      };
    }
    const start = parseDate(a);
    if (!start.ok) return start;
    const end = parseDate(b);
    if (!end.ok) return end;
    const s = rawBounds(start.value);
    const e = rawBounds(end.value);
    if (iso(s.lo) >= iso(e.lo)) {
      return { ok: false, error: `"${text}": the start of an interval must be earlier than its end` };
    }
    return { ok: true, value: { type: 'interval', start: start.value, end: end.value } };
  }
  const date = parseDate(text);
  if (!date.ok) return date;
  return { ok: true, value: { type: 'date', date: date.value } };
}

const isRange = (m: EdtfDate | EdtfRange): m is EdtfRange => 'start' in m;

/** Earliest and latest day an EDTF value can denote, widened for qualified dates (see file comment). */
export function edtfBounds(value: Edtf): DayBounds {
  const spans: DayBounds[] = [];
  if (value.type === 'date') {
    spans.push(dateBounds(value.date));
  } else if (value.type === 'interval') {
    spans.push({ earliest: dateBounds(value.start).earliest, latest: dateBounds(value.end).latest });
  } else {
    for (const m of value.members) {
      spans.push(
        isRange(m)
          ? { earliest: dateBounds(m.start).earliest, latest: dateBounds(m.end).latest }
          : dateBounds(m),
      );
    }
  }
  let earliest = spans[0]?.earliest ?? '';
  let latest = spans[0]?.latest ?? '';
  for (const s of spans) {
    if (s.earliest < earliest) earliest = s.earliest;
    if (s.latest > latest) latest = s.latest;
  }
  return { earliest, latest };
}

/** Parse and compute bounds in one step; `null` when the string is not valid in the subset. */
export function edtfToBounds(input: string): DayBounds | null {
  const parsed = parseEdtf(input);
  return parsed.ok ? edtfBounds(parsed.value) : null;
}
