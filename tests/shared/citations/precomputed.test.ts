/**
 * The key of a precomputed list: the same for the same data however its fields are ordered, different
 * for any change of a work, the style, the locale or the formatter version; and a bibliography file the
 * collection loader would reject is never precomputed.
 */
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/shared/collection/schema';
import {
  PRECOMPUTED_FORMAT_VERSION,
  findPrecomputed,
  precomputedKey,
  type PrecomputedFile,
} from '../../../src/shared/citations/precomputed';
import { precomputeBundled } from '../../../src/shared/citations/precompute-bundled';

const ITEMS: CslItem[] = [
  { id: 'test-1', type: 'book', title: 'Test Book', author: [{ family: 'Test', given: 'A.' }] },
  { id: 'test-2', type: 'article-journal', title: 'Test Article', issued: { 'date-parts': [[1990]] } },
];
const CHICAGO = { style: 'chicago-author-date', locale: 'en-US' } as const;
const DATA = { references: [{ id: 'test-1', html: 'x', text: 'x' }], writtenOut: null };

describe('precomputedKey', () => {
  it('ignores the order of fields, and nothing else', () => {
    const reordered = ITEMS.map((item) => Object.fromEntries(Object.entries(item).reverse()) as CslItem);
    expect(precomputedKey(reordered, CHICAGO)).toBe(precomputedKey(ITEMS, CHICAGO));
    const variants: CslItem[][] = [
      [{ ...ITEMS[0], title: 'Test Book.' } as CslItem, ITEMS[1] as CslItem],
      [ITEMS[1] as CslItem, ITEMS[0] as CslItem],
      [ITEMS[0] as CslItem],
      [{ ...ITEMS[0], author: [{ family: 'Test', given: 'B.' }] } as CslItem, ITEMS[1] as CslItem],
    ];
    for (const variant of variants)
      expect(precomputedKey(variant, CHICAGO)).not.toBe(precomputedKey(ITEMS, CHICAGO));
    expect(precomputedKey(ITEMS, { ...CHICAGO, locale: 'lt-LT' })).not.toBe(precomputedKey(ITEMS, CHICAGO));
    expect(precomputedKey(ITEMS, { ...CHICAGO, style: 'apa' })).not.toBe(precomputedKey(ITEMS, CHICAGO));
  });
});

describe('findPrecomputed', () => {
  it('finds a list only by its full key, and nothing in a file of another version', () => {
    const file: PrecomputedFile = {
      version: PRECOMPUTED_FORMAT_VERSION,
      bibliographies: [{ key: precomputedKey(ITEMS, CHICAGO), data: DATA }],
    };
    expect(findPrecomputed(file, ITEMS, CHICAGO)).toEqual(DATA);
    expect(findPrecomputed(file, ITEMS.slice(1), CHICAGO)).toBeNull();
    expect(findPrecomputed(null, ITEMS, CHICAGO)).toBeNull();
    const older = { ...file, version: PRECOMPUTED_FORMAT_VERSION - 1 } as unknown as PrecomputedFile;
    expect(findPrecomputed(older, ITEMS, CHICAGO)).toBeNull();
  });
});

describe('precomputeBundled', () => {
  it('leaves out a bibliography the collection loader would reject, rather than half-format it', () => {
    const file = precomputeBundled(['[{"id": "test-1"}]', 'not JSON'], { styles: {}, locales: {} });
    expect(file.bibliographies).toEqual([]);
  });
});
