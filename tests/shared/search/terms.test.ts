/** A query word's vocabulary matches, best first (terms.ts). */
import { describe, expect, it } from 'vitest';
import { byQuality } from '@shared/search/terms';

describe('ordering a term’s word matches (terms.ts byQuality)', () => {
  it('gives what a stable sort by tier, then quality, gives', () => {
    // Invented matches: many ties, every tier, qualities repeated and not, in a scrambled order.
    const matches = Object.assign(new Map<number, number>(), { tiers: new Map<number, number>() });
    for (let id = 0; id < 5000; id++) {
      const tier = 1 + ((id * 7919) % 6);
      const quality = tier === 2 ? ((id * 104729) % 997) / 997 : 0.6 + 0.1 * (2 / (2 + (id % 13)));
      matches.set((id * 31) % 5003, quality);
      matches.tiers.set((id * 31) % 5003, tier);
    }
    const sorted = [...matches]
      .map(([wordId, quality]) => ({ wordId, tier: matches.tiers.get(wordId) as number, quality }))
      .sort((a, b) => b.tier - a.tier || b.quality - a.quality)
      .map(({ wordId }) => wordId);
    expect(byQuality(matches)).toEqual(sorted);
  });
});
