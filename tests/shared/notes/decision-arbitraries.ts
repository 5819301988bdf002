/** fast-check generators of valid linkage decisions as a backup holds them: one per pair, a < b. */
import fc from 'fast-check';
import { DECISIONS, type Decision } from '@shared/linkage/types';

const MIN = Date.parse('2000-01-01T00:00:00Z');
const MAX = Date.parse('2099-12-31T23:59:59Z');

const recordId = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,20}$/))
  .map(([collection, record]) => `${collection}/${record}`);

export const decisionArbitrary: fc.Arbitrary<Decision> = fc
  .record({
    x: recordId,
    y: recordId,
    decision: fc.constantFrom(...DECISIONS),
    score: fc.option(fc.double({ min: -60, max: 60, noNaN: true }), { nil: null }),
    note: fc.string({ unit: 'grapheme', maxLength: 120 }),
    created: fc.integer({ min: MIN, max: MAX - 1000 }),
    after: fc.nat(1000),
  })
  .filter(({ x, y }) => x !== y)
  .map(({ x, y, decision, score, note, created, after }) => ({
    a: x < y ? x : y,
    b: x < y ? y : x,
    decision,
    // -0 does not survive JSON; a score is never negative zero in practice.
    score: Object.is(score, -0) ? 0 : score,
    note,
    created: new Date(created).toISOString(),
    updated: new Date(created + after).toISOString(),
  }));

export const decisionsArbitrary = fc.uniqueArray(decisionArbitrary, {
  selector: (decision) => `${decision.a}\n${decision.b}`,
  maxLength: 15,
});

export function sampleDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    a: 'echelon-list/17',
    b: 'settlement-register/204',
    decision: 'same',
    score: 18.25,
    note: '',
    created: '2026-12-01T10:00:00.000Z',
    updated: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}
