/**
 * Behaviour of the engine above SCORE_CAP (a short prefix matching most of a large registry): totals
 * and facets still count every match, and the best matches are still found and ranked first.
 */
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '@shared/search/documents';
import { SCORE_CAP, createSearchEngine } from '@shared/search/engine';
import { record, smallCollection } from './fixtures';

// Invented people, many sharing a prefix, as in a large registry (bench/ is outside the type-checked
// test project, so its generator is not imported here).
const FIRST = ['Jonas', 'Ona', 'Petras', 'Marija', 'Kazys', 'Elena', 'Antanas', 'Birutė'];
const SURNAMES = ['Kazlauskas', 'Kairys', 'Kalvaitis', 'Karalius', 'Petrauskas', 'Rimkus'];
const PERSONS = 6000;
const people = Array.from({ length: PERSONS }, (_, i) =>
  record({
    id: `person-${i}`,
    kind: 'person',
    title: `${FIRST[i % FIRST.length]} ${SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]}`,
    summary: 'Synthetic record.',
  }),
);
const docs = extractDocuments({ ...smallCollection(), records: people });
const engine = createSearchEngine(docs);

describe('search above the scoring cap', () => {
  it('counts every match in totals and facets, not only the scored ones', () => {
    const response = engine.search('synthetic');
    expect(response.total).toBeGreaterThan(SCORE_CAP);
    expect(response.total).toBe(PERSONS);
    const kinds = response.kindCounts.reduce((sum, { count }) => sum + count, 0);
    expect(kinds).toBe(response.total);
    expect(response.facets.kind).toEqual(response.kindCounts);
    expect(response.hits).toHaveLength(100);
    // Every hit shown was scored (unscored candidates sort below every real score).
    for (const hit of response.hits) expect(hit.score).toBeGreaterThanOrEqual(0);
  });

  it('still ranks an exact whole-name match first when a short prefix matches thousands', () => {
    const collection = smallCollection();
    // One person whose name is exactly the query, indexed last, after thousands with it as a prefix.
    const ka = record({ id: 'person-ka', kind: 'person', title: 'Ka' });
    const many = extractDocuments({
      ...collection,
      records: [...people, ...collection.records, ka],
    });
    const response = createSearchEngine(many).search('Ka');
    expect(response.total).toBeGreaterThan(SCORE_CAP);
    expect(response.hits[0]?.id).toBe('test/r/person-ka');
  });

  it('returns results in a stable order for equal scores (kind, title, id)', () => {
    const first = engine.search('Ka', { limit: 20 }).hits.map((hit) => hit.id);
    const again = engine.search('Ka', { limit: 20 }).hits.map((hit) => hit.id);
    expect(again).toEqual(first);
    const scores = engine.search('Ka', { limit: 20 }).hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
