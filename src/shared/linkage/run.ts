/**
 * The worker-friendly entry: prepare the records, estimate u from random pairs, block, compare and
 * score (a second pass adds the shared family members, family.ts), reporting progress and honouring an AbortSignal. It yields to the event loop every few
 * milliseconds, so a worker running it still receives its "cancel" message.
 */
import { buildBlocks, forEachPair, surnameKeys } from './blocking';
import { comparePair } from './compare';
import { createGazetteer, type Gazetteer } from './equivalents';
import { candidateOf } from './explain';
import {
  FAMILY_FIELD,
  addLikely,
  bothInFamilies,
  buildFamilies,
  compareFamilies,
  estimateFamilyModel,
  type LikelyMatches,
} from './family';
import {
  DEFAULT_U_SAMPLE,
  HOUSEHOLD_CAP,
  estimateModel,
  householdWeight,
  levelWeight,
  totalWeight,
  withHouseholdWeight,
  type LinkageModel,
} from './model';
import { createFeatureCache, prepareRecord, type PreparedRecord } from './prepare';
import { LINK_FIELDS, type Candidate, type LinkRecord, type LinkScope } from './types';

/** Score (bits) at or above which a pair is proposed as the same person; chosen on synthetic lists. */
export const DEFAULT_THRESHOLD = 14;
/** Pairs scoring at or above this are kept for review (the band below the threshold is "maybe"). */
export const DEFAULT_REVIEW_FLOOR = 6;

export interface LinkageOptions {
  /** Default: 'across' when the records come from more than one collection, else 'within'. */
  scope?: LinkScope;
  /** Keep candidates scoring at least this (bits). Default DEFAULT_REVIEW_FLOOR. */
  keepAbove?: number;
  /** Build each kept candidate's field-by-field explanation (default true). */
  explain?: boolean;
  /** Only re-score pairs with at least one of these record ids (incremental runs). */
  touching?: ReadonlySet<string>;
  /** Weights to use instead of estimating u from these records (e.g. a previous run's). */
  model?: LinkageModel;
  /** Random pairs used to estimate u. */
  uSample?: number;
  /**
   * First-pass score (bits) at or above which two family members count as matched for the `family`
   * field of their relatives' pairs. Default DEFAULT_THRESHOLD.
   */
  familyThreshold?: number;
  gazetteer?: Gazetteer;
}

export interface LinkageProgress {
  phase: 'preparing' | 'estimating' | 'comparing' | 'done';
  done: number;
  total: number;
  pairsCompared: number;
}

export interface LinkageHooks {
  onProgress?: (progress: LinkageProgress) => void;
  signal?: AbortSignal;
}

export interface LinkageResult {
  scope: LinkScope;
  records: number;
  /** Records with no name at all: nothing to link them by. */
  skipped: string[];
  blocks: number;
  pairsCompared: number;
  /** Compared pairs ruled out by contradicting birth years. */
  ruledOut: number;
  /** Pairs of two records with families rescored in the second pass (shared family members). */
  familyPairs: number;
  keepAbove: number;
  /** Sorted by score, highest first. */
  candidates: Candidate[];
  model: LinkageModel;
}

const YIELD_EVERY_MS = 25;

export async function runLinkage(
  input: readonly LinkRecord[],
  options: LinkageOptions = {},
  hooks: LinkageHooks = {},
): Promise<LinkageResult> {
  const { signal, onProgress } = hooks;
  let lastYield = performance.now();
  let pairsCompared = 0;
  const pause = async (progress: Omit<LinkageProgress, 'pairsCompared'>) => {
    signal?.throwIfAborted();
    const now = performance.now();
    if (now - lastYield < YIELD_EVERY_MS) return;
    onProgress?.({ ...progress, pairsCompared });
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
    lastYield = performance.now();
  };

  const gazetteer = options.gazetteer ?? createGazetteer();
  const records: PreparedRecord[] = [];
  const skipped: string[] = [];
  const cache = createFeatureCache();
  for (let n = 0; n < input.length; n++) {
    const record = input[n] as LinkRecord;
    const prepared = prepareRecord(record, records.length, gazetteer, cache);
    if (prepared.surname || prepared.givenName) records.push(prepared);
    else skipped.push(record.id);
    if (n % 2000 === 0) await pause({ phase: 'preparing', done: n, total: input.length });
  }
  const collections = new Set(records.map((record) => record.collection));
  const scope = options.scope ?? (collections.size > 1 ? 'across' : 'within');

  onProgress?.({ phase: 'estimating', done: 0, total: 1, pairsCompared });
  let model = options.model ?? estimateModel(records, { scope, sample: options.uSample });
  await pause({ phase: 'estimating', done: 1, total: 1 });

  const keysOf = records.map(surnameKeys);
  const blocks = buildBlocks(records);
  let touching: Set<number> | undefined;
  if (options.touching) {
    touching = new Set();
    for (const record of records) if (options.touching.has(record.id)) touching.add(record.index);
  }
  const keepAbove = options.keepAbove ?? DEFAULT_REVIEW_FLOOR;
  const explain = options.explain ?? true;
  const candidates: Candidate[] = [];
  const levels = new Int8Array(LINK_FIELDS.length);
  const keep = (a: PreparedRecord, b: PreparedRecord, score: number, family: [number, number][] = []) => {
    if (explain) {
      const matches = family.map(([x, y]) => [records[x], records[y]] as [PreparedRecord, PreparedRecord]);
      candidates.push(candidateOf(model, a, b, levels, matches));
    } else {
      const [x, y] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
      candidates.push({ a: x, b: y, score: Math.round(score * 100) / 100, fields: [] });
    }
  };
  // First pass: every field but `family`. Pairs of two records with families wait for the second pass
  // (their score before it, and the household weight the cap has room beside) unless even the most
  // the family field could add leaves them below keepAbove.
  const families = buildFamilies(records);
  const likely: LikelyMatches = new Map();
  const likelyAbove = options.familyThreshold ?? DEFAULT_THRESHOLD;
  // Typed and grown by doubling: at 200,000 people there are millions of waiting pairs.
  const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
    to.set(from);
    return to;
  };
  let pending = {
    length: 0,
    a: new Int32Array(1024),
    b: new Int32Array(1024),
    score: new Float64Array(1024),
    household: new Float64Array(1024),
  };
  const wait = (a: number, b: number, score: number, household: number) => {
    if (pending.length === pending.a.length) {
      const size = pending.a.length * 2;
      pending = {
        length: pending.length,
        a: grow(pending.a, new Int32Array(size)),
        b: grow(pending.b, new Int32Array(size)),
        score: grow(pending.score, new Float64Array(size)),
        household: grow(pending.household, new Float64Array(size)),
      };
    }
    pending.a[pending.length] = a;
    pending.b[pending.length] = b;
    pending.score[pending.length] = score;
    pending.household[pending.length] = household;
    pending.length += 1;
  };
  let ruledOut = 0;
  const visit = (a: PreparedRecord, b: PreparedRecord) => {
    pairsCompared += 1;
    if (!comparePair(a, b, levels)) {
      ruledOut += 1;
      return;
    }
    const score = totalWeight(model, levels, a);
    if (!bothInFamilies(families, a.index, b.index)) {
      if (score >= keepAbove) keep(a, b, score);
      return;
    }
    if (score >= likelyAbove) addLikely(likely, a.index, b.index);
    const household = householdWeight(model, levels, a);
    if (withHouseholdWeight(score, household, HOUSEHOLD_CAP) < keepAbove) return;
    wait(a.index, b.index, score, household);
  };
  for (let k = 0; k < blocks.length; k++) {
    forEachPair(blocks[k] as (typeof blocks)[number], records, keysOf, { scope, touching }, visit);
    if (k % 64 === 0) await pause({ phase: 'comparing', done: k, total: blocks.length });
  }

  // Second pass: shared family members, linear in the pairs waiting (families are small).
  if (!options.model) {
    const family = estimateFamilyModel(records, families, likely, {
      scope,
      sample: options.uSample ?? DEFAULT_U_SAMPLE,
    });
    model = { ...model, fields: { ...model.fields, family } };
  }
  for (let n = 0; n < pending.length; n++) {
    const x = records[pending.a[n] ?? 0] as PreparedRecord;
    const y = records[pending.b[n] ?? 0] as PreparedRecord;
    // Counted from the record with the lower id, so the level does not depend on the visiting order.
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const family = compareFamilies(families, likely, a.index, b.index);
    const weight = levelWeight(model, 'family', family.level, a);
    const score = withHouseholdWeight(pending.score[n] ?? 0, pending.household[n] ?? 0, weight);
    if (score >= keepAbove) {
      if (explain) {
        comparePair(a, b, levels);
        levels[FAMILY_FIELD] = family.level;
      }
      keep(a, b, score, family.matches);
    }
    if (n % 4096 === 0) await pause({ phase: 'comparing', done: blocks.length, total: blocks.length });
  }
  candidates.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  onProgress?.({ phase: 'done', done: blocks.length, total: blocks.length, pairsCompared });
  return {
    scope,
    records: records.length,
    skipped,
    blocks: blocks.length,
    pairsCompared,
    ruledOut,
    familyPairs: pending.length,
    keepAbove,
    candidates,
    model,
  };
}
