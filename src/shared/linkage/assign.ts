/**
 * One-to-one proposals: a list names each person once, so a record is proposed as the same person as
 * at most one record of each other collection. Greedy by score (highest first), the usual
 * simplification of an optimal assignment; the other candidates stay in the review queue, unproposed.
 */
import type { Candidate } from './types';

/** The candidates at or above `threshold` that win their records' one-to-one contest, best first. */
export function proposeOneToOne(
  candidates: readonly Candidate[],
  threshold: number,
  collectionOf: (id: string) => string,
): Candidate[] {
  const sorted = candidates.filter((candidate) => candidate.score >= threshold);
  sorted.sort((x, y) => y.score - x.score);
  // "record id → collections it is already proposed into".
  const taken = new Map<string, Set<string>>();
  const has = (id: string, collection: string) => taken.get(id)?.has(collection) ?? false;
  const take = (id: string, collection: string) => {
    const set = taken.get(id);
    if (set) set.add(collection);
    else taken.set(id, new Set([collection]));
  };
  const proposed: Candidate[] = [];
  for (const candidate of sorted) {
    const aCollection = collectionOf(candidate.a);
    const bCollection = collectionOf(candidate.b);
    // Within one collection (finding duplicates) every pair above the threshold stays a proposal.
    if (aCollection === bCollection) {
      proposed.push(candidate);
      continue;
    }
    if (has(candidate.a, bCollection) || has(candidate.b, aCollection)) continue;
    take(candidate.a, bCollection);
    take(candidate.b, aCollection);
    proposed.push(candidate);
  }
  return proposed;
}
