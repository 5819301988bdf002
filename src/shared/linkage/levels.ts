/**
 * The comparison levels of every field, in order from strongest agreement to disagreement, with the
 * reader's outcome of each and its default m probability: P(level | the two records are the same
 * person). The m values are documented constants (docs/linkage.md says how they were chosen); they are
 * not taken from any publication. A birth-year contradiction is not a level: it rules the pair out.
 */
import type { LinkField, Outcome } from './types';

export interface LevelDefinition {
  level: string;
  outcome: Outcome;
  /** Default P(level | match); the levels of a field sum to 1. */
  m: number;
  /**
   * Prior P(level | non-match), blended with the estimate from the data as PRIOR_PAIRS pseudo-pairs:
   * it decides only when the records are too few to say (a test fixture, a first small list).
   */
  u: number;
  /** Shown in the explanation but adds nothing (its absence of agreement is not evidence against). */
  neutral?: boolean;
}

const level = (name: string, outcome: Outcome, m: number, u: number, neutral = false): LevelDefinition => ({
  level: name,
  outcome,
  m,
  u,
  ...(neutral ? { neutral } : {}),
});

export const FIELD_LEVELS: Readonly<Record<LinkField, readonly LevelDefinition[]>> = {
  surname: [
    level('exact', 'agree', 0.7, 0.002),
    level('variant', 'agree', 0.15, 0.001),
    level('similar', 'partial', 0.1, 0.005),
    level('different', 'disagree', 0.05, 0.992),
  ],
  givenName: [
    level('exact', 'agree', 0.68, 0.03),
    level('equivalent', 'agree', 0.12, 0.01),
    level('variant', 'agree', 0.08, 0.005),
    level('similar', 'partial', 0.06, 0.01),
    level('different', 'disagree', 0.06, 0.945),
  ],
  patronymic: [
    level('same', 'agree', 0.85, 0.03),
    level('similar', 'partial', 0.07, 0.02),
    level('different', 'disagree', 0.08, 0.95),
  ],
  sex: [level('same', 'agree', 0.97, 0.5), level('different', 'disagree', 0.03, 0.5)],
  birthDate: [
    level('same-day', 'agree', 0.45, 0.001),
    level('same-year', 'agree', 0.3, 0.2),
    level('within-1', 'partial', 0.17, 0.4),
    level('within-2', 'partial', 0.08, 0.399),
  ],
  birthPlace: [
    level('same', 'agree', 0.8, 0.05),
    level('similar', 'partial', 0.08, 0.02),
    level('different', 'disagree', 0.12, 0.93),
  ],
  residence: [
    level('same', 'agree', 0.75, 0.01),
    level('similar', 'partial', 0.08, 0.01),
    level('different', 'disagree', 0.17, 0.98),
  ],
  caseNumber: [level('same', 'agree', 0.8, 0.001), level('different', 'disagree', 0.2, 0.999)],
  // Other members of the two families who match each other (family.ts); compared only when both
  // records have a family of two or more in their list.
  family: [
    level('two-or-more', 'agree', 0.6, 0.0005),
    level('one', 'agree', 0.25, 0.002),
    // Neutral: a member not found again may be missing from a list, or score just below the
    // threshold in a small or sparse list; counting that against the pair punished true pairs.
    level('none', 'disagree', 0.15, 0.9975, true),
  ],
  destination: [
    level('same', 'agree', 0.8, 0.1),
    level('similar', 'partial', 0.08, 0.05),
    level('different', 'disagree', 0.12, 0.85),
  ],
  operationDate: [
    level('same-day', 'agree', 0.75, 0.05),
    level('within-month', 'partial', 0.15, 0.1),
    level('different', 'disagree', 0.1, 0.85),
  ],
};

/** Weight of the prior u against the random pairs actually compared (see LevelDefinition.u). */
export const PRIOR_PAIRS = 100;

/** Index of a level by name (tests and explanations). */
export const levelIndex = (field: LinkField, name: string): number =>
  FIELD_LEVELS[field].findIndex((definition) => definition.level === name);
