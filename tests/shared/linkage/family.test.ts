import { describe, expect, it } from 'vitest';
import { MISSING } from '@shared/linkage/compare';
import {
  FAMILY_NONE,
  FAMILY_ONE,
  FAMILY_TWO_OR_MORE,
  addLikely,
  buildFamilies,
  compareFamilies,
  type LikelyMatches,
} from '@shared/linkage/family';
import { HOUSEHOLD_CAP, HOUSEHOLD_FIELDS } from '@shared/linkage/model';
import { runLinkage } from '@shared/linkage/run';
import type { Candidate, LinkRecord } from '@shared/linkage/types';
import { defined, prepare, record, year } from './helpers';

// Invented people only. The two lists number their case files differently, as two archives would.
const lt = (id: string, surname: string, givenName: string, born: number, caseNumber: string) =>
  record(id, 'lt', { surname, givenName, birthDate: year(born), caseNumber });
const ru = (id: string, surname: string, givenName: string, born: number, caseNumber: string) =>
  record(id, 'ru', { surname, givenName, birthDate: year(born), caseNumber });

const family: LinkRecord[] = [
  lt('father', 'Kazlauskas', 'Jonas', 1890, '100'),
  lt('mother', 'Kazlauskienė', 'Ona', 1893, '100'),
  lt('son', 'Kazlauskas', 'Petras', 1920, '100'),
  ru('father', 'Казлаускас', 'Иван', 1890, '5501'),
  ru('mother', 'Казлаускене', 'Анна', 1893, '5501'),
  ru('son', 'Казлаускас', 'Пётр', 1920, '5501'),
  // A near-namesake of the father in another family, with a wife nobody else matches.
  ru('namesake', 'Казлаускас', 'Иван', 1891, '7302'),
  ru('namesake-wife', 'Казлаускене', 'Мария', 1899, '7302'),
];

// Other people, so that the surnames of the family are not the whole list.
const syllables = ['ba', 'ru', 'mi', 'to', 'se', 'vi', 'la', 'no'];
const others: LinkRecord[] = syllables.flatMap((first, i) =>
  syllables.map((second, j) =>
    record(`o${i}${j}`, i % 2 ? 'lt' : 'ru', {
      surname: `${first}${second}kus`,
      givenName: j % 2 ? 'Antanas' : 'Elena',
      birthDate: year(1880 + i * 5 + j),
      caseNumber: String(9000 + i * 8 + j),
    }),
  ),
);

// A handful of records gives small weights (the value shares are large): a low bar for "likely" lets
// the test's family members count, as the default threshold does for lists of thousands.
const options = { keepAbove: -100, familyThreshold: 0 };

const pair = (candidates: readonly Candidate[], a: string, b: string) =>
  defined(candidates.find((candidate) => candidate.a === a && candidate.b === b));
const familyField = (candidate: Candidate) => defined(candidate.fields.find((f) => f.field === 'family'));

describe('shared family members', () => {
  it('groups a collection by case number, a record alone in its file having no family', () => {
    const records = prepare([...family, lt('alone', 'Rimkus', 'Jonas', 1900, '101')]);
    const families = buildFamilies(records);
    expect(families.of[0]).toBe(families.of[1]);
    expect(families.of[0]).not.toBe(families.of[3]);
    expect(families.of[8]).toBe(-1);
  });

  it('counts each other member of the family once, never the pair itself', () => {
    const families = buildFamilies(prepare(family));
    const likely: LikelyMatches = new Map();
    // father ~ father, mother ~ mother, son ~ son (indices in `family`).
    addLikely(likely, 0, 3);
    addLikely(likely, 1, 4);
    addLikely(likely, 2, 5);
    expect(compareFamilies(families, likely, 0, 3)).toEqual({
      level: FAMILY_TWO_OR_MORE,
      matches: [
        [1, 4],
        [2, 5],
      ],
    });
    expect(compareFamilies(families, likely, 0, 6).level).toBe(FAMILY_NONE);
    // Father and son of one family with father and son of the other: only the mother is "other".
    expect(compareFamilies(families, likely, 0, 5)).toEqual({ level: FAMILY_ONE, matches: [[1, 4]] });
    // Two records of one family are not evidence about two lists.
    expect(compareFamilies(families, likely, 0, 1).level).toBe(MISSING);
  });

  it('raises a pair whose family members match, and lists them in the explanation', async () => {
    const result = await runLinkage([...family, ...others], options);
    const fathers = pair(result.candidates, 'lt/father', 'ru/father');
    expect(familyField(fathers)).toMatchObject({
      level: 'two-or-more',
      outcome: 'agree',
      a: 'Ona Kazlauskienė; Petras Kazlauskas',
      b: 'Анна Казлаускене; Пётр Казлаускас',
      members: [
        { a: 'lt/mother', b: 'ru/mother' },
        { a: 'lt/son', b: 'ru/son' },
      ],
    });
    expect(familyField(fathers).weight).toBeGreaterThan(0);
    const sum = fathers.fields.reduce((s, f) => s + f.weight, 0) - (fathers.householdCapped ?? 0);
    expect(fathers.score).toBeCloseTo(sum, 5);

    // The near-namesake's family shares nobody with the father's: shown, and nothing gained.
    const namesake = pair(result.candidates, 'lt/father', 'ru/namesake');
    expect(familyField(namesake)).toMatchObject({ level: 'none', outcome: 'disagree', weight: 0 });
    expect(familyField(namesake).members).toBeUndefined();
    expect(fathers.score).toBeGreaterThan(namesake.score);
    const u = result.model.fields.family.u;
    expect(u.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
  });

  it('scores the same pair lower when the rest of the family is not in the lists', async () => {
    const withFamily = await runLinkage([...family, ...others], options);
    const alone = await runLinkage([...family.filter((r) => !r.id.endsWith('son')), ...others], {
      ...options,
      model: withFamily.model,
    });
    const before = pair(alone.candidates, 'lt/father', 'ru/father');
    const after = pair(withFamily.candidates, 'lt/father', 'ru/father');
    expect(familyField(before).level).toBe('one');
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('keeps the family inside the household cap', async () => {
    // Both lists now also agree on the case file and the places: household evidence well over the cap.
    const places = { birthPlace: 'Raseiniai', residence: 'Girkalnis', destination: 'Altajaus kraštas' };
    const withPlaces = [...family, ...others].map((r) =>
      ['lt/father', 'lt/mother', 'lt/son', 'ru/father', 'ru/mother', 'ru/son'].includes(r.id)
        ? { ...r, person: { ...r.person, ...places, caseNumber: '100' } }
        : r,
    );
    const result = await runLinkage(withPlaces, options);
    const fathers = pair(result.candidates, 'lt/father', 'ru/father');
    expect(familyField(fathers).level).toBe('two-or-more');
    const household = fathers.fields
      .filter((f) => HOUSEHOLD_FIELDS.includes(f.field) && f.weight > 0)
      .reduce((s, f) => s + f.weight, 0);
    expect(household).toBeGreaterThan(HOUSEHOLD_CAP);
    expect(fathers.householdCapped).toBeCloseTo(household - HOUSEHOLD_CAP, 1);
    const sum = fathers.fields.reduce((s, f) => s + f.weight, 0) - (fathers.householdCapped ?? 0);
    expect(fathers.score).toBeCloseTo(sum, 5);
  });
});
