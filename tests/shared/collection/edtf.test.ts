import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edtfToBounds, parseEdtf } from '@shared/collection/edtf';

interface EdtfLibValue {
  min: number;
  max: number;
}
type EdtfLib = (input: string) => EdtfLibValue;

// The `edtf` package ships no type declarations; load it through a non-literal specifier so TypeScript
// types it as `any` instead of failing on a missing declaration. It is only used as a test oracle.
const EDTF_PACKAGE = 'edtf';
const loadEdtf = async (): Promise<EdtfLib> => ((await import(EDTF_PACKAGE)) as { default: EdtfLib }).default;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('EDTF subset: bounds', () => {
  it.each([
    ['1941', '1941-01-01', '1941-12-31'],
    ['1941-06', '1941-06-01', '1941-06-30'],
    ['1948-02', '1948-02-01', '1948-02-29'],
    ['1941-06-14', '1941-06-14', '1941-06-14'],
    ['1941-06-14/1941-06-19', '1941-06-14', '1941-06-19'],
    ['1945/1953', '1945-01-01', '1953-12-31'],
    ['1941-02/1941-06', '1941-02-01', '1941-06-30'],
    ['198X', '1980-01-01', '1989-12-31'],
    ['19XX', '1900-01-01', '1999-12-31'],
    ['[1951-04-01,1951-04-08]', '1951-04-01', '1951-04-08'],
    ['{1941,1945..1952}', '1941-01-01', '1952-12-31'],
    ['{1941-04-25,1941-06-13}', '1941-04-25', '1941-06-13'],
    // Qualified dates widen by one unit of their precision on each side.
    ['1951-10~', '1951-09-01', '1951-11-30'],
    ['1952-01~', '1951-12-01', '1952-02-29'],
    ['1952~', '1951-01-01', '1953-12-31'],
    ['1941?', '1940-01-01', '1942-12-31'],
    ['1941-06-14%', '1941-06-13', '1941-06-15'],
    ['1941-03-01?', '1941-02-28', '1941-03-02'],
    ['1940-12-31~', '1940-12-30', '1941-01-01'],
    ['1941-06-14?/1941-06-19~', '1941-06-13', '1941-06-20'],
    ['0000~', '0000-01-01', '0001-12-31'],
  ])('%s → %s … %s', (input, earliest, latest) => {
    expect(edtfToBounds(input)).toEqual({ earliest, latest });
  });
});

describe('EDTF subset: rejected input with a precise reason', () => {
  it.each([
    ['1951-13', 'month 13 is out of range'],
    ['1951-02-29', 'day 29 does not exist in 1951-02'],
    ['1941-06-31', 'day 31 does not exist'],
    ['51-10', 'is not a date of the form'],
    ['1941-6-14', 'is not a date of the form'],
    ['1953/1945', 'the start of an interval must be earlier than its end'],
    ['1945/1945', 'the start of an interval must be earlier than its end'],
    ['2018-04/2018', 'the start of an interval must be earlier than its end'],
    ['1941/..', 'open or unknown interval ends are not supported'],
    ['1941/', 'open or unknown interval ends are not supported'],
    ['1941/1942/1943', 'exactly one "/"'],
    ['[1941,1942', 'is not closed'],
    ['{}', 'empty set'],
    ['{1945..}', 'needs both ends'],
    ['{1952..1945}', 'the start of a range must be earlier than its end'],
    ['{1945..1952-05}', 'the same precision'],
    ['[1941?,1942]', 'cannot carry a qualifier'],
    ['194X-05', 'only allowed in a bare year'],
    ['194X~', 'cannot also be qualified'],
    ['', 'empty date'],
    [' 1941', 'contains spaces'],
    ['circa 1941', 'contains spaces'],
  ])('%s', (input, reason) => {
    const result = parseEdtf(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe('EDTF subset agrees with the edtf package', () => {
  const dateArb = fc
    .record({
      year: fc.integer({ min: 1000, max: 2100 }),
      month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      day: fc.integer({ min: 1, max: 28 }),
      withDay: fc.boolean(),
      qualifier: fc.constantFrom('', '', '?', '~', '%'),
    })
    .map(({ year, month, day, withDay, qualifier }) => {
      let s = String(year);
      if (month !== undefined) s += `-${String(month).padStart(2, '0')}`;
      if (month !== undefined && withDay) s += `-${String(day).padStart(2, '0')}`;
      return s + qualifier;
    });
  const unqualifiedDateArb = dateArb.map((s) => s.replace(/[?~%]$/, ''));
  const stringArb = fc.oneof(
    dateArb,
    fc.tuple(dateArb, dateArb).map(([a, b]) => `${a}/${b}`),
    fc.array(dateArb, { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc.array(unqualifiedDateArb, { minLength: 1, maxLength: 4 }).map((xs) => `{${xs.join(',')}}`),
    fc
      .tuple(unqualifiedDateArb, unqualifiedDateArb, unqualifiedDateArb)
      .map(([a, b, c]) => `{${a},${b}..${c}}`),
  );

  it('every string the subset accepts, edtf accepts too', async () => {
    const edtf = await loadEdtf();
    fc.assert(
      fc.property(stringArb, (s) => {
        if (parseEdtf(s).ok) expect(() => edtf(s)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('unqualified dates and intervals have the same bounds as edtf', async () => {
    const edtf = await loadEdtf();
    const plain = fc.oneof(
      unqualifiedDateArb,
      fc.tuple(unqualifiedDateArb, unqualifiedDateArb).map(([a, b]) => `${a}/${b}`),
    );
    fc.assert(
      fc.property(plain, (s) => {
        const ours = edtfToBounds(s);
        if (ours === null) return;
        const theirs = edtf(s);
        expect(ours).toEqual({ earliest: day(theirs.min), latest: day(theirs.max) });
      }),
      { numRuns: 300 },
    );
  });

  it('parseEdtf never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseEdtf(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
