/**
 * Re-linking after a collection is re-imported: records keep stable ids, so only pairs with an added
 * or changed record need scoring again; every other pair keeps its score (computed with the same
 * model, which the caller passes back in). Decisions are never dropped: one whose record has gone is
 * reported as orphaned, for the user to see.
 */
import { nameParts } from './prepare';
import type { Candidate, Decision, LinkRecord } from './types';

/** What linkage reads of a record, as one string: equal fingerprints score equally. */
export function linkageFingerprint(record: LinkRecord): string {
  const [surname, givenName, patronymic] = nameParts(record.person, record.title);
  return JSON.stringify([record.collection, surname, givenName, patronymic, record.person]);
}

export interface RescorePlan {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  /** Ids whose pairs must be scored again (added and changed): pass as `touching` to runLinkage. */
  touching: Set<string>;
}

/** Compare the records of the last run (id → fingerprint) with the records now. */
export function planRescore(previous: ReadonlyMap<string, string>, next: readonly LinkRecord[]): RescorePlan {
  const plan: RescorePlan = { added: [], changed: [], removed: [], unchanged: 0, touching: new Set() };
  const seen = new Set<string>();
  for (const record of next) {
    seen.add(record.id);
    const before = previous.get(record.id);
    if (before === undefined) plan.added.push(record.id);
    else if (before !== linkageFingerprint(record)) plan.changed.push(record.id);
    else plan.unchanged += 1;
  }
  for (const id of previous.keys()) if (!seen.has(id)) plan.removed.push(id);
  for (const id of [...plan.added, ...plan.changed]) plan.touching.add(id);
  return plan;
}

export const fingerprints = (records: readonly LinkRecord[]): Map<string, string> =>
  new Map(records.map((record) => [record.id, linkageFingerprint(record)]));

/** The previous candidates of untouched pairs, plus the fresh ones, best first. */
export function mergeCandidates(
  previous: readonly Candidate[],
  fresh: readonly Candidate[],
  plan: RescorePlan,
): Candidate[] {
  const removed = new Set(plan.removed);
  const stale = (id: string) => plan.touching.has(id) || removed.has(id);
  const kept = previous.filter((candidate) => !stale(candidate.a) && !stale(candidate.b));
  return [...kept, ...fresh].sort((x, y) => y.score - x.score);
}

/** Decisions naming a record that no longer exists: kept as they are, listed for the user. */
export function orphanedDecisions(decisions: readonly Decision[], ids: ReadonlySet<string>): Decision[] {
  return decisions.filter((decision) => !ids.has(decision.a) || !ids.has(decision.b));
}
