import type { Claim } from '../../../shared/collection/schema';

export interface ClaimGroup {
  counts: string;
  unit: string;
  claims: Claim[];
  /** Lowest and highest figure across the group's claims: the spread of what the sources say. */
  spread: { min: number; max: number } | null;
}

/**
 * Claims about the same quantity (same "counts" text and unit) sit together, so conflicting figures
 * are read side by side with their sources; the group shows the spread, never an average.
 */
export function groupClaims(claims: readonly Claim[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const claim of claims) {
    const key = `${claim.unit}\u0000${claim.counts}`;
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { counts: claim.counts, unit: claim.unit, claims: [], spread: null }));
    group.claims.push(claim);
  }
  for (const group of groups.values()) {
    const lows = group.claims
      .map((claim) => claim.value ?? claim.min)
      .filter((n): n is number => n !== undefined);
    const highs = group.claims
      .map((claim) => claim.value ?? claim.max)
      .filter((n): n is number => n !== undefined);
    const min = Math.min(...lows);
    const max = Math.max(...highs);
    group.spread =
      group.claims.length > 1 && Number.isFinite(min) && Number.isFinite(max) && min !== max
        ? { min, max }
        : null;
  }
  return [...groups.values()];
}
