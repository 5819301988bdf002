import { describe, expect, it } from 'vitest';
import { extractDocuments } from '@shared/search/documents';
import { splitTextSections } from '@shared/search/text-sections';
import { headingAnchors, recordHref, slugify, textHref, bibliographyHref } from '@shared/links';
import { smallCollection } from './fixtures';

describe('search documents', () => {
  const docs = extractDocuments(smallCollection());
  const doc = (id: string) => docs.find((d) => d.id === id);

  it('makes one document per record, text section and bibliography entry', () => {
    expect(docs.map((d) => d.id)).toEqual([
      'test/r/op-vesna',
      'test/r/place-igarka',
      'test/r/person-luksa',
      'test/t/essay#',
      'test/t/essay#june-1941',
      'test/t/essay#exile',
      'test/b/zemskov1991',
      'test/b/luksa1950',
    ]);
  });

  it('collects names in every language, place names, sources, years and status', () => {
    const vesna = doc('test/r/op-vesna');
    expect(vesna?.fields.names).toEqual(['Operation Vesna', 'Pavasaris', 'Весна']);
    expect(vesna?.fields.summary).toEqual(['Deportation of forest brothers and kulaks to Igarka.']);
    expect(vesna?.fields.places).toEqual(['Igarka', 'Игарка']);
    expect(vesna?.places).toEqual(['place-igarka']);
    expect(vesna?.sources).toEqual(['zemskov1991']);
    expect(vesna?.fields.years).toEqual(['1948']);
    expect(vesna?.status).toBe('sourced');
    expect(doc('test/r/place-igarka')?.status).toBe('unverified');
    expect(doc('test/b/luksa1950')?.fields.authors).toEqual(['Lukša', 'Juozas Lukša']);
  });

  it('links every document to where it opens', () => {
    expect(doc('test/r/op-vesna')?.path).toBe('/browse/record/test/op-vesna');
    expect(doc('test/t/essay#exile')?.path).toBe('/reader/test/essay#exile');
    expect(doc('test/t/essay#')?.path).toBe('/reader/test/essay');
    expect(doc('test/b/zemskov1991')?.path).toBe('/bibliography/test/zemskov1991');
  });
});

describe('text sections', () => {
  it('splits at headings, keeps link labels and drops markup', () => {
    expect(
      splitTextSections(
        '# T\n\nA *b* [c](cite:x#p.1).\n\n## Kas kaltas?\n\n- one\n- two\n\n## Kas kaltas?\n\nz',
      ),
    ).toEqual([
      { heading: null, anchor: '', paragraphs: ['A b c.'] },
      { heading: 'Kas kaltas?', anchor: 'kas-kaltas', paragraphs: ['one', 'two'] },
      { heading: 'Kas kaltas?', anchor: 'kas-kaltas-2', paragraphs: ['z'] },
    ]);
  });
});

describe('links', () => {
  it('builds the in-app addresses', () => {
    expect(recordHref('c', 'op-vesna')).toBe('#/browse/record/c/op-vesna');
    expect(textHref('c', 'overview', 'june-1941')).toBe('#/reader/c/overview#june-1941');
    expect(bibliographyHref('c', 'zemskov1991')).toBe('#/bibliography/c/zemskov1991');
  });

  it('slugs headings and keeps anchors unique', () => {
    expect(slugify('Žemaitija: 1944–1953')).toBe('zemaitija-1944-1953');
    expect(headingAnchors(['A', 'A', 'Б'])).toEqual(['a', 'a-2', 'б']);
  });
});
