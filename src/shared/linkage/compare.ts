/**
 * Field-by-field comparison of two prepared records. Each field gets the index of its level in
 * FIELD_LEVELS (levels.ts), or MISSING when either record lacks it. Two birth dates more than two years
 * apart (with every alternative reading the registry gave) are a contradiction: the pair is ruled out.
 */
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { NameFeature, PlaceFeature, PreparedRecord, YearsFeature } from './prepare';
import { LINK_FIELDS, type LinkField } from './types';

export const MISSING = -1;

/** Jaro–Winkler similarity of skeletons at or above which two names are "similar" (one typo or so). */
export const NAME_SIMILARITY = 0.88;
/** Largest difference of birth years that is still not a contradiction. */
export const MAX_BIRTH_YEAR_GAP = 2;
/** Days between two deportation dates that still count as the same operation. */
export const SAME_OPERATION_DAYS = 31;

export const FIELD_INDEX: Readonly<Record<LinkField, number>> = Object.fromEntries(
  LINK_FIELDS.map((field, i) => [field, i]),
) as Record<LinkField, number>;

const intersects = (a: readonly string[], b: readonly string[]): boolean => {
  for (const x of a) if (b.includes(x)) return true;
  return false;
};

/** surname: exact · variant · similar · different. */
export function compareSurname(a: NameFeature, b: NameFeature): number {
  if (a.folded === b.folded) return 0;
  if (a.skeleton === b.skeleton) return 1;
  return jaroWinkler(a.skeleton, b.skeleton) >= NAME_SIMILARITY ? 2 : 3;
}

/** givenName: exact · equivalent · variant · similar · different. */
export function compareGivenName(a: NameFeature, b: NameFeature): number {
  if (a.folded === b.folded) return 0;
  if (intersects(a.groups, b.groups)) return 1;
  if (a.skeleton === b.skeleton) return 2;
  return jaroWinkler(a.skeleton, b.skeleton) >= NAME_SIMILARITY ? 3 : 4;
}

/** patronymic: same · similar · different. */
export function comparePatronymic(a: NameFeature, b: NameFeature): number {
  if (a.folded === b.folded || a.skeleton === b.skeleton || intersects(a.groups, b.groups)) return 0;
  return jaroWinkler(a.skeleton, b.skeleton) >= NAME_SIMILARITY ? 1 : 2;
}

/** Smallest distance in years between any reading of one cell and any reading of the other. */
export function birthYearGap(a: YearsFeature, b: YearsFeature): number {
  let gap = Infinity;
  for (const [aFrom, aTo] of a.ranges) {
    for (const [bFrom, bTo] of b.ranges) {
      gap = Math.min(gap, Math.max(0, bFrom - aTo, aFrom - bTo));
    }
  }
  return gap;
}

/** birthDate: same-day · same-year · within-1 · within-2; null = contradiction (ruled out). */
export function compareBirth(a: YearsFeature, b: YearsFeature): number | null {
  if (a.day !== undefined && a.day === b.day) return 0;
  const gap = birthYearGap(a, b);
  if (gap > MAX_BIRTH_YEAR_GAP) return null;
  return gap + 1;
}

/**
 * places: same (a word, its spelling skeleton or a gazetteer place in common) · similar (the first four
 * letters of a skeleton in common, which is how inflected forms meet) · different.
 */
export function comparePlace(a: PlaceFeature, b: PlaceFeature): number {
  if (intersects(a.skeletons, b.skeletons) || intersects(a.groups, b.groups)) return 0;
  return intersects(a.stems, b.stems) ? 1 : 2;
}

/**
 * Compare every field of `a` and `b` into `out` (one level index per LINK_FIELDS entry, MISSING when a
 * side lacks the field). Returns false when the pair is ruled out by a contradiction.
 */
export function comparePair(a: PreparedRecord, b: PreparedRecord, out: Int8Array): boolean {
  out.fill(MISSING);
  if (a.birth && b.birth) {
    const birth = compareBirth(a.birth, b.birth);
    if (birth === null) return false;
    out[FIELD_INDEX.birthDate] = birth;
  }
  if (a.surname && b.surname) out[FIELD_INDEX.surname] = compareSurname(a.surname, b.surname);
  if (a.givenName && b.givenName) out[FIELD_INDEX.givenName] = compareGivenName(a.givenName, b.givenName);
  if (a.patronymic && b.patronymic)
    out[FIELD_INDEX.patronymic] = comparePatronymic(a.patronymic, b.patronymic);
  if (a.sex && b.sex) out[FIELD_INDEX.sex] = a.sex.value === b.sex.value ? 0 : 1;
  if (a.birthPlace && b.birthPlace) out[FIELD_INDEX.birthPlace] = comparePlace(a.birthPlace, b.birthPlace);
  if (a.residence && b.residence) out[FIELD_INDEX.residence] = comparePlace(a.residence, b.residence);
  if (a.caseNumber && b.caseNumber)
    out[FIELD_INDEX.caseNumber] = a.caseNumber.key === b.caseNumber.key ? 0 : 1;
  if (a.destination && b.destination)
    out[FIELD_INDEX.destination] = comparePlace(a.destination, b.destination);
  if (a.operation && b.operation) {
    const gap = Math.max(0, b.operation.from - a.operation.to, a.operation.from - b.operation.to);
    out[FIELD_INDEX.operationDate] = gap === 0 ? 0 : gap <= SAME_OPERATION_DAYS ? 1 : 2;
  }
  return true;
}
