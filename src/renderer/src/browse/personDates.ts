/**
 * An EDTF reading of a registry's date cell, in the interface language and at the date's own
 * precision: a year stays "1927", a month reads "May 1897" / "1897 m. gegužė", a day is spelled out;
 * approximate and uncertain dates say so. Never adds precision the source does not have.
 */
import type { TFunction } from 'i18next';
import { parseEdtf, type EdtfDate, type EdtfRange } from '../../../shared/collection/edtf';

function plainDate(date: EdtfDate, language: string): string {
  if (date.unspecifiedDigits > 0) {
    const span = 10 ** date.unspecifiedDigits;
    return `${date.year}–${date.year + span - 1}`;
  }
  if (date.month === undefined) return String(date.year);
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day ?? 1));
  // Years before 100 would be read as 19xx by the Date constructor.
  utc.setUTCFullYear(date.year);
  const options: Intl.DateTimeFormatOptions =
    date.day === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(utc);
}

function qualified(date: EdtfDate, t: TFunction, language: string): string {
  const text = plainDate(date, language);
  if (date.uncertain && date.approximate) return t('person.date.uncertainApproximate', { date: text });
  if (date.uncertain) return t('person.date.uncertain', { date: text });
  if (date.approximate) return t('person.date.approximate', { date: text });
  return text;
}

const isRange = (member: EdtfDate | EdtfRange): member is EdtfRange => 'start' in member;

/** The reading of an EDTF string, or null when it is not one this app parses. */
export function formatEdtfReading(edtf: string, t: TFunction, language: string): string | null {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) return null;
  const value = parsed.value;
  if (value.type === 'date') return qualified(value.date, t, language);
  if (value.type === 'interval') {
    return `${qualified(value.start, t, language)} – ${qualified(value.end, t, language)}`;
  }
  const members = value.members.map((member) =>
    isRange(member)
      ? `${qualified(member.start, t, language)} – ${qualified(member.end, t, language)}`
      : qualified(member, t, language),
  );
  return t(value.mode === 'one-of' ? 'person.date.oneOf' : 'person.date.allOf', {
    dates: members.join('; '),
  });
}
