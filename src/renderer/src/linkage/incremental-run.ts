/**
 * What a run of the Linkage view must compute, given the last run of this window: the same
 * collections with nothing changed need no run; the same collections after a re-import re-score only
 * the pairs of added and changed records (with the previous weights, so kept scores stay comparable)
 * and merge; other collections mean a full run. Record ids are stable across re-imports, so decisions
 * (stored by record id) stay attached whatever the run does.
 */
import type { LinkageModel } from '@shared/linkage/model';
import type { LinkageResult } from '@shared/linkage/run';
import { fingerprints, mergeCandidates, planRescore, type RescorePlan } from '@shared/linkage/incremental';
import type { Candidate, LinkRecord, LinkScope } from '@shared/linkage/types';
import type { WorkerLinkageOptions } from './protocol';

/** What a finished run leaves for the next one (kept in memory for the window session). */
export interface LinkageSnapshot {
  /** Collection ids, sorted. */
  collections: string[];
  fingerprints: Map<string, string>;
  candidates: Candidate[];
  model: LinkageModel;
  scope: LinkScope;
  records: number;
  skipped: string[];
  pairsCompared: number;
  ruledOut: number;
}

export type RunPlan =
  | { kind: 'full' }
  | { kind: 'incremental'; plan: RescorePlan; previous: LinkageSnapshot }
  | { kind: 'unchanged'; plan: RescorePlan; previous: LinkageSnapshot };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

export function planRun(
  previous: LinkageSnapshot | null,
  collections: readonly string[],
  records: readonly LinkRecord[],
): RunPlan {
  const chosen = [...collections].sort();
  if (!previous || !sameSet(previous.collections, chosen)) return { kind: 'full' };
  const plan = planRescore(previous.fingerprints, records);
  if (plan.touching.size === 0 && plan.removed.length === 0) return { kind: 'unchanged', plan, previous };
  return { kind: 'incremental', plan, previous };
}

/** The worker options of a plan that needs a run. */
export function workerOptions(plan: RunPlan): WorkerLinkageOptions {
  if (plan.kind === 'full') return {};
  return { touching: [...plan.plan.touching], model: plan.previous.model, scope: plan.previous.scope };
}

/** The snapshot after a run (or, for "unchanged", the previous one as it was). */
export function snapshotAfter(
  plan: RunPlan,
  collections: readonly string[],
  records: readonly LinkRecord[],
  result: LinkageResult | null,
): LinkageSnapshot {
  if (plan.kind === 'unchanged' || !result) {
    if (plan.kind === 'full') throw new Error('a full run needs its result');
    return plan.previous;
  }
  const candidates =
    plan.kind === 'incremental'
      ? mergeCandidates(plan.previous.candidates, result.candidates, plan.plan)
      : result.candidates;
  return {
    collections: [...collections].sort(),
    fingerprints: fingerprints(records),
    candidates,
    model: result.model,
    scope: result.scope,
    records: result.records,
    skipped: result.skipped,
    pairsCompared: result.pairsCompared,
    ruledOut: result.ruledOut,
  };
}
