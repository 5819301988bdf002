/**
 * baseScore reads a candidate's words once for all query words, behind a bitset, and stops once no
 * field left can beat any word's best: it must give exactly the score of reading every word of every
 * field for each query word.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '@shared/search/documents';
import { EquivalenceTable } from '@shared/search/equivalences';
import { indexContext } from '@shared/search/index-context';
import { FIELD_COUNT } from '@shared/search/layout';
import { prepareIndex } from '@shared/search/prepared-index';
import { createScorer } from '@shared/search/scoring';
import { createTermMatcher, type TermMatches } from '@shared/search/terms';
import { record, smallCollection } from './fixtures';

// Invented people: names, places and summaries sharing prefixes, as in a registry.
const FIRST = ['Teresė', 'Stasė', 'Ona', 'Tadas', 'Dana'];
const SURNAMES = ['Dambrauskienė', 'Urbonienė', 'Teresevičius', 'Stasiūnas', 'Adomaitis'];
const people = Array.from({ length: 200 }, (_, i) =>
  record({
    id: `person-${i}`,
    kind: 'person',
    title: `${FIRST[i % 5]} ${SURNAMES[Math.floor(i / 5) % 5]}`,
    summary: i % 3 === 0 ? `Deported with ${FIRST[(i + 1) % 5]} to Tomsk.` : 'Synthetic record.',
  }),
);
const context = indexContext(prepareIndex(extractDocuments({ ...smallCollection(), records: people })));
const matchTerm = createTermMatcher(context, new EquivalenceTable([]));
const scorer = createScorer(context);

/** Every word of every field, per query word: the best quality × field weight, averaged. */
function reference(d: number, termMatches: readonly TermMatches[]): number | null {
  const { fields } = context.docs;
  const { start, items } = context.values.words;
  let total = 0;
  for (const matches of termMatches) {
    let best = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      for (
        let k = fields.start[d * FIELD_COUNT + f] as number;
        k < (fields.start[d * FIELD_COUNT + f + 1] as number);
        k++
      ) {
        const v = fields.items[k] as number;
        const last = start[context.isNameField[f] ? 2 * v + 2 : 2 * v + 1] as number;
        for (let i = start[2 * v] as number; i < last; i++) {
          const q = Math.fround(matches.get(items[i] as number) ?? 0);
          const weight = context.fieldWeights[f] as number;
          if (q > 0 && q * weight > best) best = q * weight;
        }
      }
    }
    if (best === 0) return null;
    total += best;
  }
  return total / termMatches.length;
}

describe('base score', () => {
  it('is the score of reading every word, for one, two and three query words', () => {
    let scored = 0;
    for (const query of [['te'], ['t'], ['teres', 'd'], ['stase', 'u'], ['dana', 'to', 'd'], ['deported']]) {
      const termMatches = query.map(matchTerm);
      const qualities = scorer.qualities(termMatches);
      for (let d = 0; d < context.count; d++) {
        const expected = reference(d, termMatches);
        expect(scorer.baseScore(d, qualities), `${query.join(' ')} #${d}`).toBe(expected);
        if (expected !== null) scored++;
      }
    }
    expect(scored).toBeGreaterThan(500);
  });
});
