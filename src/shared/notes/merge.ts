/**
 * Planning an import or restore: which notes of a backup are new, which replace an older copy here,
 * and which conflict with a copy here that is newer (or as new, but different). Merge rule: notes are
 * matched by id and the copy with the later `updatedAt` wins; on a tie the copy here is kept, so an
 * import never silently replaces what the user sees with something that is not newer.
 */
import type { Decision } from '../linkage/types';
import { sameNote, type Note } from './model';
import type { ItemsImportSummary } from '../photos/item-merge';

export interface ImportPlan {
  /** Ids not present here: will be added. */
  added: Note[];
  /** Present here, older than the backup's copy: the backup's copy will replace it. */
  updated: Array<{ current: Note; incoming: Note }>;
  /** Present here and different, but the copy here is newer or equally new: it is kept. */
  conflicts: Array<{ current: Note; incoming: Note }>;
  /** Identical here and in the backup. */
  unchanged: number;
}

export function planImport(current: ReadonlyMap<string, Note>, incoming: readonly Note[]): ImportPlan {
  const plan: ImportPlan = { added: [], updated: [], conflicts: [], unchanged: 0 };
  for (const note of incoming) {
    const mine = current.get(note.id);
    if (!mine) plan.added.push(note);
    else if (sameNote(mine, note)) plan.unchanged++;
    else if (note.updatedAt > mine.updatedAt) plan.updated.push({ current: mine, incoming: note });
    else plan.conflicts.push({ current: mine, incoming: note });
  }
  return plan;
}

/** The notes an import writes: added ones and the newer copies. Conflicts keep the copy here. */
export function notesToWrite(plan: ImportPlan): Note[] {
  return [...plan.added, ...plan.updated.map((entry) => entry.incoming)];
}

export interface ImportSummary {
  added: number;
  updated: number;
  conflicts: number;
  unchanged: number;
}

export function summarisePlan(plan: ImportPlan): ImportSummary {
  return {
    added: plan.added.length,
    updated: plan.updated.length,
    conflicts: plan.conflicts.length,
    unchanged: plan.unchanged,
  };
}

/**
 * Planning the linkage decisions of a backup: matched by pair (a < b in both), the later `updated`
 * wins as for notes, and on a tie the decision here is kept. A pair decided differently here and in
 * the backup is never resolved silently: the summary says how many decisions here were replaced by a
 * later one from the backup (`replaced`) and how many were kept against the backup's (`kept`).
 */
export interface DecisionsImportPlan {
  added: Decision[];
  replaced: Array<{ current: Decision; incoming: Decision }>;
  kept: Array<{ current: Decision; incoming: Decision }>;
  unchanged: number;
}

const decisionPair = (decision: Decision) => `${decision.a}\n${decision.b}`;

const sameDecision = (x: Decision, y: Decision) =>
  x.decision === y.decision &&
  x.score === y.score &&
  x.note === y.note &&
  x.created === y.created &&
  x.updated === y.updated;

export function planDecisionsImport(
  current: readonly Decision[],
  incoming: readonly Decision[],
): DecisionsImportPlan {
  const mine = new Map(current.map((decision) => [decisionPair(decision), decision]));
  const plan: DecisionsImportPlan = { added: [], replaced: [], kept: [], unchanged: 0 };
  for (const decision of incoming) {
    const here = mine.get(decisionPair(decision));
    if (!here) plan.added.push(decision);
    else if (sameDecision(here, decision)) plan.unchanged++;
    else if (decision.updated > here.updated) plan.replaced.push({ current: here, incoming: decision });
    else plan.kept.push({ current: here, incoming: decision });
  }
  return plan;
}

/** The decisions an import writes: new pairs and later decisions. */
export function decisionsToWrite(plan: DecisionsImportPlan): Decision[] {
  return [...plan.added, ...plan.replaced.map((entry) => entry.incoming)];
}

export interface DecisionsImportSummary {
  added: number;
  replaced: number;
  kept: number;
  unchanged: number;
}

export function summariseDecisionsPlan(plan: DecisionsImportPlan): DecisionsImportSummary {
  return {
    added: plan.added.length,
    replaced: plan.replaced.length,
    kept: plan.kept.length,
    unchanged: plan.unchanged,
  };
}

/** What a restore changes: the notes, the linkage decisions and the photo items. */
export interface RestoreSummary extends ImportSummary {
  decisions: DecisionsImportSummary;
  items: ItemsImportSummary;
}
