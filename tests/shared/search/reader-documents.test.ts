import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/documents/model';
import { createSearchEngine } from '@shared/search/engine';
import { readerSearchDocument } from '@shared/search/reader-documents';

const summary: DocumentSummary = {
  version: 1,
  id: '0b6f7c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b',
  kind: 'markdown',
  fileName: 'test.md',
  bytes: 120,
  importedAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  metadata: { title: 'Tremtinio dienoraštis', author: 'Ona Petraitienė', year: 1989 },
};

describe('imported Reader documents in Search', () => {
  const engine = createSearchEngine([
    readerSearchDocument(summary, ['Traukinys sustojo Rešotuose.', 'Vėliau – Igarka, prie Jenisiejaus.']),
  ]);

  it('finds a document by the words of its text, its title and its author', () => {
    for (const query of ['Jenisiejaus', 'Resotuose', 'dienorastis', 'Petraitiene', 'kind:document igarka']) {
      expect(engine.search(query).hits.map((hit) => hit.id)).toEqual([`document/${summary.id}`]);
    }
  });

  it('opens the document in the Reader, titled by its own title', () => {
    const hit = engine.search('Jenisiejaus').hits[0];
    expect(hit?.kind).toBe('document');
    expect(hit?.document.path).toBe(`/reader/document/${summary.id}`);
    expect(hit?.document.title).toBe('Tremtinio dienoraštis');
    expect(engine.search('year:1989').total).toBe(1);
  });
});
