/**
 * Record linkage data shapes: the records linkage reads, the candidate pairs it proposes with their
 * field-by-field explanation, and the user's decisions about them. Pure data, no behaviour, so the UI,
 * a worker, the CLI and storage can all share them. The model is described in docs/linkage.md.
 */
import type { PersonFields } from '../collection/person';

/** A person record as linkage sees it: a stable id, the collection it belongs to, its typed fields. */
export interface LinkRecord {
  /** Stable across re-imports: `<collection>/<record id>` for records loaded from collections. */
  id: string;
  collection: string;
  person: PersonFields;
  /** The record's display title, used for the name when the person fields carry none. */
  title?: string;
}

/** The fields linkage compares, in the order an explanation lists them. */
export const LINK_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'sex',
  'birthDate',
  'birthPlace',
  'residence',
  'caseNumber',
  'family',
  'destination',
  'operationDate',
] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

/** How one field of a pair compared, as a reader would say it. */
export type Outcome = 'agree' | 'partial' | 'disagree' | 'missing';

/** One field's part in a candidate's score. */
export interface FieldExplanation {
  field: LinkField;
  /** The comparison level (`exact`, `equivalent`, `within-1`…), see docs/linkage.md. */
  level: string;
  outcome: Outcome;
  /** The values compared, as written in the two records (absent when a record lacks the field). */
  a?: string;
  b?: string;
  /** log2(m/u) of the level, in bits; 0 when a value is missing. */
  weight: number;
  /**
   * `family` only: the record ids of the other family members who matched, a's family member first
   * (see docs/linkage.md, "Shared family members").
   */
  members?: { a: string; b: string }[];
}

/** A scored candidate pair: `a` and `b` are record ids, `a` < `b`. */
export interface Candidate {
  a: string;
  b: string;
  /** Sum of the field weights, in bits, less `householdCapped`. */
  score: number;
  fields: FieldExplanation[];
  /**
   * Bits the household fields (places, case number, family, operation) agreed for beyond what they may add
   * together (see docs/linkage.md), taken off the sum; absent when under the cap.
   */
  householdCapped?: number;
}

export const DECISIONS = ['same', 'different', 'unsure'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** A user's decision about a pair: a non-destructive same-as (or not-same-as) link, never a merge. */
export interface Decision {
  a: string;
  b: string;
  decision: DecisionKind;
  /** The candidate's score when the decision was made; null when the pair was linked by hand. */
  score: number | null;
  note: string;
  /** ISO 8601 times. */
  created: string;
  updated: string;
}

/** Which pairs a run considers. */
export type LinkScope = 'across' | 'within' | 'all';
