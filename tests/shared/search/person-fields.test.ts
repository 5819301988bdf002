/**
 * Search sees every registry field: the invented fixture lists imported as they would be, then searched
 * by words in any field and by the person field filters.
 */
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '@shared/collection/schema';
import { extractDocuments } from '@shared/search/documents';
import { createSearchEngine } from '@shared/search/engine';
import { parseQuery } from '@shared/search/query';
import { importRegistryFixture as importFixture } from './import-fixture';

const lt = importFixture('lithuanian-style-lt.csv', 'lt-list');
const ru = importFixture('memorial-style-ru.csv', 'ru-list');
const engine = createSearchEngine([...extractDocuments(lt), ...extractDocuments(ru)]);
const people = new Map(
  [lt, ru].flatMap((c) => c.records.map((r) => [`${c.manifest.id}/r/${r.id}`, r as unknown as PersonRecord])),
);
const found = (query: string) =>
  engine.search(query, { limit: 1000 }).hits.map((hit) => people.get(hit.id) as PersonRecord);

describe('every person field is searchable', () => {
  it('finds people by birth place, destination, remarks and other values', () => {
    expect(found('Papilių').some((p) => p.person?.birthPlace?.includes('Papilių'))).toBe(true);
    expect(found('Syktyvkaras').length).toBeGreaterThan(0);
    expect(found('Ивдельлаг').length).toBeGreaterThan(0);
    expect(found('портной').every((p) => p.person?.notes?.includes('портной'))).toBe(true);
    expect(found('šeimos galva').length).toBeGreaterThan(0);
  });
});

describe('person field filters', () => {
  it('born: with a year range keeps people born within it (by any reading of the date)', () => {
    const hits = found('born:1895..1905');
    expect(hits.length).toBeGreaterThan(0);
    for (const p of hits) {
      const cell = p.person?.birthDate;
      const years = [cell?.edtf, ...(cell?.alternatives ?? [])].map((e) => Number(e?.slice(0, 4)));
      expect(
        years.some((y) => y >= 1894 && y <= 1906),
        `${p.title}: ${cell?.text}`,
      ).toBe(true);
    }
    expect(found('born:1871').map((p) => p.person?.birthDate?.text)).toContain(
      '1870 (по другим данным - 1871)',
    );
  });

  it('born: with a place keeps people born there; died: ranges over death dates', () => {
    const kaunas = found('born:Kauno');
    expect(kaunas.length).toBeGreaterThan(0);
    for (const p of kaunas) expect(p.person?.birthPlace).toMatch(/^Kauno/);
    const died = found('died:1942');
    expect(died.length).toBeGreaterThan(0);
    // "ок. 1943" (about 1943) may be 1942: approximate years count one year either way.
    for (const p of died) expect(p.person?.deathDate?.text).toMatch(/1942|ок\. 194[13]/);
  });

  it('fate: by repression type or by the source words; case: brings a family together', () => {
    const exile = found('fate:died-in-exile');
    expect(exile.length).toBeGreaterThan(0);
    for (const p of exile) expect(p.person?.repression?.text).toBe('Mirė tremtyje');
    expect(found('fate:mire').length).toBe(exile.length);
    const family = found('case:B-1007');
    expect(family.length).toBeGreaterThan(1);
    for (const p of family) expect(p.person?.caseNumber).toBe('B-1007');
  });

  it('place: looks in every place of a person; -fate: negates', () => {
    for (const p of found('place:Syktyvkaras')) expect(p.person?.destination).toMatch(/Syktyvkaras/);
    const all = found('collection:lt-list').length;
    expect(
      found('collection:lt-list fate:deported').length + found('collection:lt-list -fate:deported').length,
    ).toBe(all);
  });

  it('archive: matches the archival reference, by parts or whole', () => {
    const person = {
      ...(lt.records[0] as unknown as PersonRecord),
      id: 'p-archive',
      person: {
        fullName: 'Ona Test',
        archivalReference: { archive: 'LYA', fond: 'V-5', opis: '1', delo: '12' },
      },
    };
    const one = createSearchEngine(
      extractDocuments({ ...lt, records: [{ ...person, earliest: null, latest: null }] }),
    );
    expect(one.search('archive:V-5').total).toBe(1);
    expect(one.search('archive:LYA').total).toBe(1);
    expect(one.search('archive:F-1').total).toBe(0);
  });

  it('parses date filters, and says when a range is reversed', () => {
    expect(parseQuery('born:1900..1910 died:Kaunas').filters).toEqual([
      { field: 'born', from: 1900, to: 1910, negated: false },
      { field: 'died', from: null, to: null, place: 'Kaunas', negated: false },
    ]);
    expect(parseQuery('deported:1949..1941').errors.map((e) => e.code)).toEqual(['reversedYears']);
  });
});
