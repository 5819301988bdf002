import { describe, expect, it } from 'vitest';
import { groupClaims } from '../../../src/shared/collection/claim-groups';
import { mapPoints } from '../../../src/shared/collection/map-model';
import { EMPTY_FILTER, filterRecords, sortRecords } from '../../../src/shared/collection/record-filters';
import { timelineRows } from '../../../src/renderer/src/browse/timeline-model';
import { record } from './fixtures';

const claim = (id: string, extra: Record<string, unknown>) =>
  ({ id, unit: 'people', counts: 'people deported', status: 'sourced', source: 's', ...extra }) as never;

const records = [
  record({
    id: 'op-a',
    kind: 'event',
    title: 'Operation A',
    altNames: [{ name: 'Операция А' }],
    date: '1941-06-14/1941-06-18',
    earliest: '1941-06-14',
    latest: '1941-06-18',
    relations: [{ type: 'destination', target: 'place-x' }],
    claims: [
      claim('a1', { value: 100 }),
      claim('a2', { value: 120 }),
      claim('a3', { value: 999, status: 'unverified' }),
    ],
  }),
  record({
    id: 'op-b',
    kind: 'event',
    title: 'Ąžuolas operation',
    date: '1951-10~',
    earliest: '1951-09-01',
    latest: '1951-11-30',
  }),
  record({
    id: 'place-x',
    kind: 'place',
    title: 'Place X',
    coordinates: { lat: 56, lon: 93, status: 'sourced' },
    claims: [claim('x1', { value: 400 })],
  }),
  record({
    id: 'place-y',
    kind: 'place',
    title: 'Place Y',
    coordinates: { lat: 72, lon: 128, status: 'unverified' },
    flags: [{ type: 'unverified' }],
  }),
];

describe('browse filters', () => {
  it('filters by kind, overlapping period, place (both directions) and folded text', () => {
    expect(filterRecords(records, { ...EMPTY_FILTER, kind: 'place' }).map((r) => r.id)).toEqual([
      'place-x',
      'place-y',
    ]);
    expect(
      filterRecords(records, { ...EMPTY_FILTER, fromYear: 1945, toYear: 1953 }).map((r) => r.id),
    ).toEqual(['op-b']);
    expect(
      filterRecords(records, { ...EMPTY_FILTER, fromYear: 1941, toYear: 1941 }).map((r) => r.id),
    ).toEqual(['op-a']);
    expect(filterRecords(records, { ...EMPTY_FILTER, placeId: 'place-x' }).map((r) => r.id)).toEqual([
      'op-a',
      'place-x',
    ]);
    expect(filterRecords(records, { ...EMPTY_FILTER, text: 'azuolas' }).map((r) => r.id)).toEqual(['op-b']);
    expect(filterRecords(records, { ...EMPTY_FILTER, text: 'операция' }).map((r) => r.id)).toEqual(['op-a']);
    expect(filterRecords(records, { ...EMPTY_FILTER, unverifiedOnly: true }).map((r) => r.id)).toEqual([
      'op-a',
      'place-y',
    ]);
  });

  it('sorts by date with undated records last, either direction', () => {
    const collator = new Intl.Collator('en');
    const ascending = sortRecords(records, { key: 'date', direction: 'ascending' }, collator).map(
      (r) => r.id,
    );
    expect(ascending.slice(0, 2)).toEqual(['op-a', 'op-b']);
    const descending = sortRecords(records, { key: 'date', direction: 'descending' }, collator).map(
      (r) => r.id,
    );
    expect(descending.slice(0, 2)).toEqual(['op-b', 'op-a']);
    expect(sortRecords(records, { key: 'title', direction: 'ascending' }, collator)[0]?.id).toBe('op-b');
  });
});

describe('claim groups', () => {
  it('keeps conflicting figures side by side and reports the spread, never an average', () => {
    const [group] = groupClaims([
      claim('c1', { value: 40002 }),
      claim('c2', { value: 39766 }),
      claim('c3', { min: 36932, max: 49331 }),
    ]);
    expect(group?.claims).toHaveLength(3);
    expect(group?.spread).toEqual({ min: 36932, max: 49331 });
    expect(groupClaims([claim('c1', { value: 5 })])[0]?.spread).toBeNull();
    expect(
      groupClaims([claim('c1', { value: 5 }), claim('c2', { value: 5, unit: 'families' })]),
    ).toHaveLength(2);
  });
});

describe('timeline rows', () => {
  it('draws dated events with uncertainty and sourced people counts only', () => {
    const rows = timelineRows(records, (r) => r.title);
    expect(rows.map((row) => row.id)).toEqual(['op-a', 'op-b']);
    expect(rows[0]).toMatchObject({ uncertain: false, people: { min: 100, max: 120 } });
    expect(rows[1]).toMatchObject({ uncertain: true, people: null });
    expect((rows[0]?.end ?? 0) - (rows[0]?.start ?? 0)).toBe(5);
  });
});

describe('map points', () => {
  it('places coordinates with sourced sizes and unverified locations flagged', () => {
    expect(mapPoints(records, (r) => r.title)).toEqual([
      { id: 'place-x', title: 'Place X', lat: 56, lon: 93, unverified: false, people: 400 },
      { id: 'place-y', title: 'Place Y', lat: 72, lon: 128, unverified: true, people: null },
    ]);
  });
});
