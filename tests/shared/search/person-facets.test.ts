/**
 * Facets of people (birth place, destination, repression type, decade of birth) over the invented
 * registries of tests/fixtures/registries: counted exactly, and each value filtering as its box does.
 */
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '@shared/collection/schema';
import { extractDocuments } from '@shared/search/documents';
import { createSearchEngine, loadSearchEngine } from '@shared/search/engine';
import { FACETS, type FacetDefinition, type FacetField } from '@shared/search/facets';
import { yearSpan } from '@shared/search/person-document';
import { setFilter, toggleFilter } from '@shared/search/query';
import { SNAPSHOT_FORMAT, SnapshotError } from '@shared/search/snapshot';
import { importRegistryFixture } from './import-fixture';

const lt = importRegistryFixture('lithuanian-style-lt.csv', 'lt-list');
const ru = importRegistryFixture('memorial-style-ru.csv', 'ru-list');
const pl = importRegistryFixture('polish-headers-pl.tsv', 'pl-list');
const engine = createSearchEngine([lt, ru, pl].flatMap(extractDocuments));
const people = [lt, ru, pl].flatMap((c) =>
  c.records.map((r) => ({
    id: `${c.manifest.id}/r/${r.id}`,
    person: (r as unknown as PersonRecord).person ?? {},
  })),
);
const byId = new Map(people.map((p) => [p.id, p.person]));
const ALL = { limit: 1000, facetLimit: 1000 };

/** Expected counts, worked out from the records themselves: value → how many people have it. */
function tally(
  valuesOf: (person: PersonRecord['person'] & object) => readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { person } of people)
    for (const value of new Set(valuesOf(person))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
const decadesOf = (person: PersonRecord['person'] & object): string[] => {
  const cell = person.birthDate;
  if (!cell) return [];
  return [cell.edtf, ...(cell.alternatives ?? [])].flatMap((edtf) => {
    const span = edtf === undefined ? undefined : yearSpan(edtf);
    if (!span) return [];
    const decades: string[] = [];
    for (let decade = Math.floor(span[0] / 10) * 10; decade <= span[1]; decade += 10)
      decades.push(String(decade));
    return decades;
  });
};
const EXPECTED: Record<'birthplace' | 'destination' | 'repression' | 'decade', Map<string, number>> = {
  birthplace: tally((p) => (p.birthPlace ? [p.birthPlace] : [])),
  destination: tally((p) => (p.destination ? [p.destination] : [])),
  repression: tally((p) => (p.repression?.types ?? []).filter((type) => type !== undefined)),
  decade: tally(decadesOf),
};
const facetOf = (id: FacetField) => FACETS.find((facet) => facet.id === id) as FacetDefinition;

describe('person facets', () => {
  const response = engine.search('kind:person', ALL);

  for (const id of ['birthplace', 'destination', 'repression', 'decade'] as const) {
    it(`counts ${id} exactly as the records give it`, () => {
      expect(EXPECTED[id].size).toBeGreaterThan(1);
      expect(new Map(response.facets[id].map((entry) => [entry.value, entry.count]))).toEqual(EXPECTED[id]);
    });
  }

  it('lists decades in order and the others commonest first', () => {
    const decades = response.facets.decade.map((entry) => Number(entry.value));
    expect(decades).toEqual([...decades].sort((a, b) => a - b));
    const counts = response.facets.birthplace.map((entry) => entry.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('keeps only the facet limit of the places, commonest first', () => {
    const few = engine.search('kind:person', { facetLimit: 2 });
    expect(few.facets.birthplace).toEqual(response.facets.birthplace.slice(0, 2));
  });

  it('filters by a value as its box does, and the other facets count the filtered people', () => {
    const checks: [FacetField, (p: PersonRecord['person'] & object, value: string) => boolean][] = [
      ['birthplace', (p, value) => p.birthPlace === value],
      ['destination', (p, value) => p.destination === value],
      ['repression', (p, value) => (p.repression?.types ?? []).includes(value as never)],
      ['decade', (p, value) => decadesOf(p).includes(value)],
    ];
    for (const [id, holds] of checks) {
      const facet = facetOf(id);
      const [top] = response.facets[id];
      if (!top) throw new Error(`no ${id} values`);
      const query = toggleFilter('kind:person', facet.filter, facet.filterValue?.(top.value) ?? top.value);
      const filtered = engine.search(query, ALL);
      expect(filtered.errors, query).toEqual([]);
      expect(filtered.total, query).toBe(top.count);
      for (const hit of filtered.hits) expect(holds(byId.get(hit.id) ?? {}, top.value), query).toBe(true);
      // Its own facet still offers every value; the others count only the people kept.
      expect(filtered.facets[id]).toEqual(response.facets[id]);
      const kinds = filtered.facets.kind.find((entry) => entry.value === 'person')?.count;
      expect(kinds).toBe(top.count);
      // Clicking the box again takes the filter out.
      expect(toggleFilter(query, facet.filter, facet.filterValue?.(top.value) ?? top.value)).toBe(
        'kind:person',
      );
    }
  });

  it("counts each facet as the same query without that facet's own filter would", () => {
    for (const query of [
      'kind:person fate:deported born:1900..1909',
      'collection:lt-list birthplace:Kauno -fate:returned',
      'Kazlauskas kind:person destination:Syktyvkaras',
    ]) {
      const facets = engine.search(query, ALL).facets;
      for (const facet of FACETS as readonly FacetDefinition[]) {
        const without = engine.search(setFilter(query, facet.filter, null), ALL).facets;
        expect(facets[facet.id as FacetField], `${facet.id} of ${query}`).toEqual(
          without[facet.id as FacetField],
        );
      }
    }
  });

  it('has no values where there are no people, and survives a snapshot', () => {
    const places = createSearchEngine(
      extractDocuments(lt).map((doc) => ({ ...doc, kind: 'event' as const, fields: { title: [doc.title] } })),
    );
    const none = places.search('kind:event', ALL).facets;
    expect([none.birthplace, none.destination, none.repression, none.decade]).toEqual([[], [], [], []]);
    const reopened = loadSearchEngine(engine.snapshot());
    expect(reopened.search('kind:person', ALL).facets).toEqual(response.facets);
  });

  it('rebuilds a snapshot of the format before person facets (never searches it)', () => {
    const bytes = engine.snapshot().slice();
    new DataView(bytes.buffer).setUint32(8, SNAPSHOT_FORMAT - 1, true);
    expect(() => loadSearchEngine(bytes)).toThrow(SnapshotError);
    expect(() => loadSearchEngine(bytes)).toThrow(new RegExp(`format ${SNAPSHOT_FORMAT - 1}`));
  });
});
