/**
 * The answers precomputed for the shortest queries (short-prefixes.ts) are the engine's own answers:
 * on an invented registry large enough to pass SCORE_CAP, every such query answers exactly as a search
 * does (hits in order with scores, kinds and highlights, totals, facet counts), and the answers survive
 * the snapshot.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '@shared/search/documents';
import { SCORE_CAP, createSearchEngine, loadSearchEngine } from '@shared/search/engine';
import { decodeSnapshot, encodeSnapshot, SnapshotError } from '@shared/search/snapshot';
import { PREFIX_HITS } from '@shared/search/short-prefixes';

// Invented people (no real person), Latin and Cyrillic, with the person facts the facets count.
const GIVEN = ['Teresė', 'Stasys', 'Ona', 'Kazys', 'Антанас', 'Тересе', 'Jonas', 'Станислава'];
const SURNAMES = [
  'Kazlauskas',
  'Dambrauskienė',
  'Urbonaitė',
  'Каваляускас',
  'Rimkus',
  'Стасюлис',
  'Petraitis',
];
const PLACES = ['Kaunas', 'Vilnius', 'Ukmergė', 'Šiauliai', 'Telšiai'];
const DESTINATIONS = ['Krasnojarsko kraštas', 'Igarka', 'Altajaus kraštas'];
const PERSONS = 5200;

function person(i: number): SearchDocument {
  const title = `${GIVEN[i % GIVEN.length]} ${SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]}`;
  const born = 1880 + (i % 60);
  const birthPlace = PLACES[i % PLACES.length] as string;
  const destination = DESTINATIONS[i % DESTINATIONS.length] as string;
  return {
    id: `registry/r/p${i}`,
    collectionId: 'registry',
    kind: 'person',
    targetId: `p${i}`,
    path: `/record/registry/p${i}`,
    title,
    fields: {
      title: [title],
      places: [birthPlace, destination],
      years: [String(born)],
      facts: [
        `born=${born}..${born}`,
        `birthplace~=${birthPlace}`,
        `destination~=${destination}`,
        `fate=${i % 3 === 0 ? 'deported' : 'arrested'}`,
      ],
    },
    earliest: null,
    latest: null,
    yearFrom: born,
    yearTo: born,
    places: [],
    sources: [],
    tags: [],
    status: i % 2 === 0 ? 'unverified' : null,
    phonetic: true,
  };
}

// Each comparison searches a 5,200-person registry twice; the machine running the tests may be busy.
const SLOW = 120_000;

const documents = Array.from({ length: PERSONS }, (_, i) => person(i));
const engine = createSearchEngine(documents);
const searched = createSearchEngine(documents, { shortPrefixes: false });
const stored = decodeSnapshot(engine.snapshot()).prefixes;

// Every two- and three-letter word typed, as typed (case, diacritics, Cyrillic), and some that are not.
const QUERIES = ['Ka', 'ka', 'Ką', 'Ра', 'AS', 'as', 'au', 'Kr', '19', 'Te', 'Ст', 'Kaz', 'Тер'];
const OPTIONS = [
  {},
  { limit: 50 },
  { limit: 1 },
  { limit: PREFIX_HITS },
  { limit: PREFIX_HITS + 500 },
  { facetLimit: 2 },
];

describe('answers precomputed for the shortest queries', () => {
  it(
    'are kept for the short words most of the registry holds, and only for those',
    () => {
      expect(stored?.terms).toEqual(expect.arrayContaining(['ka', 'as', 'au', 'ra', '19']));
      for (const [p] of (stored?.terms ?? []).entries()) expect(stored?.totals[p]).toBeGreaterThan(SCORE_CAP);
      expect(stored?.terms.every((term) => term.length >= 2 && term.length <= 3)).toBe(true);
    },
    SLOW,
  );

  it(
    'answer exactly as a search does: hits in order, scores, highlights, totals and facets',
    () => {
      let answered = 0;
      for (const query of QUERIES) {
        for (const options of OPTIONS) {
          const fast = engine.search(query, options);
          expect(fast, `${query} ${JSON.stringify(options)}`).toEqual(searched.search(query, options));
          if (fast.total > SCORE_CAP) answered++;
        }
      }
      expect(answered).toBeGreaterThan(20);
    },
    SLOW,
  );

  it(
    'leave queries with anything more to the search: filters, phrases, exclusions, other words',
    () => {
      for (const query of ['Te born:1900..1910', 'Te fate:deported', '"Te"', 'Te -Rimkus', 'Te D', 'Ka St']) {
        expect(engine.search(query), query).toEqual(searched.search(query));
        expect(engine.search(query, { similar: true }), query).toEqual(
          searched.search(query, { similar: true }),
        );
      }
    },
    SLOW,
  );

  it(
    'survive the snapshot: stored as they are, and the reopened engine answers the same',
    () => {
      const bytes = engine.snapshot();
      const decoded = decodeSnapshot(bytes);
      expect(decoded.prefixes).toEqual(stored);
      const again = encodeSnapshot(decoded);
      expect(again.length).toBe(bytes.length);
      expect(again.every((byte, i) => byte === bytes[i])).toBe(true);
      const reopened = loadSearchEngine(bytes);
      for (const query of QUERIES)
        expect(reopened.search(query, { limit: 50 })).toEqual(searched.search(query, { limit: 50 }));
      // A snapshot opened with the option off answers by searching, the same.
      const off = loadSearchEngine(bytes, { shortPrefixes: false });
      expect(off.search('Te')).toEqual(engine.search('Te'));
    },
    SLOW,
  );

  it(
    'are checked on load: a document out of range is a damaged snapshot',
    () => {
      const decoded = decodeSnapshot(engine.snapshot());
      const prefixes = decoded.prefixes;
      if (!prefixes) throw new Error('no precomputed answers');
      const items = prefixes.hits.items.slice();
      items[0] = PERSONS + 7;
      const damaged = encodeSnapshot({
        ...decoded,
        prefixes: { ...prefixes, hits: { ...prefixes.hits, items } },
      });
      expect(() => decodeSnapshot(damaged)).toThrow(SnapshotError);
      expect(() => decodeSnapshot(damaged)).toThrow(/prefixes\.hits\.items/);
    },
    SLOW,
  );

  it(
    'are not used for a word with another form in the vocabulary (the equivalences may differ)',
    () => {
      // An invented equivalence, given only when the snapshot is opened: "te" is then also "Igarka".
      const equivalences = [
        { id: 'test-te', canonical: 'Te', kind: 'place' as const, forms: ['Te', 'Igarka'] },
      ];
      const withEquivalent = loadSearchEngine(engine.snapshot(), { equivalences });
      const reference = createSearchEngine(documents, { shortPrefixes: false, equivalences });
      const response = withEquivalent.search('Te');
      expect(response).toEqual(reference.search('Te'));
      expect(response.total).toBeGreaterThan(engine.search('Te').total);
    },
    SLOW,
  );
});
