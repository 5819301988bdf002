/**
 * `place:` finds a place by any of its forms (resources/gazetteer): a registry of invented people whose
 * cells name Vilnius, Kaunas and Ukmergė as clerks of several languages wrote them.
 */
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '@shared/collection/schema';
import { extractDocuments } from '@shared/search/documents';
import { createSearchEngine } from '@shared/search/engine';
import { importRegistryFixture } from './import-fixture';

const base = importRegistryFixture('lithuanian-style-lt.csv', 'forms');
const template = base.records[0] as unknown as PersonRecord;

/** [id, where the cell is, what it says] — every person invented. */
const PEOPLE: readonly [string, 'birthPlace' | 'residence' | 'destination' | 'deathPlace', string][] = [
  ['v-lt', 'birthPlace', 'Vilnius'],
  ['v-ru', 'birthPlace', 'Польша, г. Вильно'],
  ['v-pl', 'residence', 'Wilno, ul. Zawalna 5'],
  ['v-en', 'deathPlace', 'Vilna'],
  ['k-lt', 'birthPlace', 'Kaunas'],
  ['k-ru', 'destination', 'Литва, г. Ковно'],
  ['k-pl', 'birthPlace', 'Kowno'],
  ['u-lt', 'residence', 'Ukmergė'],
  ['u-ru', 'birthPlace', 'Литва, г. Вилькомир'],
  ['u-pl', 'birthPlace', 'Wiłkomierz'],
  ['other', 'birthPlace', 'Vilkaviškis'],
];

const collection = {
  ...base,
  records: PEOPLE.map(([id, field, value]) => ({
    ...template,
    id,
    title: `Person ${id}`,
    person: { fullName: `Person ${id}`, [field]: value },
    earliest: null,
    latest: null,
  })),
} as typeof base;
const engine = createSearchEngine(extractDocuments(collection));
const ids = (query: string) =>
  engine
    .search(query, { limit: 100 })
    .hits.map((hit) => hit.id.replace('forms/r/', ''))
    .sort();

describe('place: through the gazetteer', () => {
  it('place:Wilno keeps every form of Vilnius, in any place field', () => {
    expect(ids('place:Wilno')).toEqual(['v-en', 'v-lt', 'v-pl', 'v-ru']);
    expect(ids('place:Vilnius')).toEqual(['v-en', 'v-lt', 'v-pl', 'v-ru']);
  });

  it('place:Ковно keeps every form of Kaunas', () => {
    expect(ids('place:Ковно')).toEqual(['k-lt', 'k-pl', 'k-ru']);
  });

  it('place:Vilkomir keeps every form of Ukmergė', () => {
    expect(ids('place:Vilkomir')).toEqual(['u-lt', 'u-pl', 'u-ru']);
  });

  it('an unrelated place is not matched, and -place: leaves the forms out', () => {
    expect(ids('place:Vilkaviškis')).toEqual(['other']);
    expect(ids('place:Wilno')).not.toContain('other');
    expect(ids('place:Kaunas')).not.toContain('u-ru');
    expect(ids('-place:Wilno kind:person')).toEqual(
      ['k-lt', 'k-pl', 'k-ru', 'other', 'u-lt', 'u-pl', 'u-ru'].sort(),
    );
  });

  it('says the match is another form of the place, and highlights it', () => {
    const hit = engine.search('place:Wilno').hits.find((h) => h.id === 'forms/r/v-ru');
    expect(hit?.equivalents).toEqual([
      expect.objectContaining({ query: 'Wilno', canonical: 'Vilnius', kind: 'place' }),
    ]);
    const original = hit?.document.fields.places?.[0] ?? '';
    const match = hit?.matches.find((m) => m.field === 'places');
    expect(match?.ranges.map(([from, to]) => original.slice(from, to))).toEqual(['Вильно']);
    // As written, it is no equivalence.
    const plain = engine.search('place:Wilno').hits.find((h) => h.id === 'forms/r/v-pl');
    expect(plain?.equivalents).toBeUndefined();
  });
});
