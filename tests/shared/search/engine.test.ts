import { describe, expect, it } from 'vitest';
import { extractDocuments, type SearchDocument } from '@shared/search/documents';
import { createSearchEngine } from '@shared/search/engine';
import { smallCollection } from './fixtures';

const docs = extractDocuments(smallCollection());
const engine = createSearchEngine(docs);
const byId = new Map(docs.map((doc) => [doc.id, doc]));
const ids = (query: string) => engine.search(query).hits.map((hit) => hit.id);

/** The highlighted parts of a hit, as the original text shows them. */
function highlighted(query: string, id: string): string[] {
  const hit = engine.search(query).hits.find((h) => h.id === id);
  const doc = byId.get(id) as SearchDocument;
  return (hit?.matches ?? []).flatMap((match) =>
    match.ranges.map(([a, b]) => (doc.fields[match.field]?.[match.value] ?? '').slice(a, b)),
  );
}

describe('search engine', () => {
  it('finds a record by its alternate names in other scripts and languages', () => {
    for (const query of ['Весна', 'Pavasaris', 'vesna', 'VESNA'])
      expect(ids(query)[0]).toBe('test/r/op-vesna');
    expect(ids('Игарка')[0]).toBe('test/r/place-igarka');
  });

  it('highlights matches in the original text, diacritics and Cyrillic included', () => {
    expect(highlighted('luksa', 'test/r/person-luksa')).toContain('Lukša');
    expect(highlighted('Весна', 'test/r/op-vesna')).toEqual(expect.arrayContaining(['Vesna', 'Весна']));
    // A prefix highlights the part typed so far.
    expect(highlighted('Igar', 'test/r/place-igarka')).toContain('Igar');
  });

  it('requires every word, in any field', () => {
    expect(ids('vesna igarka')).toEqual(['test/r/op-vesna']);
    expect(ids('vesna zzzzqqq')).toEqual([]);
  });

  it('matches whole phrases and leaves out exclusions', () => {
    expect(ids('"forest brothers"')).toEqual(['test/r/op-vesna']);
    expect(ids('"brothers forest"')).toEqual([]);
    expect(ids('igarka -vesna')).not.toContain('test/r/op-vesna');
    expect(ids('igarka -vesna')).toContain('test/r/place-igarka');
  });

  it('opens a text at the section that matches', () => {
    const hit = engine.search('second paragraph').hits[0];
    expect(hit?.id).toBe('test/t/essay#june-1941');
    expect(byId.get(hit?.id ?? '')?.path).toBe('/reader/test/essay#june-1941');
  });

  it('indexes bibliography authors, titles and years', () => {
    expect(ids('Zemskov')[0]).toBe('test/b/zemskov1991');
    expect(ids('Земсков')[0]).toBe('test/b/zemskov1991');
    expect(ids('Lukša 1950')[0]).toBe('test/b/luksa1950');
  });

  it('filters by kind, year, place, source, tag and status, with negation', () => {
    expect(ids('kind:place')).toEqual(['test/r/place-igarka']);
    expect(ids('year:1948')).toEqual(['test/r/op-vesna', 'test/r/place-igarka']);
    expect(ids('year:1949..1960 kind:bibliography')).toEqual(['test/b/luksa1950']);
    expect(ids('place:Igarka')).toEqual(['test/r/op-vesna', 'test/r/place-igarka']);
    expect(ids('place:Игарка kind:event')).toEqual(['test/r/op-vesna']);
    expect(ids('source:zemskov')).toEqual(['test/r/op-vesna', 'test/b/zemskov1991']);
    expect(ids('tag:oper')).toEqual(['test/r/op-vesna']);
    expect(ids('status:unverified')).toEqual(['test/r/place-igarka', 'test/r/person-luksa']);
    expect(ids('igarka -kind:place')).not.toContain('test/r/place-igarka');
  });

  it('searches collections together, or one apart with collection:, and counts results per collection', () => {
    const other = smallCollection();
    other.manifest = { ...other.manifest, id: 'second' };
    const both = createSearchEngine([...docs, ...extractDocuments(other)]);
    const hits = (query: string) => both.search(query).hits.map((hit) => hit.id);
    expect(hits('Igarka kind:place')).toEqual(['second/r/place-igarka', 'test/r/place-igarka']);
    expect(hits('Igarka kind:place collection:second')).toEqual(['second/r/place-igarka']);
    expect(hits('Igarka kind:place -collection:second')).toEqual(['test/r/place-igarka']);
    const inOne = both.search('Igarka collection:test').total;
    expect(inOne).toBeGreaterThan(1);
    expect(both.search('Igarka').facets.collection).toEqual([
      { value: 'second', count: inOne },
      { value: 'test', count: inOne },
    ]);
    // The facet counts every collection, whichever one the query keeps.
    expect(both.search('Igarka collection:test').facets.collection).toHaveLength(2);
  });

  it('filters by notes once the user has some', () => {
    expect(ids('has:notes')).toEqual([]);
    engine.setNotedDocuments(['test/r/person-luksa']);
    expect(ids('has:notes')).toEqual(['test/r/person-luksa']);
    engine.setNotedDocuments([]);
  });

  it('counts results per kind and computes facets beside them', () => {
    const response = engine.search('igarka');
    expect(response.kindCounts).toEqual([
      { value: 'event', count: 1 },
      { value: 'place', count: 1 },
      { value: 'text', count: 1 },
    ]);
    expect(response.facets.kind.map((f) => f.value)).toEqual(['event', 'place', 'text']);
    expect(response.facets.year).toEqual([{ value: '1948', count: 2 }]);
    expect(response.facets.place).toEqual([{ value: 'place-igarka', count: 1, label: 'Igarka' }]);
    expect(response.facets.status).toEqual([
      { value: 'sourced', count: 1 },
      { value: 'unverified', count: 1 },
    ]);
    // A kind filter narrows the results but not its own facet, so other kinds stay selectable.
    const filtered = engine.search('igarka kind:place');
    expect(filtered.total).toBe(1);
    expect(filtered.facets.kind.map((f) => f.value)).toEqual(['event', 'place', 'text']);
  });

  it('explains invalid syntax instead of throwing, and still searches the rest', () => {
    const response = engine.search('vesna year:soon');
    expect(response.errors.map((e) => e.code)).toEqual(['badYear']);
    expect(response.hits[0]?.id).toBe('test/r/op-vesna');
  });

  it('waits for a second letter before searching', () => {
    expect(engine.search('v')).toMatchObject({ total: 0, tooShort: true });
    expect(engine.search('')).toMatchObject({ total: 0, tooShort: false });
  });

  it('ranks deterministically', () => {
    const first = engine.search('a');
    const again = createSearchEngine(extractDocuments(smallCollection())).search('1948');
    expect(engine.search('1948')).toEqual(again);
    expect(first).toEqual(engine.search('a'));
  });
});
