import { describe, expect, it } from 'vitest';
import { latestDecisions, linkGroups } from '@shared/linkage/groups';
import type { Decision, DecisionKind } from '@shared/linkage/types';

const decision = (a: string, b: string, kind: DecisionKind, updated = '2026-01-01T00:00:00Z'): Decision => ({
  a,
  b,
  decision: kind,
  score: 20,
  note: '',
  created: '2026-01-01T00:00:00Z',
  updated,
});

describe('transitive groups', () => {
  it('joins A = B and B = C into one person with every source', () => {
    const groups = linkGroups([
      decision('a', 'b', 'same'),
      decision('b', 'c', 'same'),
      decision('x', 'y', 'same'),
    ]);
    expect(groups.map((g) => g.members)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
    expect(groups[0]?.links).toHaveLength(2);
    expect(groups[0]?.contradictions).toEqual([]);
  });

  it('flags A ≠ C inside a group instead of hiding it', () => {
    const different = decision('c', 'a', 'different');
    const groups = linkGroups([decision('a', 'b', 'same'), decision('b', 'c', 'same'), different]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.contradictions).toEqual([different]);
  });

  it('ignores "not sure" and "different" between groups, and lets the latest decision of a pair count', () => {
    const groups = linkGroups([
      decision('a', 'b', 'unsure'),
      decision('a', 'c', 'different'),
      decision('d', 'e', 'same', '2026-01-01T00:00:00Z'),
      decision('e', 'd', 'different', '2026-02-01T00:00:00Z'),
    ]);
    expect(groups).toEqual([]);
    expect(
      latestDecisions([
        decision('d', 'e', 'same', '2026-03-01'),
        decision('e', 'd', 'different', '2026-02-01'),
      ]),
    ).toHaveLength(1);
  });
});
