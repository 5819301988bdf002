/**
 * Dates as a reader should see them: every EDTF value at its own precision ("1927", "June 1941",
 * "1941 m. birželio 14 d."), with its qualifiers (`~` about, `?` uncertain) and unspecified digits
 * ("1930s"), in the interface language. The one place the app turns a date into words: the record
 * page, the browse table, search results and the timeline all call it, so they always agree.
 *
 * Month and day forms come from Intl (CLDR has the Lithuanian genitive month names); the templates
 * around them (year suffix "m.", "about", ranges) come from i18n (`dates.*`), so they are translated
 * with the rest of the interface. Years are passed to templates as strings so that the app's number
 * formatting never turns 1941 into "1,941".
 */
import i18next, { type TFunction } from 'i18next';
import { parseEdtf, type EdtfDate, type EdtfRange } from '@shared/collection/edtf';

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

const utc = (year: number, month = 1, day = 1): Date => {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setting the year afterwards keeps early years right.
  date.setUTCFullYear(year);
  return date;
};

function dayFormat(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** A single date at its own precision, without its qualifiers. */
function plainDate(date: EdtfDate, language: string, t: Translate): string {
  const year = String(date.year).padStart(4, '0');
  if (date.unspecifiedDigits > 0) {
    const to = String(date.year + 10 ** date.unspecifiedDigits - 1);
    return t(date.unspecifiedDigits === 1 ? 'dates.decade' : 'dates.yearSpan', { from: year, to });
  }
  if (date.month === undefined) return t('dates.year', { year });
  if (date.day === undefined) {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      utc(date.year, date.month),
    );
  }
  return dayFormat(language).format(utc(date.year, date.month, date.day));
}

function qualified(date: EdtfDate, language: string, t: Translate): string {
  const text = plainDate(date, language, t);
  if (date.approximate && date.uncertain) return t('dates.approximateUncertain', { date: text });
  if (date.approximate) return t('dates.approximate', { date: text });
  if (date.uncertain) return t('dates.uncertain', { date: text });
  return text;
}

const isPlain = (date: EdtfDate) => !date.approximate && !date.uncertain && date.unspecifiedDigits === 0;

function monthName(date: EdtfDate, language: string): string {
  // The month as it reads with a day (lt genitive: "birželio"), taken from a formatted day.
  const parts = dayFormat(language).formatToParts(utc(date.year, date.month ?? 1, date.day ?? 1));
  return parts.find((part) => part.type === 'month')?.value ?? '';
}

function interval(start: EdtfDate, end: EdtfDate, language: string, t: Translate): string {
  if (isPlain(start) && isPlain(end)) {
    if (start.precision === 'year' && end.precision === 'year') {
      return t('dates.yearRange', { from: String(start.year), to: String(end.year) });
    }
    if (
      start.precision === 'day' &&
      end.precision === 'day' &&
      start.year === end.year &&
      start.month === end.month
    ) {
      return t('dates.dayRangeInMonth', {
        year: String(start.year),
        month: monthName(start, language),
        from: String(start.day),
        to: String(end.day),
      });
    }
  }
  return t('dates.range', { from: qualified(start, language, t), to: qualified(end, language, t) });
}

const isRange = (member: EdtfDate | EdtfRange): member is EdtfRange => 'start' in member;

/**
 * An EDTF string in words, at its own precision. A string outside the supported subset is shown as
 * it was recorded, never dropped or guessed at.
 */
export function formatEdtf(
  edtf: string,
  language: string,
  t: Translate = i18next.getFixedT(language),
): string {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) return edtf;
  const value = parsed.value;
  if (value.type === 'date') return qualified(value.date, language, t);
  if (value.type === 'interval') return interval(value.start, value.end, language, t);
  const members = value.members.map((member) =>
    isRange(member) ? interval(member.start, member.end, language, t) : qualified(member, language, t),
  );
  return new Intl.ListFormat(language, {
    type: value.mode === 'one-of' ? 'disjunction' : 'conjunction',
  }).format(members);
}

/** Day bounds (ISO `YYYY-MM-DD`) in words, for values that have no EDTF string of their own. */
export function formatDayBounds(
  earliest: string,
  latest: string,
  language: string,
  t: Translate = i18next.getFixedT(language),
): string {
  // Whole years read as years ("1940–1941"), not as "January 1, 1940 – December 31, 1941".
  if (earliest.endsWith('-01-01') && latest.endsWith('-12-31')) {
    const from = earliest.slice(0, 4);
    const to = latest.slice(0, 4);
    return formatEdtf(from === to ? from : `${from}/${to}`, language, t);
  }
  return formatEdtf(earliest === latest ? earliest : `${earliest}/${latest}`, language, t);
}

/** A moment (an import, a note saved) with date and time, in the interface language. */
export function formatTimestamp(moment: Date | string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    typeof moment === 'string' ? new Date(moment) : moment,
  );
}

/** The time of day of a moment ("Saved at 14:05"), in the interface language. */
export function formatTime(moment: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(moment);
}
