import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDayBounds, formatEdtf, formatTimestamp } from '../../../src/renderer/src/collection/dates';
import { formatRecordDates } from '../../../src/renderer/src/collection/format';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { formatDates } from '../../../src/renderer/src/search/SearchResults';
import type { SearchDocument } from '@shared/search/documents';

beforeAll(async () => {
  await initI18n('en');
});

// Every precision and qualifier of the EDTF subset (docs/collection-format.md), in both languages.
const TABLE: [edtf: string, en: string, lt: string][] = [
  ['1927', '1927', '1927 m.'],
  ['1927/1987', '1927–1987', '1927–1987 m.'],
  ['1941-06', 'June 1941', '1941 m. birželis'],
  ['1941-06-14', 'June 14, 1941', '1941 m. birželio 14 d.'],
  ['1941-06-14/1941-06-18', 'June 14–18, 1941', '1941 m. birželio 14–18 d.'],
  ['1948-05-22/1948-06-14', 'May 22, 1948 – June 14, 1948', '1948 m. gegužės 22 d. – 1948 m. birželio 14 d.'],
  ['1948-05/1948-07', 'May 1948 – July 1948', '1948 m. gegužė – 1948 m. liepa'],
  ['1940/1941-06-14', '1940 – June 14, 1941', '1940 m. – 1941 m. birželio 14 d.'],
  ['1951-10~', 'about October 1951', 'apie 1951 m. spalis'],
  ['1952~', 'about 1952', 'apie 1952 m.'],
  ['1941-06-14?', 'June 14, 1941?', '1941 m. birželio 14 d.?'],
  ['1945%', 'about 1945?', 'apie 1945 m.?'],
  ['1944~/1953', 'about 1944 – 1953', 'apie 1944 m. – 1953 m.'],
  ['193X', '1930s', '1930–1939 m.'],
  ['19XX', '1900–1999', '1900–1999 m.'],
  ['[1941,1945]', '1941 or 1945', '1941 m. ar 1945 m.'],
  ['{1941,1945..1949}', '1941 and 1945–1949', '1941 m. ir 1945–1949 m.'],
  // Outside the subset: shown as recorded, never dropped.
  ['spring 1941', 'spring 1941', 'spring 1941'],
];

describe('EDTF dates at their own precision', () => {
  it.each(TABLE)('%s', (edtf, en, lt) => {
    expect(formatEdtf(edtf, 'en', i18next.getFixedT('en'))).toBe(en);
    expect(formatEdtf(edtf, 'lt', i18next.getFixedT('lt'))).toBe(lt);
  });

  it('a person with year-only dates keeps them as years (issue 19, item 4)', () => {
    const person = { date: '1927/1987', earliest: '1927-01-01', latest: '1987-12-31' };
    expect(formatRecordDates(person, 'en')).toBe('1927–1987');
    expect(formatRecordDates(person, 'lt')).toBe('1927–1987 m.');
    expect(formatRecordDates({ earliest: null, latest: null }, 'en')).toBeNull();
  });

  it('day bounds without an EDTF string read at the precision they cover', () => {
    expect(formatDayBounds('1940-01-01', '1941-12-31', 'en')).toBe('1940–1941');
    expect(formatDayBounds('1948-05-22', '1948-05-23', 'lt')).toBe('1948 m. gegužės 22–23 d.');
  });

  it('search results use the same formatter, from the record date as recorded', () => {
    const doc = (date: string | undefined, earliest: string, latest: string) =>
      ({
        date,
        earliest,
        latest,
        yearFrom: Number(earliest.slice(0, 4)),
        yearTo: Number(latest.slice(0, 4)),
      }) as SearchDocument;
    expect(formatDates(doc('1927/1987', '1927-01-01', '1987-12-31'), 'lt')).toBe('1927–1987 m.');
    expect(formatDates(doc('1951-10~', '1951-09-01', '1951-11-30'), 'en')).toBe('about October 1951');
    // A saved index from before documents carried their date: the bounds, at the precision they cover.
    expect(formatDates(doc(undefined, '1948-05-22', '1948-05-23'), 'en')).toBe('May 22–23, 1948');
  });

  it('timestamps follow the interface language, never a fixed US form', () => {
    const moment = new Date(Date.UTC(2026, 11, 7, 12, 0));
    expect(formatTimestamp(moment, 'lt')).not.toContain('12/7/2026');
    expect(formatTimestamp(moment, 'lt')).toMatch(/^2026-12-07/);
  });
});
