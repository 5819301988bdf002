import type { Claim } from './schema';

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

export interface HeadlineFigure {
  /** What the figures count, as the claims say it ("people deported in Operation Vesna"). */
  counts: string;
  /** The same in other languages (from the group's first claim), for labels in the interface language. */
  translations?: Claim['translations'];
  unit: string;
  min: number;
  max: number;
  /** How many sourced or as-cited claims give this count. */
  claims: number;
}

/**
 * The one count a summary view (timeline, map) shows for a record: among its sourced and as-cited
 * claims in `unit`, the quantity most sources give, as the spread of what they say. A range only
 * ever spans figures of the same quantity: Operation Vesna's deportees, never its deportees and its
 * children together. Ties go to the claim listed first (the collection's own order).
 */
export function headlineFigure(claims: readonly Claim[], unit = 'people'): HeadlineFigure | null {
  const groups = groupClaims(claims.filter((claim) => claim.unit === unit && claim.status !== 'unverified'));
  let best: HeadlineFigure | null = null;
  for (const group of groups) {
    const lows = group.claims.map((claim) => claim.value ?? claim.min).filter((n) => n !== undefined);
    const highs = group.claims.map((claim) => claim.value ?? claim.max).filter((n) => n !== undefined);
    if (lows.length === 0 || highs.length === 0) continue;
    if (best && best.claims >= group.claims.length) continue;
    const translations = group.claims[0]?.translations;
    best = {
      counts: group.counts,
      ...(translations ? { translations } : {}),
      unit,
      min: Math.min(...lows),
      max: Math.max(...highs),
      claims: group.claims.length,
    };
  }
  return best;
}
