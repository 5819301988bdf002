import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_CAP, estimateModel, totalWeight, weightOf } from '@shared/linkage/model';
import { FIELD_INDEX, comparePair } from '@shared/linkage/compare';
import { FIELD_LEVELS, PRIOR_PAIRS } from '@shared/linkage/levels';
import { LINK_FIELDS } from '@shared/linkage/types';
import { defined, prepare, record, year } from './helpers';

const SURNAMES = ['Adomaitis', 'Butkus', 'Čepulis', 'Dambrauskas', 'Gudaitis', 'Kairys', 'Mockus', 'Rimkus'];
// Invented people: eight surnames, two lists.
const people = prepare(
  Array.from({ length: 80 }, (_, n) =>
    record(String(n), n % 2 ? 'a' : 'b', {
      surname: SURNAMES[n % SURNAMES.length],
      givenName: n % 3 ? 'Jonas' : 'Ona',
      birthDate: year(1890 + (n % 20)),
      caseNumber: String(n),
    }),
  ),
);

describe('Fellegi–Sunter weights', () => {
  it('agreement adds log2(m/u), disagreement log2((1−m)/(1−u)) for a two-level field', () => {
    const model = estimateModel(people, { scope: 'across' });
    const caseNumber = model.fields.caseNumber;
    const [m, u] = [defined(caseNumber.m[0]), defined(caseNumber.u[0])];
    expect(caseNumber.weights[0]).toBeCloseTo(Math.log2(m / u), 10);
    expect(caseNumber.weights[1]).toBeCloseTo(Math.log2((1 - m) / (1 - u)), 10);
    expect(weightOf(0.9, 0.1)).toBeCloseTo(Math.log2(9), 10);
  });

  it('estimates u from the pairs of the data, blended with the prior', () => {
    const model = estimateModel(people, { scope: 'across' });
    // 40 × 40 pairs across the lists: all counted exactly, since there are fewer than the sample.
    expect(model.sampledPairs).toBe(1600);
    // Every case number is distinct: u(same) is only the prior's share, over the pairs not ruled out.
    const prior = defined(FIELD_LEVELS.caseNumber[0]).u;
    const seen = model.fields.caseNumber.sampled;
    expect(seen).toBeGreaterThan(100);
    expect(seen).toBeLessThan(1600);
    expect(model.fields.caseNumber.u[0]).toBeCloseTo((0 + PRIOR_PAIRS * prior) / (seen + PRIOR_PAIRS), 10);
    for (const field of LINK_FIELDS) {
      const sum = model.fields[field].u.reduce((s, x) => s + x, 0);
      expect(sum).toBeCloseTo(1, 10);
    }
  });

  it('weighs agreeing on a rare surname above agreeing on a common one', () => {
    const extra = prepare([
      ...people.map((p) => record(p.id, p.collection, { surname: defined(p.surname).text })),
      record('rare-a', 'a', { surname: 'Zizminskas' }),
      record('rare-b', 'b', { surname: 'Zizminskas' }),
    ]);
    const model = estimateModel(extra, { scope: 'across' });
    const levels = new Int8Array(LINK_FIELDS.length);
    const common = extra.filter((p) => p.surname?.text === 'Butkus');
    comparePair(defined(common[0]), defined(common[1]), levels);
    const commonWeight = totalWeight(model, levels, defined(common[0]));
    comparePair(defined(extra.at(-2)), defined(extra.at(-1)), levels);
    expect(levels[FIELD_INDEX.surname]).toBe(0);
    expect(totalWeight(model, levels, defined(extra.at(-2)))).toBeGreaterThan(commonWeight + 2);
  });

  it('caps what the household fields add together', () => {
    const [a, b] = prepare([
      record('1', 'a', {
        birthPlace: 'Kaunas',
        residence: 'Gudeliai',
        caseNumber: '77',
        destination: 'Tomsk',
        deportationDate: year('1949-03-25'),
      }),
      record('1', 'b', {
        birthPlace: 'Ковно',
        residence: 'Гуделяй',
        caseNumber: '№ 77',
        destination: 'Томская область',
        deportationDate: year('1949-03-25'),
      }),
    ]);
    const model = estimateModel(people, { scope: 'across' });
    const levels = new Int8Array(LINK_FIELDS.length);
    comparePair(defined(a), defined(b), levels);
    expect(totalWeight(model, levels, defined(a))).toBeCloseTo(HOUSEHOLD_CAP, 10);
  });
});
