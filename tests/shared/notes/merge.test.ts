import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decisionsToWrite,
  notesToWrite,
  planDecisionsImport,
  planImport,
  summariseDecisionsPlan,
  summarisePlan,
} from '@shared/notes/merge';
import type { Note } from '@shared/notes/model';
import { must, notesArbitrary, sampleNote } from './arbitraries';
import { sampleDecision } from './decision-arbitraries';

const map = (notes: Note[]) => new Map(notes.map((note) => [note.id, note]));

describe('import planning (merge by id, newer updatedAt wins)', () => {
  it('sorts incoming notes into added, updated, conflicting and unchanged', () => {
    const same = sampleNote({ id: 'same' });
    const older = sampleNote({ id: 'older', body: 'old', updatedAt: '2026-11-28T18:05:00.000Z' });
    const newer = sampleNote({
      id: 'newer',
      body: 'mine, edited later',
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
    const plan = planImport(map([same, older, newer]), [
      same,
      { ...older, body: 'from backup', updatedAt: '2026-11-29T10:00:00.000Z' },
      { ...newer, body: 'from backup', updatedAt: '2026-11-30T10:00:00.000Z' },
      sampleNote({ id: 'fresh' }),
    ]);
    expect(summarisePlan(plan)).toEqual({ added: 1, updated: 1, conflicts: 1, unchanged: 1 });
    expect(notesToWrite(plan).map((note) => [note.id, note.body])).toEqual([
      ['fresh', sampleNote().body],
      ['older', 'from backup'],
    ]);
  });

  it('keeps the copy here on a tie with different content', () => {
    const mine = sampleNote({ body: 'mine' });
    const plan = planImport(map([mine]), [{ ...mine, body: 'theirs' }]);
    expect(summarisePlan(plan)).toEqual({ added: 0, updated: 0, conflicts: 1, unchanged: 0 });
    expect(notesToWrite(plan)).toEqual([]);
  });

  it('never loses a note: after merging, every id of both sides is present with its newest copy (property)', () => {
    fc.assert(
      fc.property(notesArbitrary, notesArbitrary, (here, incoming) => {
        const current = map(here);
        const merged = new Map(current);
        for (const note of notesToWrite(planImport(current, incoming))) merged.set(note.id, note);
        for (const note of [...here, ...incoming]) {
          const kept = merged.get(note.id);
          expect(must(kept).updatedAt >= note.updatedAt).toBe(true);
        }
      }),
    );
  });
});

describe('planning the decisions of a restore', () => {
  const here = sampleDecision({ decision: 'same', updated: '2026-12-02T00:00:00.000Z' });
  it('adds new pairs, keeps the later decision of a pair and counts what it replaced or kept', () => {
    const otherPair = sampleDecision({ a: 'a/1', b: 'b/1' });
    const laterThere = sampleDecision({
      a: 'c/1',
      b: 'd/1',
      decision: 'different',
      updated: '2026-12-05T00:00:00.000Z',
    });
    const earlierHere = sampleDecision({ a: 'c/1', b: 'd/1', decision: 'same' });
    const plan = planDecisionsImport(
      [here, earlierHere],
      [
        otherPair,
        laterThere,
        { ...here, decision: 'different', updated: '2026-12-01T12:00:00.000Z' },
        sampleDecision({ a: 'e/1', b: 'f/1' }),
      ],
    );
    expect(summariseDecisionsPlan(plan)).toEqual({ added: 2, replaced: 1, kept: 1, unchanged: 0 });
    expect(decisionsToWrite(plan)).toEqual([otherPair, sampleDecision({ a: 'e/1', b: 'f/1' }), laterThere]);
  });

  it('keeps the decision here on a tie, and counts identical ones as unchanged', () => {
    const plan = planDecisionsImport([here], [{ ...here, note: 'theirs' }]);
    expect(summariseDecisionsPlan(plan)).toEqual({ added: 0, replaced: 0, kept: 1, unchanged: 0 });
    expect(summariseDecisionsPlan(planDecisionsImport([here], [{ ...here }]))).toEqual({
      added: 0,
      replaced: 0,
      kept: 0,
      unchanged: 1,
    });
  });
});
