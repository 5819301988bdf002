import { describe, expect, it } from 'vitest';
import { fingerprints, mergeCandidates, orphanedDecisions, planRescore } from '@shared/linkage/incremental';
import { runLinkage } from '@shared/linkage/run';
import type { Decision } from '@shared/linkage/types';
import { record, year } from './helpers';

// Invented people in two lists.
const before = [
  record('1', 'lt', { surname: 'Jankauskas', givenName: 'Jonas', birthDate: year(1900), caseNumber: '5' }),
  record('2', 'lt', { surname: 'Rimkus', givenName: 'Petras', birthDate: year(1910), caseNumber: '6' }),
  record('3', 'lt', { surname: 'Urbonas', givenName: 'Ona', birthDate: year(1920), caseNumber: '7' }),
  record('1', 'ru', { surname: 'Янкаускас', givenName: 'Иван', birthDate: year(1900), caseNumber: '5' }),
  record('2', 'ru', { surname: 'Римкус', givenName: 'Пётр', birthDate: year(1911), caseNumber: '6' }),
  record('3', 'ru', { surname: 'Урбонас', givenName: 'Анна', birthDate: year(1921), caseNumber: '7' }),
];

describe('incremental re-scoring', () => {
  it('re-scores only pairs with an added or changed record, and keeps the rest', async () => {
    const first = await runLinkage(before, { keepAbove: -100 });
    expect(first.candidates.map((c) => `${c.a} ~ ${c.b}`).sort()).toEqual([
      'lt/1 ~ ru/1',
      'lt/2 ~ ru/2',
      'lt/3 ~ ru/3',
    ]);

    // Re-import: Rimkus's birth year corrected, Urbonas gone, a new record added.
    const after = [
      ...before.filter((r) => r.id !== 'ru/3' && r.id !== 'ru/2'),
      record('2', 'ru', { surname: 'Римкус', givenName: 'Пётр', birthDate: year(1910), caseNumber: '6' }),
      record('4', 'ru', { surname: 'Урбонайте', givenName: 'Анна', birthDate: year(1920), caseNumber: '7' }),
    ];
    const plan = planRescore(fingerprints(before), after);
    expect(plan).toMatchObject({ added: ['ru/4'], changed: ['ru/2'], removed: ['ru/3'], unchanged: 4 });

    const again = await runLinkage(after, { keepAbove: -100, touching: plan.touching, model: first.model });
    // Only pairs touching ru/2 or ru/4 were compared.
    for (const c of again.candidates) expect([c.a, c.b].some((id) => plan.touching.has(id))).toBe(true);
    const merged = mergeCandidates(first.candidates, again.candidates, plan);
    const pairs = merged.map((c) => `${c.a} ~ ${c.b}`).sort();
    expect(pairs).toContain('lt/1 ~ ru/1');
    expect(pairs).toContain('lt/2 ~ ru/2');
    expect(pairs).toContain('lt/3 ~ ru/4');
    expect(pairs).not.toContain('lt/3 ~ ru/3');
    // The untouched pair keeps its score; the changed one now agrees on the birth year.
    const score = (list: typeof merged, pair: string) => list.find((c) => `${c.a} ~ ${c.b}` === pair)?.score;
    expect(score(merged, 'lt/1 ~ ru/1')).toBe(score(first.candidates, 'lt/1 ~ ru/1'));
    expect(score(merged, 'lt/2 ~ ru/2')).toBeGreaterThan(score(first.candidates, 'lt/2 ~ ru/2') ?? Infinity);
  });

  it('keeps decisions whose record has gone, and lists them', () => {
    const decision: Decision = {
      a: 'lt/3',
      b: 'ru/3',
      decision: 'same',
      score: 20,
      note: 'mine',
      created: '2026-01-01',
      updated: '2026-01-01',
    };
    expect(orphanedDecisions([decision], new Set(['lt/3', 'ru/4']))).toEqual([decision]);
    expect(orphanedDecisions([decision], new Set(['lt/3', 'ru/3']))).toEqual([]);
  });
});
