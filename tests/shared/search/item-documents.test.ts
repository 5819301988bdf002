import { describe, expect, it } from 'vitest';
import type { Item } from '@shared/photos/item';
import { createSearchEngine } from '@shared/search/engine';
import { parseQuery } from '@shared/search/query';
import { itemHitPhoto, itemHitThumbnail, itemPath, itemSearchDocument } from '@shared/search/item-documents';

const sha = 'a'.repeat(64);
const otherSha = 'b'.repeat(64);

// Example values only (the form a user types from an archive's finding aid), no historical claims.
const archivalFile: Item = {
  id: 'item-1',
  template: 'archival-file',
  title: 'Tremties byla',
  metadata: {
    archive: 'LYA',
    fond: 'K-1',
    opis: '58',
    delo: '12345',
    sheets: '1–18',
    date: '1948-05',
    language: 'rusų',
    creator: 'Kauno apskrities skyrius',
  },
  fields: [
    { name: 'Pastaba', value: 'sąrašas su parašais' },
    { name: 'Tuščias', value: '' },
  ],
  photos: [
    { sha256: sha, page: 2 },
    { sha256: otherSha, page: 0 },
  ],
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

const untitledDocument: Item = {
  id: 'item-2',
  template: 'document',
  title: '',
  metadata: { fond: 'R-754', opis: '3', delo: '9' },
  fields: [],
  photos: [],
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

describe('photo items as search documents', () => {
  it('maps the title, the reference, the creator, free fields and the date, leaving empty ones out', () => {
    const doc = itemSearchDocument(archivalFile);
    expect(doc).toMatchObject({
      kind: 'item',
      targetId: 'item-1',
      collectionId: 'user-photos',
      path: '/items/item-1',
      title: 'Tremties byla',
      date: '1948-05',
      earliest: '1948-05-01',
      latest: '1948-05-31',
      yearFrom: 1948,
      yearTo: 1948,
    });
    expect(doc.fields).toEqual({
      title: ['Tremties byla'],
      summary: ['LYA, f. K-1, ap. 58, b. 12345, l. 1–18'],
      authors: ['Kauno apskrities skyrius'],
      body: ['Pastaba: sąrašas su parašais', '1–18', 'rusų'],
      years: ['1948'],
    });
  });

  it('titles an untitled item by its reference and has no date or years when none is given', () => {
    const doc = itemSearchDocument(untitledDocument);
    expect(doc.title).toBe('f. R-754, ap. 3, b. 9');
    expect(doc.fields.years).toBeUndefined();
    expect(doc).toMatchObject({ earliest: null, yearFrom: null });
    expect(doc.date).toBeUndefined();
  });

  it('carries the first photo for the thumbnail, and none for an item without photos', () => {
    const doc = itemSearchDocument(archivalFile);
    expect(itemHitPhoto(doc)).toEqual({ sha256: sha, page: 2 });
    expect(itemHitThumbnail(doc)).toBe(`/photos/${sha}/thumb?page=2`);
    expect(itemHitThumbnail(itemSearchDocument(untitledDocument))).toBeNull();
    // Only item documents carry one, whatever another document's id looks like.
    expect(itemHitThumbnail({ id: `item/x/photo/${sha}/0`, kind: 'note' })).toBeNull();
    expect(itemHitThumbnail({ id: 'item/x/photo/not-a-sha/0', kind: 'item' })).toBeNull();
  });

  it('encodes the item id in its path', () => {
    expect(itemPath('item-a b')).toBe('/items/item-a%20b');
  });
});

describe('photo items in the search engine', () => {
  const engine = createSearchEngine([itemSearchDocument(archivalFile), itemSearchDocument(untitledDocument)]);
  const ids = (query: string) => engine.search(query).hits.map((hit) => hit.document.targetId);

  it('finds an item by title, delo and fond numbers, creator and free field', () => {
    expect(ids('Tremties')).toEqual(['item-1']);
    expect(ids('12345')).toEqual(['item-1']);
    expect(ids('R-754')).toEqual(['item-2']);
    expect(ids('apskrities')).toEqual(['item-1']);
    expect(ids('parasais')).toEqual(['item-1']);
  });

  it('filters items by kind (kind:item, kind:photos) and by year', () => {
    expect(parseQuery('kind:photos').filters).toEqual([{ field: 'kind', kind: 'item', negated: false }]);
    expect(engine.search('kind:item').total).toBe(2);
    expect(ids('kind:item year:1948')).toEqual(['item-1']);
    expect(engine.search('kind:person').total).toBe(0);
    expect(engine.search('kind:item').kindCounts).toEqual([{ value: 'item', count: 2 }]);
  });
});
