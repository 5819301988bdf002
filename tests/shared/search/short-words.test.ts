/**
 * A short last word ("Teresė D") matches hundreds of thousands of postings in a large registry, so the
 * engine then checks the few documents the other words left instead of walking those postings
 * (candidates.ts, keepHolding). Both ways must find the same documents with the same kind of match.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '@shared/search/documents';
import { createSearchEngine } from '@shared/search/engine';

/** An invented person document, with only the fields given. */
function person(id: string, title: string, fields: SearchDocument['fields'] = {}): SearchDocument {
  return {
    id: `test/r/${id}`,
    collectionId: 'test',
    kind: 'person',
    targetId: id,
    path: `/record/${id}`,
    title,
    fields: { title: [title], ...fields },
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: true,
  };
}

// Invented names: one Zigmas Zyx, and many people whose words hold "cas", "am" and "d" (enough
// postings that a query "Zyx cas" checks Zyx's words rather than walking them).
const others = Array.from({ length: 300 }, (_, i) =>
  person(`p${i}`, `${['Casimir', 'Cadas', 'Dacas'][i % 3]} Dambra${i}`, { places: ['Cascade'] }),
);
const zyx = person('zyx', 'Zigmas Zyx', { places: ['Dambrava'], facts: ['case=b-1007'] });
const engine = createSearchEngine([zyx, ...others]);
const ids = (query: string) => engine.search(query, { limit: 1000 }).hits.map((hit) => hit.id);

describe('a broad short last word', () => {
  it('finds the same documents, with the same kind of match, whichever word comes first', () => {
    for (const [narrow, broad] of [
      ['Zyx', 'am'],
      ['Zyx', 'd'],
      ['Dambra7', 'c'],
      ['Casimir', 'd'],
    ] as const) {
      const forward = engine.search(`${narrow} ${broad}`, { limit: 1000 });
      const backward = engine.search(`${broad} ${narrow}`, { limit: 1000 });
      expect(forward.total, `${narrow} ${broad}`).toBe(backward.total);
      expect(forward.total).toBeGreaterThan(0);
      const kinds = (response: typeof forward) =>
        new Map(response.hits.map((hit) => [hit.id, hit.matchKind]));
      expect(kinds(forward)).toEqual(kinds(backward));
      expect(forward.facets).toEqual(backward.facets);
    }
  });

  it('never matches a word found only in the facts, which are for filters (as the postings walk)', () => {
    // "case" is a word of Zyx's facts only (case=b-1007); "cas" would match it.
    expect(ids('Zyx')).toEqual(['test/r/zyx']);
    expect(ids('Zyx cas')).toEqual([]);
    expect(ids('cas Zyx')).toEqual([]);
  });

  it('matches one letter inside any word, as a prefix of a later word is typed', () => {
    expect(ids('Zigmas y')).toEqual(['test/r/zyx']);
    expect(ids('Zigmas q')).toEqual([]);
  });
});
