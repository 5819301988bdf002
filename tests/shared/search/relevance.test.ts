/**
 * The relevance table: each query must bring the named document into the top 3 of the bundled
 * collection. Covers misspellings, missing diacritics, Cyrillic ↔ Latin, Lithuanian terms, operation
 * code names in three languages, bibliography authors with and without diacritics, and years.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { extractDocuments } from '@shared/search/documents';
import { createSearchEngine, type SearchEngine } from '@shared/search/engine';
import { REGISTRY, registryDocuments } from './registry-fixture';

const COLLECTION = 'lt-deportations-1940-1953';
const dir = resolve(import.meta.dirname, '../../../resources/collections', COLLECTION);

/** [query, expected document (r/ record, b/ bibliography entry, t/ text section)] */
const TABLE: Record<string, readonly (readonly [string, string])[]> = {
  'misspellings (1–2 edits)': [
    ['Krasnoyrsk', 'r/place-krasnoyarsk'],
    ['Dalia Grinkevicute', 'r/person-dalia-grinkeviciute'],
    ['Zemskv', 'b/zemskov1991'],
    ['Vesnaa', 'r/op-vesna'],
    ['Stailn', 'r/person-stalin'],
    ['Kruglv', 'r/person-kruglov'],
    ['Yumatvo', 'r/place-yumatovo'],
    ['Trofimovks', 'r/place-trofimovsk'],
    ['Molotov Ribentrop', 'r/ev-molotov-ribbentrop-pact'],
    ['Igarkka', 'r/place-igarka'],
  ],
  'missing diacritics': [
    ['Snieckus', 'r/person-snieckus'],
    ['Luksa', 'r/person-juozas-luksa'],
    ['Grinkeviciute', 'r/person-dalia-grinkeviciute'],
    ['Lietuvos gyventoju tremimai', 'r/ev-soviet-deportations-lithuania'],
    ['Bangu musa', 'r/op-priboi'],
    ['Laptevu jura', 'r/place-laptev-sea'],
  ],
  'Cyrillic queries for Latin records': [
    ['Красноярск', 'r/place-krasnoyarsk'],
    ['Сталин', 'r/person-stalin'],
    ['Берия', 'r/person-beria'],
    ['Земсков', 'b/zemskov1991'],
    ['Лукша', 'r/person-juozas-luksa'],
    ['Иркутск', 'r/place-irkutsk'],
    ['Барнаул', 'r/place-barnaul'],
    ['Норильск', 'r/place-norilsk'],
    ['Гринкявичюте', 'r/person-dalia-grinkeviciute'],
    ['НКВД', 'r/org-nkvd'],
  ],
  'Latin queries for Cyrillic names': [
    ['spetsposelentsy', 'r/group-special-settlers'],
    ['vysylka', 'r/ev-soviet-deportations-lithuania'],
    ['kulaki', 'r/group-kulaks'],
    ['Yakov Edunov', 'r/person-yakov-yedunov'],
    ['Bykovskiy mys', 'r/place-bykov-mys'],
    ['Krasnojarskas', 'r/place-krasnoyarsk'],
    ['NKVD', 'r/org-nkvd'],
  ],
  'Lithuanian terms': [
    ['tremtiniai', 'r/ev-soviet-deportations-lithuania'],
    ['miško broliai', 'r/group-forest-brothers'],
    ['misko broliai', 'r/group-forest-brothers'],
    ['buožės', 'r/group-kulaks'],
    ['buozes', 'r/group-kulaks'],
    ['žaliukai', 'r/group-forest-brothers'],
    ['juodasis birželis', 'r/op-june-1941'],
  ],
  'operation code names in three languages': [
    ['Vesna', 'r/op-vesna'],
    ['Весна', 'r/op-vesna'],
    ['Pavasaris', 'r/op-vesna'],
    ['Priboi', 'r/op-priboi'],
    ['Прибой', 'r/op-priboi'],
    ['Bangų mūša', 'r/op-priboi'],
    ['Osen', 'r/op-osen'],
    ['Осень', 'r/op-osen'],
    ['Ruduo', 'r/op-osen'],
  ],
  'bibliography authors with and without diacritics': [
    ['Anušauskas', 'b/anusauskas2012'],
    ['Anusauskas', 'b/anusauskas2012'],
    ['Burauskaitė', 'b/burauskaite1992'],
    ['Burauskaite', 'b/burauskaite1992'],
    ['Kasauskiene', 'b/kasauskiene1998'],
    ['Davoliute', 'b/davoliute2015'],
    ['Vinciuniene', 'b/gargzdai-lt'],
    ['Balkelis 2005', 'b/balkelis2005'],
    ['Grinkevičiūtė 2018', 'b/grinkeviciute2018'],
  ],
  years: [
    ['March 1949', 'r/op-priboi'],
    ['Osen 1951', 'r/op-osen'],
    ['year:1948 Vesna', 'r/op-vesna'],
    ['kind:place year:1942', 'r/place-bykov-mys'],
    ['amnesty 1953', 'r/ev-amnesty-1953'],
    ['Altai 1941', 'r/stat-altai-1941-arrivals'],
    ['1990 re-establishment', 'r/ev-act-of-reestablishment-1990'],
  ],
  'long texts': [['reference list garbled', 't/overview#a-note-on-the-sources']],
  'historical and other-language forms': [
    ['Wilno', 'r/place-vilnius'],
    ['Вильно', 'r/place-vilnius'],
    ['Vilne', 'r/place-vilnius'],
    ['Иосиф Лукша', 'r/person-juozas-luksa'],
    ['Józef Łuksza', 'r/person-juozas-luksa'],
    ['Sibiras', 'r/place-siberia'],
    ['Syberia', 'r/place-siberia'],
    ['Sibirien', 'r/place-siberia'],
  ],
};

/**
 * Across languages, over an invented registry (registry-fixture.ts): Russian clerks' records found by
 * present-day, Polish, German and Yiddish place forms, Lithuanian given names with Lithuanian surname
 * endings, and Polish spellings of Russian-recorded surnames. [query, expected person]
 */
const REGISTRY_TABLE: Record<string, readonly (readonly [string, string])[]> = {
  'historical place forms': [
    ['Kazlauskas Vilnius', 'p01'],
    ['Kazlauskas Wilno', 'p01'],
    ['Kazlauskas Vilne', 'p01'],
    ['Kazlauskas ווילנע', 'p01'],
    ['Jankauskiene Kaunas', 'p02'],
    ['Jankauskienė Kowno', 'p02'],
    ['Jankauskiene Kauen', 'p02'],
    ['Šimkus Ukmergė', 'p03'],
    ['Simkus Wiłkomierz', 'p03'],
    ['Petrauskaitė Šiauliai', 'p04'],
    ['Petrauskaite Szawle', 'p04'],
    ['Petrauskaite Schaulen', 'p04'],
    ['Войцеховский Vilnius', 'p05'],
    ['Lukšienė Panevėžys', 'p06'],
    ['Luksiene Poniewież', 'p06'],
    ['Žukauskas Telšiai', 'p08'],
    ['Zukauskas Telsze', 'p08'],
    ['Sakalauskaitė Raseiniai', 'p09'],
    ['Sakalauskaite Rosienie', 'p09'],
    ['Szymański Trakai', 'p10'],
    ['Grinius Marijampolė', 'p11'],
    ['Butėnas Klaipėda', 'p12'],
    ['Vaitkus Alytus', 'p14'],
    ['Urbonienė Biržai', 'p15'],
    ['Navickas Rokiškis', 'p16'],
    ['Mažeika Zarasai', 'p17'],
    ['Stankevičius Jurbarkas', 'p18'],
    ['Gudaitė Utena', 'p19'],
    ['Bartkus Tauragė', 'p20'],
  ],
  'given-name equivalents with Lithuanian surname endings': [
    ['Jonas Kazlauskas', 'p01'],
    ['Ona Jankauskienė', 'p02'],
    ['Jurgis Šimkus', 'p03'],
    ['Marija Petrauskaitė', 'p04'],
    ['Jadvyga Lukšienė', 'p06'],
    ['Mykolas Žukauskas', 'p08'],
    ['Elžbieta Sakalauskaitė', 'p09'],
    ['Juozas Šimanskis', 'p10'],
    ['Antanas Grinius', 'p11'],
    ['Vladas Butėnas', 'p12'],
    ['Abraomas Talevičius', 'p13'],
    ['Kazimieras Vaitkus', 'p14'],
    ['Kotryna Urbonienė', 'p15'],
    ['Jurgis Navickas', 'p16'],
    ['Povilas Stankevičius', 'p18'],
    ['Zofija Gudaitė', 'p19'],
    ['Jonas Bartkus', 'p20'],
    ['Kazlauskas Petras', 'p01'],
    ['Šimkus Antanas', 'p03'],
  ],
  'Polish and German spellings of Russian-recorded names': [
    ['Wojciechowski', 'p05'],
    ['Stanisław Wojciechowski', 'p05'],
    ['Szymański', 'p10'],
    ['Szymanski Troki', 'p10'],
    ['Mickiewicz', 'p07'],
    ['Piotr Mickiewicz', 'p07'],
    ['Talewicz', 'p13'],
    ['Talewicz Kaunas', 'p13'],
    ['Butenas Memel', 'p12'],
    ['Grinius Mariampol', 'p11'],
  ],
};

let engine: SearchEngine;
const registry = createSearchEngine(registryDocuments());

beforeAll(async () => {
  const loaded = await loadCollectionFromDirectory(dir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  engine = createSearchEngine(extractDocuments(loaded.value));
});

describe('relevance table across languages (invented registry, expected person in the top 3)', () => {
  it('has at least 40 queries', () => {
    expect(Object.values(REGISTRY_TABLE).flat().length).toBeGreaterThanOrEqual(40);
  });

  for (const [group, rows] of Object.entries(REGISTRY_TABLE)) {
    describe(group, () => {
      it.each(rows)('%s → %s', (query, expected) => {
        const top = registry.search(query, { limit: 3 }).hits.map((hit) => hit.id);
        expect(top).toContain(`${REGISTRY}/r/${expected}`);
      });
    });
  }
});

describe('relevance table (bundled collection, expected document in the top 3)', () => {
  it('has at least 40 queries', () => {
    expect(Object.values(TABLE).flat().length).toBeGreaterThanOrEqual(40);
  });

  for (const [group, rows] of Object.entries(TABLE)) {
    describe(group, () => {
      it.each(rows)('%s → %s', (query, expected) => {
        const top = engine.search(query, { limit: 3 }).hits.map((hit) => hit.id.slice(COLLECTION.length + 1));
        expect(top).toContain(expected);
      });
    });
  }
});
