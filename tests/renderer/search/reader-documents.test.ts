import { describe, expect, it } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import type { DocumentSummary } from '@shared/documents/model';
import { createSearchEngine } from '@shared/search/engine';
import { loadReaderSearchDocuments, textParagraphs } from '../../../src/renderer/src/search/reader-documents';

const summary = (id: string, kind: DocumentSummary['kind'], title: string): DocumentSummary => ({
  version: 1,
  id,
  kind,
  fileName: `test.${kind === 'markdown' ? 'md' : kind}`,
  bytes: 1,
  importedAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  metadata: { title },
});

const MD = '11111111-1111-4111-8111-111111111111';
const HTML = '22222222-2222-4222-8222-222222222222';
const contents: Record<string, [DocumentSummary, string]> = {
  [MD]: [
    summary(MD, 'markdown', 'Field notebook'),
    '# Field notebook\n\nThe *lantern* was lit at Trofimovsk.\n\n- a list item about Bykov Mys',
  ],
  [HTML]: [
    summary(HTML, 'html', 'Letters'),
    '<html><head><title>Letters</title><script>hidden()</script></head><body><p>From Igarka, 1949.</p></body></html>',
  ],
};

const api = {
  async call(channel: string, request: { documentId?: string }) {
    if (channel === 'documents.list') return { ok: true, value: Object.values(contents).map(([s]) => s) };
    const [s, text] = contents[request.documentId ?? ''] ?? [];
    return {
      ok: true,
      value: { summary: s, contentBase64: btoa(String.fromCharCode(...new TextEncoder().encode(text))) },
    };
  },
} as unknown as AtmintisApi;

describe('imported documents read for Search', () => {
  it('reads Markdown and HTML as the Reader shows them, block by block, without scripts', () => {
    expect(textParagraphs('markdown', contents[MD]?.[1] ?? '')).toEqual([
      'Field notebook',
      'The lantern was lit at Trofimovsk.',
      'a list item about Bykov Mys',
    ]);
    expect(textParagraphs('html', contents[HTML]?.[1] ?? '')).toEqual(['From Igarka, 1949.']);
  });

  it('makes their words findable', async () => {
    const engine = createSearchEngine(await loadReaderSearchDocuments(api));
    expect(engine.search('lantern Trofimovsk').hits.map((hit) => hit.document.title)).toEqual([
      'Field notebook',
    ]);
    expect(engine.search('Igarka').hits.map((hit) => hit.document.title)).toEqual(['Letters']);
    expect(engine.search('hidden').total).toBe(0);
  });

  it('answers with none when the documents cannot be listed', async () => {
    const failing = { call: async () => ({ ok: false, error: { message: 'no' } }) } as unknown as AtmintisApi;
    expect(await loadReaderSearchDocuments(failing)).toEqual([]);
  });
});
