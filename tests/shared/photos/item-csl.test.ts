import { beforeAll, describe, expect, it } from 'vitest';
import { createCitationFormatter, type CitationFormatter } from '@shared/citations/formatter';
import type { Item } from '@shared/photos/item';
import { cslIssued, itemToCsl } from '@shared/photos/item-csl';
import { bundledCslSources } from '../citations/fixtures';

const ref = (n: number) => ({ sha256: n.toString(16).padStart(64, '0'), page: 0 });

// Example values only (what a user types from a finding aid), no historical claims.
const item: Item = {
  id: 'item-1',
  template: 'archival-file',
  title: 'Tremties byla',
  metadata: {
    archive: 'LYA',
    fond: 'K-1',
    opis: '58',
    delo: '12345',
    sheets: '12–40',
    date: '1948-05',
    language: 'ru',
    creator: 'Test Office',
  },
  fields: [],
  photos: [ref(1), ref(2)],
  createdAt: '2026-12-08T01:00:00.000Z',
  updatedAt: '2026-12-08T01:00:00.000Z',
};

describe('items as CSL-JSON', () => {
  it('maps an archival file to a manuscript, the sheet into archive_location', () => {
    expect(itemToCsl(item)).toEqual({
      id: 'item-1',
      type: 'manuscript',
      title: 'Tremties byla',
      author: [{ literal: 'Test Office' }],
      issued: { 'date-parts': [[1948, 5]] },
      archive: 'LYA',
      archive_location: 'f. K-1, ap. 58, b. 12345, l. 12–40',
      language: 'ru',
    });
    expect(itemToCsl(item, 1)).toMatchObject({
      id: 'item-1/sheet-1',
      archive_location: 'f. K-1, ap. 58, b. 12345, l. 13',
    });
  });

  it('never invents a field the user left empty', () => {
    const bare: Item = { ...item, title: ' ', metadata: { delo: '7' } };
    expect(itemToCsl(bare)).toEqual({ id: 'item-1', type: 'manuscript', archive_location: 'b. 7' });
    expect(itemToCsl({ ...item, metadata: {} })).toEqual({
      id: 'item-1',
      type: 'manuscript',
      title: 'Tremties byla',
    });
  });

  it('turns EDTF into CSL dates, and keeps what CSL cannot say as written', () => {
    expect(cslIssued('1949-03-25')).toEqual({ 'date-parts': [[1949, 3, 25]] });
    expect(cslIssued('1945/1947')).toEqual({ 'date-parts': [[1945], [1947]] });
    expect(cslIssued('1949~')).toEqual({ 'date-parts': [[1949]], circa: true });
    expect(cslIssued('1949?')).toEqual({ literal: '1949?' });
    expect(cslIssued('194X')).toEqual({ literal: '194X' });
    expect(cslIssued('')).toBeNull();
  });
});

describe('items cited in bundled CSL styles', { timeout: 30_000 }, () => {
  let formatter: CitationFormatter;
  beforeAll(() => {
    formatter = createCitationFormatter(bundledCslSources());
  });

  it.each(['chicago-author-date', 'apa'] as const)('%s prints the title, archive and location', (style) => {
    const reference = formatter.reference(itemToCsl(item, 0), { style, locale: 'en-US' });
    expect(reference?.text).toContain('Tremties byla');
    expect(reference?.text).toContain('LYA');
    // Chicago capitalises the first word after a full stop ("F. K-1"): the style's casing, not ours.
    expect(reference?.text).toMatch(/f\. K-1, ap\. 58, b\. 12345, l\. 12\b/i);
    expect(reference?.text).toContain('1948');
    expect(reference?.text).toContain('Test Office');
  });
});
