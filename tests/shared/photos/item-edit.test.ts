import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citeItem, sheetNumber } from '@shared/photos/cite';
import { itemProblem, type Item } from '@shared/photos/item';
import { mergeItems, movePhoto, splitPhotos } from '@shared/photos/item-edit';

const ref = (n: number) => ({ sha256: n.toString(16).padStart(64, '0'), page: 0 });
const item = (over: Partial<Item> = {}): Item => ({
  id: 'item-1',
  template: 'archival-file',
  title: 'delo',
  metadata: {},
  fields: [],
  photos: [ref(1), ref(2)],
  createdAt: '2026-12-07T20:00:00.000Z',
  updatedAt: '2026-12-07T20:00:00.000Z',
  ...over,
});

describe('item edits keep every photo', () => {
  it('movePhoto is a permutation (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: -5, max: 35 }),
        fc.integer({ min: -5, max: 35 }),
        (n, from, to) => {
          const list = Array.from({ length: n }, (_, i) => ref(i));
          const moved = movePhoto(list, from, to);
          expect([...moved].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))).toEqual(list);
        },
      ),
    );
  });

  it('splits only between two photos; merge keeps both lists and every differing value', () => {
    expect(splitPhotos([ref(1), ref(2), ref(3)], 1)).toEqual({ first: [ref(1)], second: [ref(2), ref(3)] });
    expect(splitPhotos([ref(1)], 0)).toBeNull();
    expect(splitPhotos([ref(1), ref(2)], 2)).toBeNull();
    const merged = mergeItems(
      item({ metadata: { fond: 'K-1' }, fields: [{ name: 'note', value: 'x' }] }),
      item({ title: 'other', metadata: { fond: 'K-2', opis: '58' }, photos: [ref(3)] }),
    );
    expect(merged.photos).toEqual([ref(1), ref(2), ref(3)]);
    expect(merged.metadata).toEqual({ fond: 'K-1', opis: '58' });
    expect(merged.fields).toEqual([
      { name: 'note', value: 'x' },
      { name: 'title (merged)', value: 'other' },
      { name: 'fond (merged)', value: 'K-2' },
    ]);
  });
});

describe('archival citation', () => {
  const file = item({
    metadata: { archive: 'LYA', fond: 'K-1', opis: '58', delo: '12345', sheets: '12–40' },
  });

  it('cites an item and a sheet counted from the first sheet', () => {
    expect(citeItem(file)).toBe('LYA, f. K-1, ap. 58, b. 12345, l. 12–40');
    expect(sheetNumber(file, 2)).toBe(14);
    expect(citeItem(file, 2)).toBe('LYA, f. K-1, ap. 58, b. 12345, l. 14');
    expect(citeItem(item({ metadata: { fond: 'R-1' } }), 0)).toBe('f. R-1, l. 1');
  });

  it('cites a document without archival coordinates by title and date', () => {
    expect(citeItem(item({ template: 'document', title: 'Letter', metadata: { date: '1948-05' } }))).toBe(
      'Letter, 1948-05',
    );
  });
});

describe('item validation', () => {
  it('accepts EDTF dates and refuses others, a bad sha256 and a bad id, naming the field', () => {
    expect(itemProblem(item({ metadata: { date: '1949-03?' } }))).toBeNull();
    expect(itemProblem(item({ metadata: { date: '1945/1947' } }))).toBeNull();
    expect(itemProblem(item({ metadata: { date: '25 March 1949' } }))).toMatch(
      /^metadata\.date: is not an EDTF date/,
    );
    expect(itemProblem(item({ photos: [{ sha256: 'ABC', page: 0 }] }))).toMatch(/^photos\.0\.sha256/);
    expect(itemProblem(item({ id: '../x' }))).toMatch(/^id:/);
  });
});
