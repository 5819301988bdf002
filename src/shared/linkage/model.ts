/**
 * Fellegi–Sunter weights. For every field and level k: m_k = P(level k | same person) (documented
 * defaults, levels.ts) and u_k = P(level k | different people), estimated from the data by comparing
 * random pairs of the records being linked. A level adds log2(m_k / u_k) bits; for a field with one
 * agreement level this is log2(m/u) on agreement and log2((1−m)/(1−u)) on disagreement. Exact agreement
 * on a surname or given name uses the value's own frequency as u (agreeing on a rare name says more
 * than agreeing on a common one). A missing value adds 0. See docs/linkage.md.
 */
import { FIELD_INDEX, MISSING, comparePair } from './compare';
import { FIELD_LEVELS, PRIOR_PAIRS } from './levels';
import type { PreparedRecord } from './prepare';
import { LINK_FIELDS, type LinkField, type LinkScope } from './types';
import { seededRandom } from '../random';

export interface FieldModel {
  m: number[];
  u: number[];
  /** log2(m/u) per level, in bits. */
  weights: number[];
  /** Random pairs in which both records had the field (the sample u was estimated from). */
  sampled: number;
}

export interface LinkageModel {
  fields: Record<LinkField, FieldModel>;
  /** Share of records with each folded surname / given name, for value-specific exact-agreement u. */
  surnameShare: Map<string, number>;
  givenNameShare: Map<string, number>;
  /** Random pairs compared to estimate u. */
  sampledPairs: number;
}

/** Random pairs compared to estimate u: enough for shares down to about 1 in 10,000. */
export const DEFAULT_U_SAMPLE = 40_000;

export const weightOf = (m: number, u: number): number => Math.log2(m / u);

/** Shares of values, blended like u with the prior share of an exact agreement (`prior`). */
function shares(
  records: readonly PreparedRecord[],
  pick: (r: PreparedRecord) => string | undefined,
  prior: number,
) {
  const counts = new Map<string, number>();
  let total = 0;
  for (const record of records) {
    const value = pick(record);
    if (value === undefined) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    total += 1;
  }
  const result = new Map<string, number>();
  for (const [value, count] of counts)
    result.set(value, (count + PRIOR_PAIRS * prior) / (total + PRIOR_PAIRS));
  return result;
}

/** A random pair allowed by the scope; undefined when the records allow none. */
function randomPair(
  records: readonly PreparedRecord[],
  scope: LinkScope,
  random: () => number,
): [PreparedRecord, PreparedRecord] | undefined {
  for (let attempt = 0; attempt < 50; attempt++) {
    const a = records[Math.floor(random() * records.length)];
    const b = records[Math.floor(random() * records.length)];
    if (!a || !b || a === b) continue;
    const same = a.collection === b.collection;
    if ((scope === 'across' && same) || (scope === 'within' && !same)) continue;
    return [a, b];
  }
  return undefined;
}

/** Every allowed pair, when there are no more than `limit` of them (small sets are counted exactly). */
function allPairs(records: readonly PreparedRecord[], scope: LinkScope, limit: number) {
  const pairs: [PreparedRecord, PreparedRecord][] = [];
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i] as PreparedRecord;
      const b = records[j] as PreparedRecord;
      const same = a.collection === b.collection;
      if ((scope === 'across' && same) || (scope === 'within' && !same)) continue;
      pairs.push([a, b]);
      if (pairs.length > limit) return undefined;
    }
  }
  return pairs;
}

/**
 * Estimate u for every level from random pairs (every pair, for small sets), blended with the prior u
 * of levels.ts as PRIOR_PAIRS pseudo-pairs, so a level never seen among random pairs gets a small u
 * rather than zero and a handful of records cannot produce wild weights. Birth levels are counted
 * among pairs not ruled out, since weights only ever apply to those.
 */
export function estimateModel(
  records: readonly PreparedRecord[],
  options: {
    scope?: LinkScope;
    sample?: number;
    seed?: number;
    m?: Partial<Record<LinkField, number[]>>;
  } = {},
): LinkageModel {
  const random = seededRandom(options.seed ?? 15);
  const counts = LINK_FIELDS.map((field) => new Array<number>(FIELD_LEVELS[field].length).fill(0));
  const levels = new Int8Array(LINK_FIELDS.length);
  const sample = options.sample ?? DEFAULT_U_SAMPLE;
  let sampledPairs = 0;
  const scope = options.scope ?? 'all';
  const small =
    records.length * (records.length - 1) <= 2 * sample ? allPairs(records, scope, sample) : undefined;
  for (let n = 0; n < (small?.length ?? sample); n++) {
    const pair = small ? small[n] : randomPair(records, scope, random);
    if (!pair) break;
    sampledPairs += 1;
    const allowed = comparePair(pair[0], pair[1], levels);
    for (let f = 0; f < LINK_FIELDS.length; f++) {
      const level = levels[f] ?? MISSING;
      if (level === MISSING) continue;
      if (!allowed && f !== FIELD_INDEX.birthDate) continue;
      const fieldCounts = counts[f];
      if (fieldCounts) fieldCounts[level] = (fieldCounts[level] ?? 0) + 1;
    }
  }
  const fields = {} as Record<LinkField, FieldModel>;
  LINK_FIELDS.forEach((field, f) => {
    const definitions = FIELD_LEVELS[field];
    const fieldCounts = counts[f] ?? [];
    const seen = fieldCounts.reduce((sum, c) => sum + c, 0);
    const m = options.m?.[field] ?? definitions.map((definition) => definition.m);
    const u = definitions.map(
      (definition, k) => ((fieldCounts[k] ?? 0) + PRIOR_PAIRS * definition.u) / (seen + PRIOR_PAIRS),
    );
    const weights = m.map((mk, k) => (definitions[k]?.neutral ? 0 : weightOf(mk, u[k] ?? 1)));
    fields[field] = { m, u, weights, sampled: seen };
  });
  return {
    fields,
    surnameShare: shares(records, (r) => r.surname?.folded, FIELD_LEVELS.surname[0]?.u ?? 0),
    givenNameShare: shares(records, (r) => r.givenName?.folded, FIELD_LEVELS.givenName[0]?.u ?? 0),
    sampledPairs,
  };
}

/** The weight a field's level adds for this pair (value-specific for exact name agreement). */
export function levelWeight(model: LinkageModel, field: LinkField, level: number, a: PreparedRecord): number {
  if (level === MISSING) return 0;
  const fieldModel = model.fields[field];
  if (level === 0 && (field === 'surname' || field === 'givenName')) {
    const value = field === 'surname' ? a.surname?.folded : a.givenName?.folded;
    const share =
      value === undefined
        ? undefined
        : (field === 'surname' ? model.surnameShare : model.givenNameShare).get(value);
    // The floor keeps a value seen once in a small test set from weighing without bound.
    if (share !== undefined) return weightOf(fieldModel.m[0] ?? 1, Math.max(share, 1e-6));
  }
  return fieldModel.weights[level] ?? 0;
}

/**
 * Fields a whole family shares (deportees were listed by household): agreeing on them says "same
 * household", not "same person", so together they add at most this many bits. Without the cap a
 * father and son in two lists outscore a person whose lists disagree on the village.
 */
export const HOUSEHOLD_FIELDS: readonly LinkField[] = [
  'birthPlace',
  'residence',
  'caseNumber',
  'family',
  'destination',
  'operationDate',
];
export const HOUSEHOLD_CAP = 10;
const HOUSEHOLD = new Set(HOUSEHOLD_FIELDS.map((field) => LINK_FIELDS.indexOf(field)));

/** Total weight of a compared pair, in bits (`a` is either record: exact agreement means one value). */
export function totalWeight(model: LinkageModel, levels: Int8Array, a: PreparedRecord): number {
  let total = 0;
  let household = 0;
  for (let f = 0; f < LINK_FIELDS.length; f++) {
    const level = levels[f] ?? MISSING;
    if (level === MISSING) continue;
    const weight = levelWeight(model, LINK_FIELDS[f] as LinkField, level, a);
    if (HOUSEHOLD.has(f) && weight > 0) household += weight;
    else total += weight;
  }
  return total + Math.min(household, HOUSEHOLD_CAP);
}

/** The positive household weight of a compared pair before the cap (how much room the cap leaves). */
export function householdWeight(model: LinkageModel, levels: Int8Array, a: PreparedRecord): number {
  let household = 0;
  for (const f of HOUSEHOLD) {
    const level = levels[f] ?? MISSING;
    if (level === MISSING) continue;
    const weight = levelWeight(model, LINK_FIELDS[f] as LinkField, level, a);
    if (weight > 0) household += weight;
  }
  return household;
}

/**
 * A score with one more household field's weight added: a positive weight only fills what the cap
 * leaves (`household` is the positive household weight already in `score`), a negative one counts in
 * full.
 */
export function withHouseholdWeight(score: number, household: number, weight: number): number {
  if (weight <= 0) return score + weight;
  return score - Math.min(household, HOUSEHOLD_CAP) + Math.min(household + weight, HOUSEHOLD_CAP);
}
