import { describe, expect, it } from 'vitest';
import type { Candidate, Decision } from '@shared/linkage/types';
import {
  bandOf,
  buildQueue,
  collectionOf,
  decisionsByPair,
  filterQueue,
  keyAction,
  moveBy,
  nextUndecided,
  NO_FILTERS,
  recordOf,
} from '../../../src/renderer/src/linkage/queue-model';

const candidate = (a: string, b: string, score: number): Candidate => ({ a, b, score, fields: [] });
const decision = (
  a: string,
  b: string,
  kind: Decision['decision'],
  updated = '2026-12-07T10:00:00Z',
): Decision => ({
  a,
  b,
  decision: kind,
  score: 1,
  note: '',
  created: updated,
  updated,
});

const CANDIDATES = [
  candidate('x/1', 'y/1', 9),
  candidate('x/2', 'y/2', 20),
  candidate('x/3', 'y/3', 12),
  candidate('x/4', 'x/5', 15),
  candidate('x/0', 'y/9', 12),
];

describe('review queue model', () => {
  it('orders by score, highest first, ties by ids', () => {
    const queue = buildQueue(CANDIDATES, new Map());
    expect(queue.map((item) => `${item.candidate.a}~${item.candidate.b}`)).toEqual([
      'x/2~y/2',
      'x/4~x/5',
      'x/0~y/9',
      'x/3~y/3',
      'x/1~y/1',
    ]);
  });

  it('puts scores in bands around the threshold of 14 bits', () => {
    expect(bandOf(14)).toBe('likely');
    expect(bandOf(13.9)).toBe('borderline');
    expect(bandOf(10)).toBe('borderline');
    expect(bandOf(9.99)).toBe('low');
  });

  it('attaches the latest decision of each pair, whichever order the ids were stored in', () => {
    const decisions = decisionsByPair([
      decision('y/2', 'x/2', 'different', '2026-12-07T09:00:00Z'),
      decision('x/2', 'y/2', 'same', '2026-12-07T11:00:00Z'),
    ]);
    const queue = buildQueue(CANDIDATES, decisions);
    expect(queue[0]?.decision?.decision).toBe('same');
    expect(queue[1]?.decision).toBeUndefined();
  });

  it('filters by collection, band and decision', () => {
    const queue = buildQueue(CANDIDATES, decisionsByPair([decision('x/3', 'y/3', 'unsure')]));
    const pairs = (filters = NO_FILTERS) => filterQueue(queue, filters).map((item) => item.candidate.a);
    expect(pairs({ ...NO_FILTERS, collection: 'y' })).toEqual(['x/2', 'x/0', 'x/3', 'x/1']);
    expect(pairs({ ...NO_FILTERS, band: 'likely' })).toEqual(['x/2', 'x/4']);
    expect(pairs({ ...NO_FILTERS, band: 'low' })).toEqual(['x/1']);
    expect(pairs({ ...NO_FILTERS, decision: 'unsure' })).toEqual(['x/3']);
    expect(pairs({ ...NO_FILTERS, decision: 'undecided' })).toEqual(['x/2', 'x/4', 'x/0', 'x/1']);
    expect(pairs({ collection: 'y', band: 'borderline', decision: 'undecided' })).toEqual(['x/0']);
  });

  it('moves within the ends, and starts at the first item when nothing is selected', () => {
    const queue = buildQueue(CANDIDATES, new Map());
    const key = (n: number) => queue[n]?.key ?? null;
    expect(moveBy(queue, key(0), 1)).toBe(key(1));
    expect(moveBy(queue, key(0), -1)).toBe(key(0));
    expect(moveBy(queue, key(3), 10)).toBe(key(4));
    expect(moveBy(queue, 'gone', 1)).toBe(key(0));
    expect(moveBy([], null, 1)).toBeNull();
  });

  it('finds the next undecided pair after a decision, wrapping, and none when all are decided', () => {
    const queue = buildQueue(CANDIDATES, decisionsByPair([decision('x/0', 'y/9', 'same')]));
    const key = (n: number) => queue[n]?.key ?? '';
    // Item 2 (x/0~y/9) is decided: after item 1 comes item 3.
    expect(nextUndecided(queue, key(1), new Set([key(1)]))).toBe(key(3));
    // From the last item it wraps to the first undecided.
    expect(nextUndecided(queue, key(4), new Set([key(4)]))).toBe(key(0));
    const allButOne = new Set([key(0), key(1), key(3), key(4)]);
    expect(nextUndecided(queue, key(4), allButOne)).toBeNull();
  });

  it('maps keys to actions, and leaves text fields and modified keys alone', () => {
    expect(keyAction({ key: 'j' })).toEqual({ type: 'move', delta: 1 });
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ type: 'move', delta: -1 });
    expect(keyAction({ key: 'S' })).toEqual({ type: 'decide', decision: 'same' });
    expect(keyAction({ key: 'd' })).toEqual({ type: 'decide', decision: 'different' });
    expect(keyAction({ key: 'u' })).toEqual({ type: 'decide', decision: 'unsure' });
    expect(keyAction({ key: 'n' })).toEqual({ type: 'note' });
    expect(keyAction({ key: 'z' })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'x' })).toBeNull();
    expect(keyAction({ key: 's', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'z', metaKey: true })).toBeNull();
    expect(keyAction({ key: 's', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(keyAction({ key: 'j', target: { tagName: 'SELECT' } })).toBeNull();
    expect(keyAction({ key: 'j', target: { tagName: 'DIV' } })).toEqual({ type: 'move', delta: 1 });
  });

  it('splits a linkage id into collection and record', () => {
    expect(collectionOf('linkage-list-lt/p1')).toBe('linkage-list-lt');
    expect(recordOf('linkage-list-lt/p/1')).toBe('p/1');
  });
});
