import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateCellYear, parseDateCell } from '@shared/import/dates';

type EdtfLib = (input: string) => unknown;
// The `edtf` package ships no type declarations; it is the oracle every reading must satisfy.
const EDTF_PACKAGE = 'edtf';
const loadEdtf = async (): Promise<EdtfLib> => ((await import(EDTF_PACKAGE)) as { default: EdtfLib }).default;

const READINGS: [string, string, string[]?][] = [
  ['14.08.1889', '1889-08-14'],
  ['4.8.1889', '1889-08-04'],
  ['14/08/1889', '1889-08-14'],
  ['1889-08-14', '1889-08-14'],
  ['1889.08.14', '1889-08-14'],
  ['14 08 1889', '1889-08-14'],
  ['1889 08 14', '1889-08-14'],
  ['1941 06 14', '1941-06-14'],
  ['1889', '1889'],
  [' 1889 ', '1889'],
  ['1889 г.', '1889'],
  ['1889 m.', '1889'],
  ['1889-08', '1889-08'],
  ['08.1889', '1889-08'],
  ['VIII.1889', '1889-08'],
  ['VI.1941', '1941-06'],
  ['14.VI.1941', '1941-06-14'],
  ['1930s', '193X'],
  ['1930-е', '193X'],
  ['1930-ые', '193X'],
  ['about 1900', '1900~'],
  ['ок. 1900', '1900~'],
  ['около 1900', '1900~'],
  ['apie 1900', '1900~'],
  ['ok. 1900', '1900~'],
  ['ca. 1900', '1900~'],
  ['1900?', '1900?'],
  ['в июле 1907', '1907-07'],
  ['июль 1907', '1907-07'],
  ['14 июля 1907 г.', '1907-07-14'],
  ['1941 m. birželio 14 d.', '1941-06-14'],
  ['1941 m. birželio mėn.', '1941-06'],
  ['14 czerwca 1941', '1941-06-14'],
  ['14. Juni 1941', '1941-06-14'],
  ['June 14, 1941', '1941-06-14'],
  ['May 1941', '1941-05'],
  ['в мае 1949', '1949-05'],
  ['25 марта 1949', '1949-03-25'],
  ['1870 (по другим данным 1871)', '1870', ['1871']],
  ['1870 (по другим данным - 1871)', '1870', ['1871']],
  ['17.05.1897 (kitur 1898)', '1897-05-17', ['1898']],
  ['1870/1871', '1870', ['1871']],
];

describe('parseDateCell: every common form → EDTF, text kept verbatim', () => {
  it.each(READINGS)('%s → %s', async (text, edtf, alternatives) => {
    const cell = parseDateCell(text);
    expect(cell).toEqual({ text: text.trim(), edtf, ...(alternatives ? { alternatives } : {}) });
    const oracle = await loadEdtf();
    for (const value of [edtf, ...(alternatives ?? [])]) expect(() => oracle(value)).not.toThrow();
  });

  it.each([
    '19o5',
    '31.02.1941',
    'неизвестно',
    'see notes',
    '13.13.1941',
    '',
    '1941-1945 гг. в ссылке',
    'ок. 193X',
  ])('keeps %j as text and flags it for review', (text) => {
    expect(parseDateCell(text)).toEqual({ text: text.trim(), review: 'unparsed' });
  });

  it('reads the main date of a cell whose bracketed note it cannot read, and flags it', () => {
    expect(parseDateCell('1905 (неразборчиво)')).toEqual({
      text: '1905 (неразборчиво)',
      edtf: '1905',
      review: 'ambiguous',
    });
  });

  it('never throws, and every reading is valid EDTF', async () => {
    const oracle = await loadEdtf();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const cell = parseDateCell(s);
        expect(cell.text).toBe(s.trim());
        if (cell.edtf !== undefined) expect(() => oracle(cell.edtf as string)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('gives the start year for facets and filters', () => {
    expect(dateCellYear(parseDateCell('14.08.1889'))).toBe(1889);
    expect(dateCellYear(parseDateCell('1930-е'))).toBe(1930);
    expect(dateCellYear(parseDateCell('19o5'))).toBeUndefined();
    expect(dateCellYear(undefined)).toBeUndefined();
  });
});
