/**
 * The bundled collection as a whole: it loads through the real loader (this is the build-time check run by
 * `npm test`), its citation-integrity report finds exactly the known problems of the seed article, and
 * spot checks of the fact-sheet data hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import type { LoadedCollection } from '@shared/collection/model';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';

let collection: LoadedCollection;
beforeAll(async () => {
  const result = await loadCollectionFromDirectory(BUNDLED_COLLECTION);
  if (!result.ok) {
    const details = (result.error.details as CollectionError[]).map(formatCollectionError).join('\n');
    throw new Error(`${result.error.message}\n${details}`);
  }
  collection = result.value;
});

const record = (id: string) => {
  const r = collection.records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};
const allClaims = () => collection.records.flatMap((r) => r.claims.map((c) => ({ record: r, claim: c })));

describe('bundled collection loads and is consistent', () => {
  it('has the expected manifest', () => {
    expect(collection.manifest).toMatchObject({
      id: 'lt-deportations-1940-1953',
      title: 'Soviet deportations from Lithuania, 1940–1953',
      languages: ['en', 'lt', 'ru'],
      compiledBy: 'Atmintis contributors',
    });
    expect(collection.manifest.synthetic).toBeUndefined();
    expect(collection.texts.map((t) => [t.id, t.language, t.translationOf])).toEqual([
      ['overview', 'en', undefined],
      ['overview-lt', 'lt', 'overview'],
    ]);
  });

  it('traces every claim to the seed article or a fact-sheet row', () => {
    for (const { record: r, claim: c } of allClaims()) {
      expect(c.origin, `${r.id} › ${c.id}`).toMatch(/^(seed|[FDEMN]\d{2})$/);
    }
  });

  it('gives every sourced or as-cited claim a source, and unverified ones a note or a flagged record', () => {
    for (const { record: r, claim: c } of allClaims()) {
      if (c.status !== 'unverified') expect(c.source, `${r.id} › ${c.id}`).toBeDefined();
      else
        expect(
          c.note !== undefined || (r.flags ?? []).some((f) => f.type === 'unverified'),
          `${r.id} › ${c.id}`,
        ).toBe(true);
    }
  });

  it('records no web addresses (none are given by the sources)', () => {
    for (const item of collection.bibliography) expect(item.URL, item.id).toBeUndefined();
  });

  it('has an overview of 1,000–1,800 words', () => {
    const words = (collection.texts[0]?.markdown ?? '')
      .replace(/\]\([a-z]+:[^)]*\)/g, ']')
      .split(/\s+/)
      .filter(Boolean);
    expect(words.length).toBeGreaterThanOrEqual(1000);
    expect(words.length).toBeLessThanOrEqual(1800);
  });
});

describe('citation-integrity report on the seed article', () => {
  it('finds exactly the three known problems', () => {
    const findings = collection.integrity.findings.map(
      ({ kind, sourceRecordId, bibliographyIds, claimIds }) => ({
        kind,
        sourceRecordId,
        bibliographyIds,
        claimIds,
      }),
    );
    expect(findings).toEqual([
      {
        kind: 'run-together-entries',
        sourceRecordId: 'src-balkelis-2026',
        bibliographyIds: ['burauskaite1992', 'kerulis1981'],
        claimIds: [
          'social-farmers-seed',
          'social-former-officials-seed',
          'social-workers-seed',
          'social-housewives-seed',
          'social-teachers-seed',
          'children-under-18-kerulis',
        ],
      },
      {
        kind: 'cited-not-listed',
        sourceRecordId: 'src-balkelis-2026',
        bibliographyIds: ['davoliute2015'],
        claimIds: [
          'ethnic-1941-lithuanians-seed',
          'ethnic-1941-poles-seed',
          'ethnic-1941-jews-seed',
          'ethnic-1941-russians-seed',
        ],
      },
      {
        kind: 'year-mismatch',
        sourceRecordId: 'src-balkelis-2026',
        bibliographyIds: ['kerulis1981'],
        claimIds: ['children-under-18-kerulis'],
      },
    ]);
    for (const f of collection.integrity.findings) expect(f.message.length).toBeGreaterThan(20);
  });

  it('keeps the reference list as printed, one entry per printed line', () => {
    const src = record('src-balkelis-2026');
    expect(src.kind === 'source' && src.citationData?.referenceList).toEqual([
      'Anušauskas, A. (2012) Teroras, 1940-1958. Vilnius: Versus Aureus',
      'Burauskaitė, B.(ed.) (1992) Lietuvos Gyventojų Genocidas. Volume I.VilniusKerulis, L. (1981) A Registry of Deported Lithuanians. Chicago',
      'Zemskov, V. N. (1991) “Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954-1960” in Sociologicheskie issledovania, No. 1. Moscow',
    ]);
  });
});

describe('fact-sheet spot checks', () => {
  it('keeps every competing Operation Vesna total with its own source', () => {
    const totals = record('op-vesna')
      .claims.filter((c) => c.unit === 'people' && c.counts.startsWith('people deported in Operation Vesna'))
      .map((c) => [c.value, c.source, c.locator ?? null, c.status]);
    expect(totals).toEqual([
      [40002, 'kaisiadorys-encyclopedia', null, 'sourced'],
      [40002, 'time-note', null, 'as-cited'],
      [39766, 'mgb-report-vesna', null, 'as-cited'],
      [39766, 'bugai1992', 'p. 205', 'sourced'],
      [47534, 'motyka2018', null, 'sourced'],
      [49331, 'wikipedia-unspecified', null, 'sourced'],
      [48000, 'llma', null, 'sourced'],
      [36932, 'newsland', null, 'unverified'],
    ]);
    expect(record('op-vesna').altNames.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Весна', 'Pavasaris', 'Spring']),
    );
  });

  it('keeps the June 1941 totals, outliers included', () => {
    const values = record('op-june-1941').claims.map((c) => c.value);
    expect(values).toEqual([17500, 17500, 17500, 17485, 17600, 18500, 18500, 34260, 36000]);
    expect(record('op-june-1941').claims.find((c) => c.value === 34260)).toMatchObject({
      source: 'lithuanian-red-cross',
      status: 'as-cited',
      via: 'encyclopedia-lituanica',
    });
  });

  it('marks approximate coordinates unverified, D12 with low confidence', () => {
    for (const id of ['place-trofimovsk', 'place-tit-ary']) {
      const r = record(id);
      expect(r.kind === 'place' && r.coordinates?.status).toBe('unverified');
      expect((r.flags ?? []).map((f) => f.type)).toEqual(['unverified', 'low-confidence']);
    }
    for (const id of ['place-irkutsk', 'place-tomsk', 'place-syktyvkar', 'place-novosibirsk']) {
      const r = record(id);
      expect(r.kind === 'place' && r.coordinates?.status).toBe('unverified');
    }
    const bykov = record('place-bykov-mys');
    expect(bykov.kind === 'place' && bykov.coordinates).toMatchObject({
      lat: 71.99555,
      lon: 129.112701,
      status: 'sourced',
      source: 'fusion-table',
    });
  });

  it('has a place record with coordinates for every fact-sheet destination row', () => {
    const withCoordinates = collection.records.filter((r) => r.kind === 'place' && r.coordinates);
    const rows = new Set(withCoordinates.flatMap((r) => r.origin ?? []).filter((o) => /^D\d{2}$/.test(o)));
    expect([...rows].sort()).toEqual(
      Array.from({ length: 14 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
    );
  });

  it.each(['op-waves-1945-1946', 'op-wave-1947-1948', 'op-1952', 'op-north'])(
    '%s ([UNVERIFIED] row) is flagged and its claims are unverified',
    (id) => {
      const r = record(id);
      expect((r.flags ?? []).some((f) => f.type === 'unverified')).toBe(true);
      expect(r.claims.length).toBeGreaterThan(0);
      for (const c of r.claims) expect(c.status).toBe('unverified');
    },
  );

  it('gives Krasnoyarsk Krai its Lithuanian and Russian names', () => {
    expect(record('place-krasnoyarsk-krai').altNames.map((n) => [n.name, n.lang])).toEqual([
      ['Krasnojarsko kraštas', 'lt'],
      ['Красноярский край', 'ru'],
    ]);
  });

  it('keeps the memoir metadata exactly as given', () => {
    expect(collection.bibliography.find((b) => b.id === 'grinkeviciute2018')).toMatchObject({
      title: 'Shadows on the Tundra',
      translator: [{ family: 'Valiukenas', given: 'Delija' }],
      publisher: 'Peirene Press',
      'number-of-pages': 192,
      ISBN: '978-1-908670-44-1',
      issued: { 'date-parts': [[2018]] },
    });
    expect(record('person-dalia-grinkeviciute').flags?.[0]?.type).toBe('unresolved');
  });

  it('keeps the still-in-exile figure and its page', () => {
    expect(record('stat-still-in-exile-1953').claims[0]).toMatchObject({
      value: 98000,
      source: 'anusauskas-ru',
      locator: 'p. 93',
      date: '1953-01-01',
    });
  });
});
