import { describe, expect, it } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import type { IntegrityFinding } from '@shared/collection/integrity';
import {
  citingRecordsIndex,
  filterEntries,
  findingsIndex,
  shortLabel,
  sortEntries,
  typeCounts,
} from '../../../src/renderer/src/bibliography/model';
import { record } from '../browse/fixtures';

// Real works as the bundled collection records them, and plainly fictional ones ("Test …").
const ANUSAUSKAS: CslItem = {
  id: 'anusauskas2012',
  type: 'book',
  author: [{ family: 'Anušauskas', given: 'A.' }],
  title: 'Teroras, 1940–1958',
  issued: { 'date-parts': [[2012]] },
};
const BURAUSKAITE: CslItem = {
  id: 'burauskaite1992',
  type: 'book',
  editor: [{ family: 'Burauskaitė', given: 'B.' }],
  title: 'Lietuvos gyventojų genocidas',
  issued: { 'date-parts': [[1992]] },
};
const ZEMSKOV: CslItem = {
  id: 'zemskov1991',
  type: 'article-journal',
  author: [{ family: 'Zemskov', given: 'V. N.' }],
  title: 'Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960',
  'container-title': 'Sociologicheskie issledovania',
  issued: { 'date-parts': [[1991]] },
};
const UNDATED_SITE: CslItem = { id: 'test-site', type: 'webpage', title: 'A Test Site' };
const MANY_AUTHORS: CslItem = {
  id: 'test-many',
  type: 'book',
  author: [{ family: 'Testone' }, { family: 'Testtwo' }, { literal: 'Test Institute' }],
  title: 'Test Volume',
  issued: { 'date-parts': [[2000]] },
};
const ALL = [ZEMSKOV, UNDATED_SITE, ANUSAUSKAS, MANY_AUTHORS, BURAUSKAITE];
const collator = new Intl.Collator('en');
const ids = (items: CslItem[]) => items.map((item) => item.id);

describe('bibliography list model', () => {
  it('searches without regard to diacritics or case, every word must match', () => {
    expect(ids(filterEntries(ALL, { type: 'all', text: 'anusauskas' }))).toEqual(['anusauskas2012']);
    expect(ids(filterEntries(ALL, { type: 'all', text: 'GYVENTOJU genocidas' }))).toEqual([
      'burauskaite1992',
    ]);
    expect(ids(filterEntries(ALL, { type: 'all', text: 'issledovania 1991' }))).toEqual(['zemskov1991']);
    expect(ids(filterEntries(ALL, { type: 'all', text: 'genocidas 2012' }))).toEqual([]);
    expect(filterEntries(ALL, { type: 'all', text: '  ' })).toHaveLength(ALL.length);
  });

  it('filters by type', () => {
    expect(ids(filterEntries(ALL, { type: 'book', text: '' }))).toEqual([
      'anusauskas2012',
      'test-many',
      'burauskaite1992',
    ]);
    expect(typeCounts(ALL)).toEqual([
      ['book', 3],
      ['article-journal', 1],
      ['webpage', 1],
    ]);
  });

  it('sorts by author (editors when there is none), works without one last', () => {
    expect(ids(sortEntries(ALL, { key: 'author', direction: 'ascending' }, collator))).toEqual([
      'anusauskas2012',
      'burauskaite1992',
      'test-many',
      'zemskov1991',
      'test-site',
    ]);
    expect(ids(sortEntries(ALL, { key: 'author', direction: 'descending' }, collator))[0]).toBe(
      'zemskov1991',
    );
  });

  it('sorts by year either way, undated works last', () => {
    expect(ids(sortEntries(ALL, { key: 'year', direction: 'ascending' }, collator))).toEqual([
      'zemskov1991',
      'burauskaite1992',
      'test-many',
      'anusauskas2012',
      'test-site',
    ]);
    expect(ids(sortEntries(ALL, { key: 'year', direction: 'descending' }, collator))).toEqual([
      'anusauskas2012',
      'test-many',
      'burauskaite1992',
      'zemskov1991',
      'test-site',
    ]);
  });

  it('sorts by title', () => {
    expect(ids(sortEntries(ALL, { key: 'title', direction: 'ascending' }, collator))).toEqual([
      'test-site',
      'burauskaite1992',
      'zemskov1991',
      'anusauskas2012',
      'test-many',
    ]);
  });

  it('labels works briefly', () => {
    const editedBy = (names: string) => `${names} (ed.)`;
    expect(shortLabel(ANUSAUSKAS, editedBy)).toBe('Anušauskas 2012');
    expect(shortLabel(BURAUSKAITE, editedBy)).toBe('Burauskaitė (ed.) 1992');
    expect(shortLabel(MANY_AUTHORS, editedBy)).toBe('Testone et al. 2000');
    expect(shortLabel(UNDATED_SITE, editedBy)).toBe('A Test Site');
  });
});

describe('records citing a work and the source notes concerning it', () => {
  const records = [
    record({
      id: 'test-event',
      kind: 'event',
      claims: [
        {
          id: 'test-claim',
          value: 1,
          unit: 'people',
          counts: 'test count',
          source: 'anusauskas2012',
          locator: 'p. 266',
          via: 'test-site',
          status: 'as-cited',
        },
        {
          id: 'test-joint-claim',
          value: 2,
          unit: 'people',
          counts: 'test count',
          source: 'zemskov1991',
          jointSources: ['burauskaite1992'],
          status: 'sourced',
        },
      ],
      citations: [{ source: 'burauskaite1992', locator: 'p. 5', status: 'sourced' }],
    }),
    record({
      id: 'test-place',
      kind: 'place',
      summary: 'Test summary citing [Test](cite:zemskov1991#p.7).',
    }),
  ];

  it('finds claims, joint sources, the work cited through, record citations and summary links', () => {
    const index = citingRecordsIndex({ records });
    expect(index.get('anusauskas2012')?.map((entry) => [entry.record.id, entry.claimIds])).toEqual([
      ['test-event', ['test-claim']],
    ]);
    expect(index.get('anusauskas2012')?.[0]?.references).toEqual([
      { source: 'anusauskas2012', locator: 'p. 266', via: 'test-site' },
    ]);
    // The work a claim is known through is cited by it too.
    expect(index.get('test-site')?.[0]?.claimIds).toEqual(['test-claim']);
    expect(index.get('burauskaite1992')?.[0]?.claimIds).toEqual(['test-joint-claim']);
    expect(index.get('burauskaite1992')?.[0]?.references).toContainEqual({
      source: 'burauskaite1992',
      locator: 'p. 5',
      via: undefined,
    });
    expect(index.get('zemskov1991')?.map((entry) => entry.record.id)).toEqual(['test-event', 'test-place']);
    expect(index.get('zemskov1991')?.[1]?.references).toEqual([
      { source: 'zemskov1991', locator: 'p. 7', via: undefined },
    ]);
    expect(index.has('test-many')).toBe(false);
  });

  it('files each finding under every work it concerns, once', () => {
    const finding: IntegrityFinding = {
      kind: 'cited-not-listed',
      sourceRecordId: 'test-source',
      bibliographyIds: ['anusauskas2012', 'zemskov1991', 'anusauskas2012'],
      claimIds: [],
      message: 'Test message.',
    };
    const index = findingsIndex([finding]);
    expect(index.get('anusauskas2012')).toEqual([finding]);
    expect(index.get('zemskov1991')).toEqual([finding]);
    expect(index.get('burauskaite1992')).toBeUndefined();
  });
});
