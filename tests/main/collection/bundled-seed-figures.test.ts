/**
 * Every figure, percentage, date and period stated in the seed article (Balkelis 2026), checked against the
 * bundled collection as loaded by the real loader. One row per statement; a wrong value, unit, source,
 * locator or status in the JSON makes the row fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import type { LoadedCollection } from '@shared/collection/model';
import type { Claim } from '@shared/collection/schema';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';

const SEED = 'balkelis2026';

let collection: LoadedCollection;
beforeAll(async () => {
  const result = await loadCollectionFromDirectory(BUNDLED_COLLECTION);
  if (!result.ok)
    throw new Error(`${result.error.message}\n${JSON.stringify(result.error.details, null, 2)}`);
  collection = result.value;
});

const record = (id: string) => {
  const r = collection.records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};
const claim = (recordId: string, claimId: string): Claim => {
  const c = record(recordId).claims.find((x) => x.id === claimId);
  if (!c) throw new Error(`no claim ${claimId} in ${recordId}`);
  return c;
};

type Figure = { value: number } | { min: number; max: number };
interface FigureRow {
  what: string;
  record: string;
  claim: string;
  figure: Figure;
  unit: string;
  source: string;
  locator: string | null;
  status: 'sourced' | 'as-cited';
  qualifier?: string;
  date?: string;
}

const cited = (source: string, locator: string) => ({ source, locator, status: 'as-cited' as const });
const uncited = { source: SEED, locator: null, status: 'sourced' as const };
const ANUS = cited('anusauskas2012', 'p. 279; p. 268');
const DAV = cited('davoliute2015', 'p. 134');
const BUR = cited('burauskaite1992', 'pp. 782-784');

const figures: FigureRow[] = [
  {
    what: '~130,000 deported 1940–1958',
    record: 'ev-soviet-deportations-lithuania',
    claim: 'overall-deported-seed',
    figure: { value: 130000 },
    unit: 'people',
    qualifier: 'about',
    date: '1940/1958',
    ...ANUS,
  },
  {
    what: '~4.5% of the population',
    record: 'ev-soviet-deportations-lithuania',
    claim: 'overall-population-share-seed',
    figure: { value: 4.5 },
    unit: 'percent',
    qualifier: 'about',
    date: '1940/1958',
    ...ANUS,
  },
  {
    what: '~20,000 perished in exile',
    record: 'ev-soviet-deportations-lithuania',
    claim: 'overall-perished-seed',
    figure: { value: 20000 },
    unit: 'people',
    qualifier: 'about',
    date: '1940/1958',
    ...ANUS,
  },
  {
    what: 'June 1941: ~17,500 deported',
    record: 'op-june-1941',
    claim: 'june1941-total-seed',
    figure: { value: 17500 },
    unit: 'people',
    qualifier: 'about',
    date: '1941-06-14/1941-06-19',
    ...uncited,
  },
  {
    what: '34 separate deportations 1945–1953',
    record: 'ev-postwar-deportations',
    claim: 'postwar-deportations-count-seed',
    figure: { value: 34 },
    unit: 'deportations',
    date: '1945/1953',
    ...uncited,
  },
  {
    what: '~112,000 affected after 1944',
    record: 'ev-postwar-deportations',
    claim: 'postwar-affected-seed',
    figure: { value: 112000 },
    unit: 'people',
    qualifier: 'about',
    ...uncited,
  },
  {
    what: 'at least four categories of victims',
    record: 'stat-victim-categories',
    claim: 'victim-categories-count-seed',
    figure: { value: 4 },
    unit: 'categories',
    qualifier: 'at-least',
    ...uncited,
  },
  {
    what: '1941: 70% Lithuanians',
    record: 'stat-1941-ethnic-composition',
    claim: 'ethnic-1941-lithuanians-seed',
    figure: { value: 70 },
    unit: 'percent',
    qualifier: 'about',
    date: '1941',
    ...DAV,
  },
  {
    what: '1941: 18% Poles',
    record: 'stat-1941-ethnic-composition',
    claim: 'ethnic-1941-poles-seed',
    figure: { value: 18 },
    unit: 'percent',
    date: '1941',
    ...DAV,
  },
  {
    what: '1941: 9% Jews',
    record: 'stat-1941-ethnic-composition',
    claim: 'ethnic-1941-jews-seed',
    figure: { value: 9 },
    unit: 'percent',
    date: '1941',
    ...DAV,
  },
  {
    what: '1941: 2% Russians',
    record: 'stat-1941-ethnic-composition',
    claim: 'ethnic-1941-russians-seed',
    figure: { value: 2 },
    unit: 'percent',
    date: '1941',
    ...DAV,
  },
  {
    what: 'farmers 29%',
    record: 'stat-social-groups',
    claim: 'social-farmers-seed',
    figure: { value: 29 },
    unit: 'percent',
    ...BUR,
  },
  {
    what: 'former state officials 17%',
    record: 'stat-social-groups',
    claim: 'social-former-officials-seed',
    figure: { value: 17 },
    unit: 'percent',
    ...BUR,
  },
  {
    what: 'workers 14%',
    record: 'stat-social-groups',
    claim: 'social-workers-seed',
    figure: { value: 14 },
    unit: 'percent',
    ...BUR,
  },
  {
    what: 'housewives 11%',
    record: 'stat-social-groups',
    claim: 'social-housewives-seed',
    figure: { value: 11 },
    unit: 'percent',
    ...BUR,
  },
  {
    what: 'teachers 9%',
    record: 'stat-social-groups',
    claim: 'social-teachers-seed',
    figure: { value: 9 },
    unit: 'percent',
    ...BUR,
  },
  {
    what: '~30,700 children under 18 (Zemskov)',
    record: 'stat-children-and-women',
    claim: 'children-under-18-zemskov',
    figure: { value: 30700 },
    unit: 'people',
    qualifier: 'about',
    ...cited('zemskov1991', 'pp. 5-26'),
  },
  {
    what: '~30,700 children under 18 (Kerulis)',
    record: 'stat-children-and-women',
    claim: 'children-under-18-kerulis',
    figure: { value: 30700 },
    unit: 'people',
    qualifier: 'about',
    ...cited('kerulis1981', 'p. 518'),
  },
  {
    what: '11,000–16,500 died in exile 1945–1952',
    record: 'ev-postwar-deportations',
    claim: 'postwar-died-in-exile-seed',
    figure: { min: 11000, max: 16500 },
    unit: 'people',
    date: '1945/1952',
    ...cited('anusauskas2012', 'p. 266'),
  },
];

describe('seed article figures in the bundled collection', () => {
  it.each(figures.map((f) => [f.what, f] as const))('%s', (_what, f) => {
    const c = claim(f.record, f.claim);
    if ('value' in f.figure) {
      expect(c.value).toBe(f.figure.value);
      expect(c.min).toBeUndefined();
    } else {
      expect([c.min, c.max]).toEqual([f.figure.min, f.figure.max]);
      expect(c.value).toBeUndefined();
    }
    expect(c.unit).toBe(f.unit);
    expect(c.source).toBe(f.source);
    expect(c.locator ?? null).toBe(f.locator);
    expect(c.status).toBe(f.status);
    expect(c.via).toBe(f.status === 'as-cited' ? SEED : undefined);
    expect(c.qualifier).toBe(f.qualifier);
    expect(c.date).toBe(f.date);
    expect(c.origin).toBe('seed');
  });

  it('notes the page ambiguity of "p. 279; p. 268" on each claim that carries it', () => {
    for (const id of ['overall-deported-seed', 'overall-population-share-seed', 'overall-perished-seed']) {
      expect(claim('ev-soviet-deportations-lithuania', id).note).toContain('without saying which page');
    }
  });
});

/** Dates and periods the article states, on records that cite the article. */
const dates: [what: string, record: string, date: string][] = [
  ['Molotov–Ribbentrop Pact, 23 August 1939', 'ev-molotov-ribbentrop-pact', '1939-08-23'],
  ['first occupation 1940–1941', 'ev-first-soviet-occupation', '1940/1941'],
  ['deportations 1940–1958 (overall)', 'ev-soviet-deportations-lithuania', '1940/1958'],
  ['June 1941 operation, 14–19 June', 'op-june-1941', '1941-06-14/1941-06-19'],
  ['German invasion, 22 June 1941', 'ev-german-invasion-1941', '1941-06-22'],
  ['Soviet re-occupation, 1944', 'ev-soviet-reoccupation-1944', '1944'],
  ['post-war deportations 1945–1953', 'ev-postwar-deportations', '1945/1953'],
  ['major operations 1945–47', 'ev-postwar-wave-1945-1947', '1945/1947'],
  ['major operations 1948–49', 'ev-postwar-wave-1948-1949', '1948/1949'],
  ['campaigns 1951–52', 'ev-postwar-wave-1951-1952', '1951/1952'],
  ['elites the prime targets 1940–41', 'group-elites', '1940/1941'],
  ['kulaks targeted especially 1948–49', 'group-kulaks', '1948/1949'],
  ["return after Stalin's death in 1953", 'ev-stalin-death-1953', '1953-03-05'],
  ['majority returned in the Khrushchev era 1953–1964', 'ev-khrushchev-era-returns', '1953/1964'],
  ['some returned only in the 1980s', 'ev-late-returns-1980s', '198X'],
  ['re-establishment of independence, 1990', 'ev-act-of-reestablishment-1990', '1990-03-11'],
  ['article published 8 January 2026', 'src-balkelis-2026', '2026-01-08'],
  ['photograph of a Siberian village, circa 1952', 'src-balkelis-2026-photo', '1952~'],
  ['related post, 18 December 2025', 'src-mussington-2025', '2025-12-18'],
  ['related post, 4 December 2025', 'src-fernando-2025', '2025-12-04'],
  ['related post, 20 November 2025', 'src-awkal-diab-2025', '2025-11-20'],
];

describe('seed article dates and periods in the bundled collection', () => {
  it.each(dates)('%s', (_what, id, date) => {
    const r = record(id);
    expect(r.date).toBe(date);
    expect(r.citations.some((c) => c.source === SEED)).toBe(true);
    expect(r.earliest).not.toBeNull();
  });

  it('computes filter bounds for the article dates', () => {
    expect(record('op-june-1941')).toMatchObject({ earliest: '1941-06-14', latest: '1941-06-19' });
    expect(record('ev-late-returns-1980s')).toMatchObject({ earliest: '1980-01-01', latest: '1989-12-31' });
    expect(record('src-balkelis-2026-photo')).toMatchObject({ earliest: '1951-01-01', latest: '1953-12-31' });
  });
});

describe('places, groups and organisations named in the seed article', () => {
  it.each([
    'place-lithuania',
    'place-latvia',
    'place-estonia',
    'place-baltic-states',
    'place-eastern-poland',
    'place-moldova',
    'place-northern-bukovina',
    'place-soviet-union',
    'place-siberia',
    'place-northern-russia',
    'place-arctic',
    'place-vilnius',
    'group-elites',
    'group-kulaks',
    'group-partisan-supporters',
    'group-ethnic-minorities',
    'group-forest-brothers',
    'org-nkvd',
    'org-gulag',
    'org-lithuanian-institute-of-history',
    'org-researching-internal-displacement',
    'person-tomas-balkelis',
  ])('%s cites the article', (id) => {
    expect(record(id).citations.some((c) => c.source === SEED)).toBe(true);
  });

  it('keeps the NKVD with its Cyrillic name', () => {
    expect(record('org-nkvd').labels.ru).toBe('НКВД');
  });

  it('describes the article and its author from the article', () => {
    const bib = collection.bibliography.find((b) => b.id === SEED);
    expect(bib).toMatchObject({
      type: 'post-weblog',
      title: 'The Mass Deportations of Lithuanians during the Two Soviet Occupations',
      author: [{ family: 'Balkelis', given: 'Tomas' }],
      issued: { 'date-parts': [[2026, 1, 8]] },
      publisher: 'Researching Internal Displacement',
      keyword: 'Lithuania, Exile, Deportation, Soviet Union, Displacement',
    });
    expect(bib?.URL).toBeUndefined();
    for (const [id, title, publisher, year] of [
      ['balkelis2009', 'The Making of Modern Lithuania', 'Routledge', 2009],
      ['balkelis2018', 'War, Revolution and Nation-Making in Lithuania, 1914–1923', 'Oxford', 2018],
      ['balkelis-etal2016', 'Population Displacement in Lithuania in the 20th Century', 'Brill', 2016],
    ] as const) {
      expect(collection.bibliography.find((b) => b.id === id)).toMatchObject({
        title,
        publisher,
        issued: { 'date-parts': [[year]] },
      });
    }
  });

  it('records the three other posts without inventing titles', () => {
    for (const id of ['mussington2025', 'fernando2025', 'awkal-diab2025']) {
      const bib = collection.bibliography.find((b) => b.id === id);
      expect(bib?.title).toBeUndefined();
      expect(bib?.URL).toBeUndefined();
      expect(bib?.note).toContain('Title not recorded');
    }
  });

  it('keeps the cited works with only the metadata the article gives', () => {
    const byId = (id: string) => collection.bibliography.find((b) => b.id === id);
    expect(byId('anusauskas2012')).toMatchObject({
      title: 'Teroras, 1940–1958',
      publisher: 'Versus Aureus',
      'publisher-place': 'Vilnius',
    });
    expect(byId('burauskaite1992')).toMatchObject({
      editor: [{ family: 'Burauskaitė', given: 'B.' }],
      volume: 'I',
    });
    expect(byId('kerulis1981')).toMatchObject({
      issued: { 'date-parts': [[1981]] },
      'publisher-place': 'Chicago',
    });
    expect(byId('zemskov1991')).toMatchObject({
      'container-title': 'Sociologicheskie issledovania',
      issue: '1',
      page: '5-26',
    });
    const davoliute = byId('davoliute2015');
    expect(davoliute).toMatchObject({
      author: [{ family: 'Davoliūtė' }],
      issued: { 'date-parts': [[2015]] },
    });
    expect(davoliute?.title).toBeUndefined();
  });
});
