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
}

const level = (name: string, outcome: Outcome, m: number): LevelDefinition => ({ level: name, outcome, m });

export const FIELD_LEVELS: Readonly<Record<LinkField, readonly LevelDefinition[]>> = {
  surname: [
    level('exact', 'agree', 0.7),
    level('variant', 'agree', 0.15),
    level('similar', 'partial', 0.1),
    level('different', 'disagree', 0.05),
  ],
  givenName: [
    level('exact', 'agree', 0.68),
    level('equivalent', 'agree', 0.12),
    level('variant', 'agree', 0.08),
    level('similar', 'partial', 0.06),
    level('different', 'disagree', 0.06),
  ],
  patronymic: [
    level('same', 'agree', 0.85),
    level('similar', 'partial', 0.07),
    level('different', 'disagree', 0.08),
  ],
  sex: [level('same', 'agree', 0.97), level('different', 'disagree', 0.03)],
  birthDate: [
    level('same-day', 'agree', 0.45),
    level('same-year', 'agree', 0.3),
    level('within-1', 'partial', 0.17),
    level('within-2', 'partial', 0.08),
  ],
  birthPlace: [
    level('same', 'agree', 0.8),
    level('similar', 'partial', 0.08),
    level('different', 'disagree', 0.12),
  ],
  residence: [
    level('same', 'agree', 0.75),
    level('similar', 'partial', 0.08),
    level('different', 'disagree', 0.17),
  ],
  caseNumber: [level('same', 'agree', 0.8), level('different', 'disagree', 0.2)],
  destination: [
    level('same', 'agree', 0.8),
    level('similar', 'partial', 0.08),
    level('different', 'disagree', 0.12),
  ],
  operationDate: [
    level('same-day', 'agree', 0.75),
    level('within-month', 'partial', 0.15),
    level('different', 'disagree', 0.1),
  ],
};

/** Index of a level by name (tests and explanations). */
export const levelIndex = (field: LinkField, name: string): number =>
  FIELD_LEVELS[field].findIndex((definition) => definition.level === name);
