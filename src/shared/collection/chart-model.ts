/**
 * Which figures may be drawn as one composition chart. A chart adds its bars up, so it may only hold
 * parts of one whole: the percentage shares one source gives for one record. Shares of one record from
 * different sources (70 % Lithuanians in one, 42.8 % in another) are separate charts, and a source's
 * shares that add up to more than the whole (4.5 % of the population and 70 % of the deportees) are no
 * composition at all. Pure, tested in Node.
 */
import type { Claim } from './schema';
import type { LoadedRecord } from './model';

export type Share = Claim & { value: number };

export interface Composition {
  /** Stable key: record id and source. */
  key: string;
  record: LoadedRecord;
  /** Bibliography id of the source that gives the shares ('' when the claims name none). */
  source: string;
  shares: Share[];
  /** Sum of the shares in percent; below 100 when the source leaves part of the whole unassigned. */
  total: number;
}

/** Rounding in the sources (33.3 + 33.3 + 33.3) may overshoot 100 a little; more is not one whole. */
const ROUNDING = 0.5;

export function compositions(records: readonly LoadedRecord[]): Composition[] {
  const out: Composition[] = [];
  for (const record of records) {
    const bySource = new Map<string, Share[]>();
    for (const claim of record.claims) {
      if (claim.unit !== 'percent' || claim.value === undefined) continue;
      const source = claim.source ?? '';
      const shares = bySource.get(source) ?? [];
      shares.push(claim as Share);
      bySource.set(source, shares);
    }
    for (const [source, shares] of bySource) {
      const total = shares.reduce((sum, share) => sum + share.value, 0);
      if (shares.length < 2 || total > 100 + ROUNDING) continue;
      out.push({ key: `${record.id}\u0000${source}`, record, source, shares, total });
    }
  }
  return out;
}
