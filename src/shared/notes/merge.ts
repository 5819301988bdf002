/**
 * Planning an import or restore: which notes of a backup are new, which replace an older copy here,
 * and which conflict with a copy here that is newer (or as new, but different). Merge rule: notes are
 * matched by id and the copy with the later `updatedAt` wins; on a tie the copy here is kept, so an
 * import never silently replaces what the user sees with something that is not newer.
 */
import { sameNote, type Note } from './model';

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
