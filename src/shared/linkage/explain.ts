/**
 * A candidate's explanation: for every field, the level reached, what a reader would call it (agree,
 * partial, disagree, missing), the two values as written and the bits the level added.
 */
import { MISSING } from './compare';
import { FIELD_LEVELS } from './levels';
import { HOUSEHOLD_CAP, HOUSEHOLD_FIELDS, levelWeight, type LinkageModel } from './model';
import type { PreparedRecord } from './prepare';
import { LINK_FIELDS, type Candidate, type FieldExplanation, type LinkField } from './types';

/** The value of a field as written in the record, for showing beside its level. */
export function writtenValue(record: PreparedRecord, field: LinkField): string | undefined {
  switch (field) {
    case 'birthDate':
      return record.birth?.text;
    case 'operationDate':
      return record.operation?.text;
    case 'sex':
      return record.sex?.text;
    case 'family':
      // Shown as the members who matched (candidateOf), not as a value of the record.
      return undefined;
    default:
      return record[field]?.text;
  }
}

const round = (bits: number): number => Math.round(bits * 100) / 100;

export function explain(
  model: LinkageModel,
  a: PreparedRecord,
  b: PreparedRecord,
  levels: Int8Array,
): FieldExplanation[] {
  return LINK_FIELDS.map((field, f) => {
    const level = levels[f] ?? MISSING;
    const definition = level === MISSING ? undefined : FIELD_LEVELS[field][level];
    const explanation: FieldExplanation = {
      field,
      level: definition?.level ?? 'missing',
      outcome: definition?.outcome ?? 'missing',
      weight: round(levelWeight(model, field, level, a)),
    };
    const aValue = writtenValue(a, field);
    const bValue = writtenValue(b, field);
    if (aValue !== undefined) explanation.a = aValue;
    if (bValue !== undefined) explanation.b = bValue;
    return explanation;
  });
}

/** A candidate with `a` < `b` by id; its score is the sum of the field weights shown, less the cap. */
/** A record's name as written, given name first, for listing family members. */
const nameOf = (record: PreparedRecord): string =>
  [record.givenName?.text, record.surname?.text].filter(Boolean).join(' ');

/** Family members who matched, each pair as [member of x's family, member of y's family]. */
export type FamilyMatches = readonly (readonly [PreparedRecord, PreparedRecord])[];

export function candidateOf(
  model: LinkageModel,
  x: PreparedRecord,
  y: PreparedRecord,
  levels: Int8Array,
  family: FamilyMatches = [],
): Candidate {
  const swapped = x.id >= y.id;
  const [a, b] = swapped ? [y, x] : [x, y];
  const fields = explain(model, a, b, levels);
  const familyField = fields.find((field) => field.field === 'family');
  if (familyField && family.length > 0) {
    const pairs = family.map(([p, q]): [PreparedRecord, PreparedRecord] => (swapped ? [q, p] : [p, q]));
    familyField.a = pairs.map(([p]) => nameOf(p)).join('; ');
    familyField.b = pairs.map(([, q]) => nameOf(q)).join('; ');
    familyField.members = pairs.map(([p, q]) => ({ a: p.id, b: q.id }));
  }
  let household = 0;
  for (const field of fields) {
    if (field.weight > 0 && HOUSEHOLD_FIELDS.includes(field.field)) household += field.weight;
  }
  const capped = round(Math.max(0, household - HOUSEHOLD_CAP));
  const score = round(fields.reduce((sum, field) => sum + field.weight, 0) - capped);
  const candidate: Candidate = { a: a.id, b: b.id, score, fields };
  if (capped > 0) candidate.householdCapped = capped;
  return candidate;
}
