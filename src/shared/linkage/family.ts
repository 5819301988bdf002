/**
 * Shared family members: deportees were taken as families whose members share one case file, and the
 * lists name them together. When two records are a candidate pair, how many OTHER members of one's
 * family have a likely match (first-pass score at or above the threshold) among the other members of
 * the other's family is evidence that the two come from the same household. A family is the records of
 * one collection with one case number (letters and digits only); a record alone in its file, or without
 * a case number, has no family and the field is missing.
 *
 * This is household evidence, not person evidence (a father and his son share every family member but
 * themselves), so its positive weight counts inside the household cap (model.ts). "None" (both
 * families listed with others, none of them matched) is shown but adds nothing (levels.ts).
 */
import { FIELD_INDEX, MISSING } from './compare';
import { FIELD_LEVELS, PRIOR_PAIRS } from './levels';
import { weightOf, type FieldModel } from './model';
import type { PreparedRecord } from './prepare';
import type { LinkScope } from './types';
import { seededRandom } from '../random';

/** Level indices of the `family` field (levels.ts). */
export const FAMILY_TWO_OR_MORE = 0;
export const FAMILY_ONE = 1;
export const FAMILY_NONE = 2;

export interface Families {
  /** Family number of each record (by `index`), -1 when the record has no family of two or more. */
  of: Int32Array;
  /** Record indices of each family. */
  members: number[][];
}

/** Families of two or more records: the same collection and the same case number key. */
export function buildFamilies(records: readonly PreparedRecord[]): Families {
  const numbers = new Map<string, number>();
  const members: number[][] = [];
  const of = new Int32Array(records.length).fill(-1);
  for (const record of records) {
    if (!record.caseNumber) continue;
    const key = `${record.collection}\u0000${record.caseNumber.key}`;
    let family = numbers.get(key);
    if (family === undefined) {
      family = members.length;
      numbers.set(key, family);
      members.push([]);
    }
    members[family]?.push(record.index);
    of[record.index] = family;
  }
  for (const family of members) if (family.length < 2) for (const index of family) of[index] = -1;
  return { of, members };
}

/** Both records have a family of two or more, and not the same one (a duplicate within one file). */
export const bothInFamilies = (families: Families, a: number, b: number): boolean => {
  const fa = families.of[a] ?? -1;
  const fb = families.of[b] ?? -1;
  return fa >= 0 && fb >= 0 && fa !== fb;
};

/** Record index → indices of the records it is likely the same person as (first pass). */
export type LikelyMatches = Map<number, number[]>;

export function addLikely(likely: LikelyMatches, a: number, b: number): void {
  const add = (x: number, y: number) => {
    const list = likely.get(x);
    if (list) list.push(y);
    else likely.set(x, [y]);
  };
  add(a, b);
  add(b, a);
}

export interface FamilyComparison {
  level: number;
  /** Pairs of record indices [member of a's family, member of b's family] that matched. */
  matches: [number, number][];
}

/**
 * The family level of a pair: each other member of a's family counts once, for its first likely
 * match among the other members of b's family not already taken by another member (so one
 * member of b's family cannot be counted twice). MISSING when either record has no family.
 */
export function compareFamilies(
  families: Families,
  likely: LikelyMatches,
  a: number,
  b: number,
): FamilyComparison {
  if (!bothInFamilies(families, a, b)) return { level: MISSING, matches: [] };
  const fb = families.of[b];
  const taken = new Set<number>();
  const matches: [number, number][] = [];
  for (const x of families.members[families.of[a] ?? -1] ?? []) {
    if (x === a || x === b) continue;
    for (const y of likely.get(x) ?? []) {
      if (y === a || y === b || taken.has(y) || families.of[y] !== fb) continue;
      taken.add(y);
      matches.push([x, y]);
      break;
    }
  }
  const level = matches.length >= 2 ? FAMILY_TWO_OR_MORE : matches.length === 1 ? FAMILY_ONE : FAMILY_NONE;
  return { level, matches };
}

/**
 * u of the family levels, estimated like every other field's (model.ts): random pairs allowed by the
 * scope, counted among those where both records have a family, blended with the prior u as PRIOR_PAIRS
 * pseudo-pairs. It needs the first pass's likely matches, so it runs after it.
 */
export function estimateFamilyModel(
  records: readonly PreparedRecord[],
  families: Families,
  likely: LikelyMatches,
  options: { scope: LinkScope; sample: number; seed?: number; m?: readonly number[] },
): FieldModel {
  const definitions = FIELD_LEVELS.family;
  const counts = definitions.map(() => 0);
  const random = seededRandom(options.seed ?? 16);
  // Only records with a family can give a level; drawing among them keeps the sample useful.
  const pool = records.filter((record) => (families.of[record.index] ?? -1) >= 0);
  let seen = 0;
  for (let n = 0; pool.length > 1 && n < options.sample; n++) {
    const a = pool[Math.floor(random() * pool.length)] as PreparedRecord;
    const b = pool[Math.floor(random() * pool.length)] as PreparedRecord;
    const same = a.collection === b.collection;
    if ((options.scope === 'across' && same) || (options.scope === 'within' && !same)) continue;
    const { level } = compareFamilies(families, likely, a.index, b.index);
    if (level === MISSING) continue;
    counts[level] = (counts[level] ?? 0) + 1;
    seen += 1;
  }
  const m = options.m ?? definitions.map((definition) => definition.m);
  const u = definitions.map(
    (definition, k) => ((counts[k] ?? 0) + PRIOR_PAIRS * definition.u) / (seen + PRIOR_PAIRS),
  );
  return {
    m: [...m],
    u,
    weights: m.map((mk, k) => (definitions[k]?.neutral ? 0 : weightOf(mk, u[k] ?? 1))),
    sampled: seen,
  };
}

export const FAMILY_FIELD = FIELD_INDEX.family;
