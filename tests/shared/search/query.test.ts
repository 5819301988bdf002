import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterValues, parseQuery, setFilter, toggleFilter, tokenizeQuery } from '@shared/search/query';

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and filters', () => {
    const parsed = parseQuery(
      'Vesna "special settlers" -Igarka -"Krasnoyarsk Krai" kind:event year:1945..1953 place:"Altai Krai" source:zemskov tag:memoir has:notes status:unverified -kind:place',
    );
    expect(parsed.terms).toEqual(['Vesna']);
    expect(parsed.phrases).toEqual(['special settlers']);
    expect(parsed.excludes).toEqual(['Igarka', 'Krasnoyarsk Krai']);
    expect(parsed.filters).toEqual([
      { field: 'kind', kind: 'event', negated: false },
      { field: 'year', from: 1945, to: 1953, negated: false },
      { field: 'place', value: 'Altai Krai', negated: false },
      { field: 'source', value: 'zemskov', negated: false },
      { field: 'tag', value: 'memoir', negated: false },
      { field: 'has', value: 'notes', negated: false },
      { field: 'status', value: 'unverified', negated: false },
      { field: 'kind', kind: 'place', negated: true },
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('accepts single years, open ranges, plural kinds and upper-case field names', () => {
    expect(parseQuery('year:1948').filters).toEqual([
      { field: 'year', from: 1948, to: 1948, negated: false },
    ]);
    expect(parseQuery('year:..1941').filters).toEqual([
      { field: 'year', from: null, to: 1941, negated: false },
    ]);
    expect(parseQuery('year:1944..').filters).toEqual([
      { field: 'year', from: 1944, to: null, negated: false },
    ]);
    expect(parseQuery('KIND:places kind:people').filters).toEqual([
      { field: 'kind', kind: 'place', negated: false },
      { field: 'kind', kind: 'person', negated: false },
    ]);
  });

  it.each([
    ['"Operation Vesna', 'unclosedQuote', 0, 16],
    ['kind:', 'emptyFilter', 0, 5],
    ['colour:red', 'unknownFilter', 0, 10],
    ['kind:spaceship', 'unknownKind', 0, 14],
    ['Vesna year:forty-eight', 'badYear', 6, 22],
    ['year:1953..1945', 'reversedYears', 0, 15],
    ['has:photos', 'unknownHas', 0, 10],
    ['status:maybe', 'unknownStatus', 0, 12],
    ['-""', 'emptyExclusion', 0, 3],
  ])('explains %j as %s at its position', (query, code, start, end) => {
    const { errors } = parseQuery(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, start, end });
  });

  it('keeps the valid part of an invalid query', () => {
    const parsed = parseQuery('Vesna colour:red kind:event');
    expect(parsed.terms).toEqual(['Vesna']);
    expect(parsed.filters).toEqual([{ field: 'kind', kind: 'event', negated: false }]);
    expect(parsed.errors.map((error) => error.code)).toEqual(['unknownFilter']);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (query) => {
        const parsed = parseQuery(query);
        for (const error of parsed.errors) {
          expect(error.start).toBeGreaterThanOrEqual(0);
          expect(error.end).toBeLessThanOrEqual(query.length);
        }
      }),
    );
  });

  it('tokenizes with positions', () => {
    expect(tokenizeQuery('a -b kind:"x y"')).toEqual([
      { start: 0, end: 1, negated: false, value: 'a', quoted: false, unclosed: false },
      { start: 2, end: 4, negated: true, value: 'b', quoted: false, unclosed: false },
      { start: 5, end: 15, negated: false, field: 'kind', value: 'x y', quoted: true, unclosed: false },
    ]);
  });
});

describe('editing filters in the query text (facets)', () => {
  it('toggles a filter on and off', () => {
    const on = toggleFilter('Vesna', 'kind', 'place');
    expect(on).toBe('Vesna kind:place');
    expect(toggleFilter(on, 'kind', 'place')).toBe('Vesna');
  });

  it('quotes values with spaces', () => {
    expect(toggleFilter('', 'place', 'Altai Krai')).toBe('place:"Altai Krai"');
    expect(filterValues('x place:"Altai Krai"', 'place')).toEqual(['Altai Krai']);
  });

  it('replaces or removes every filter of a field', () => {
    expect(setFilter('a year:1941 b year:1948', 'year', '1945..1953')).toBe('a b year:1945..1953');
    expect(setFilter('a year:1941 b', 'year', null)).toBe('a b');
  });
});
