import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentStore, METADATA_FILE } from '../../../src/main/documents/document-store';
import { createDocumentHandlers, noPdfPrinter } from '../../../src/main/documents/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createMainHandlers } from '../../../src/main/services';
import { MAX_DOCUMENT_BYTES, type DocumentSummary } from '@shared/documents/model';
import { testAppInfo } from '../../support/fake-handlers';

const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/documents', name));
const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dataDirectory: string;
beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-documents-'));
});

describe('document store', () => {
  it('stores each kind in its own folder with its metadata, and reads it back byte for byte', async () => {
    const store = createDocumentStore({ dataDirectory, now: () => new Date('2026-11-29T10:00:00Z') });
    const pdf = new Uint8Array(await fixture('sample.pdf'));
    const imported = await store.import({
      fileName: 'sample.pdf',
      bytes: pdf,
      metadata: { author: 'A. Author', year: 2024 },
    });
    expect(imported).toMatchObject({
      kind: 'pdf',
      fileName: 'sample.pdf',
      bytes: pdf.length,
      importedAt: '2026-11-29T10:00:00.000Z',
      metadata: { title: 'sample', author: 'A. Author', year: 2024 },
    });
    expect((await readdir(join(dataDirectory, 'documents', imported.id))).sort()).toEqual([
      'content.pdf',
      METADATA_FILE,
    ]);
    const read = await store.get(imported.id);
    expect(Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(read.summary).toEqual(imported);
  });

  it('sniffs Markdown, plain text and HTML', async () => {
    const store = createDocumentStore({ dataDirectory });
    const kinds = await Promise.all([
      store.import({ fileName: 'notes.md', bytes: await fixture('sample.md') }),
      store.import({ fileName: 'notes.txt', bytes: await fixture('sample.txt') }),
      store.import({ fileName: 'page.txt', bytes: utf8('<!DOCTYPE html><html><body>x</body></html>') }),
    ]);
    expect(kinds.map((summary) => summary.kind)).toEqual(['markdown', 'text', 'html']);
    expect(await store.list()).toHaveLength(3);
  });

  it('refuses binary files named like documents, empty files and files over the limit, writing nothing', async () => {
    const store = createDocumentStore({ dataDirectory });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(store.import({ fileName: 'picture.md', bytes: png })).rejects.toMatchObject({
      code: 'unsupported-document',
      message: expect.stringContaining('"picture.md"'),
    });
    await expect(store.import({ fileName: 'empty.txt', bytes: new Uint8Array() })).rejects.toMatchObject({
      code: 'empty-document',
    });
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    await expect(store.import({ fileName: 'huge.txt', bytes: huge })).rejects.toMatchObject({
      code: 'document-too-large',
      message: expect.stringContaining('at most 100 MB'),
    });
    expect(await store.list()).toEqual([]);
  });

  it('updates metadata atomically and refuses invalid metadata', async () => {
    const store = createDocumentStore({ dataDirectory });
    const { id } = await store.import({ fileName: 'a.txt', bytes: utf8('hello') });
    const updated = await store.updateMetadata(id, {
      title: 'Letters',
      publisher: 'Press',
      url: 'https://example.org/letters',
    });
    expect(updated.metadata).toEqual({
      title: 'Letters',
      publisher: 'Press',
      url: 'https://example.org/letters',
    });
    expect((await store.get(id)).summary.metadata.title).toBe('Letters');
    expect((await readdir(join(dataDirectory, 'documents', id))).filter((n) => n.startsWith('.'))).toEqual(
      [],
    );
    await expect(
      store.import({ fileName: 'b.txt', bytes: utf8('x'), metadata: { url: 'javascript:alert(1)' } }),
    ).rejects.toMatchObject({ code: 'invalid-metadata', message: expect.stringContaining('metadata.url') });
  });

  it('removes a document, and answers not-found for unknown ids', async () => {
    const store = createDocumentStore({ dataDirectory });
    const { id } = await store.import({ fileName: 'a.txt', bytes: utf8('hello') });
    expect(await store.remove(id)).toEqual({ removed: true });
    expect(await store.remove(id)).toEqual({ removed: false });
    await expect(store.get(id)).rejects.toMatchObject({ code: 'document-not-found' });
    await expect(store.get('../../etc')).rejects.toMatchObject({ code: 'invalid-document-id' });
    expect(await readdir(join(dataDirectory, 'documents'))).toEqual([]);
  });

  it('cleans leftovers of an interrupted import and lists the others despite one damaged folder', async () => {
    const first = createDocumentStore({ dataDirectory });
    const { id } = await first.import({ fileName: 'a.txt', bytes: utf8('hello') });
    const folder = join(dataDirectory, 'documents');
    await mkdir(join(folder, '.work-00000000-0000-4000-8000-000000000000'));
    const damaged = join(folder, '11111111-1111-4111-8111-111111111111');
    await mkdir(damaged);
    await writeFile(join(damaged, METADATA_FILE), '{ not json');
    const restarted = createDocumentStore({ dataDirectory });
    expect((await restarted.list()).map((summary) => summary.id)).toEqual([id]);
    expect((await readdir(folder)).sort()).toEqual([damaged.split('/').pop(), id].sort());
    await expect(restarted.get('11111111-1111-4111-8111-111111111111')).rejects.toMatchObject({
      code: 'document-corrupt',
      message: expect.stringContaining('metadata.json is not valid JSON'),
    });
  });
});

describe('documents.* channels', () => {
  it('import → list → get → updateMetadata → remove through dispatch', async () => {
    const handlers = createMainHandlers({
      resourcesDir: join(dataDirectory, 'no-resources'),
      appInfo: { ...testAppInfo, dataDirectory },
      openExternal: async () => false,
    });
    const markdown = await fixture('sample.md');
    const imported = await dispatch(handlers, 'documents.import', {
      fileName: 'sample.md',
      contentBase64: base64(markdown),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    // Titled by its first heading, not its file name.
    expect(imported.value).toMatchObject({ kind: 'markdown', metadata: { title: 'Field notebook' } });
    const documentId = (imported.value as DocumentSummary).id;
    expect(await dispatch(handlers, 'documents.list', {})).toMatchObject({
      ok: true,
      value: [{ id: documentId }],
    });
    const got = await dispatch(handlers, 'documents.get', { documentId });
    expect(
      got.ok &&
        Buffer.from((got.value as { contentBase64: string }).contentBase64, 'base64').toString('utf8'),
    ).toBe(markdown.toString('utf8'));
    expect(
      await dispatch(handlers, 'documents.updateMetadata', {
        documentId,
        metadata: { title: 'Field notebook' },
      }),
    ).toMatchObject({ ok: true, value: { metadata: { title: 'Field notebook' } } });
    expect(await dispatch(handlers, 'documents.remove', { documentId })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(await dispatch(handlers, 'documents.printToPdf', { suggestedName: 'notes.pdf' })).toEqual({
      ok: true,
      value: { printed: false, cancelled: false },
    });
  });

  it('rejects malformed requests before the store sees them', async () => {
    const calls: string[] = [];
    const handlers = createDocumentHandlers({
      store: new Proxy({} as never, {
        get: (_target, name) => () => {
          calls.push(String(name));
          return Promise.resolve(undefined);
        },
      }),
      printToPdf: noPdfPrinter,
    });
    const all = {
      ...createMainHandlers({
        resourcesDir: dataDirectory,
        appInfo: { ...testAppInfo, dataDirectory },
        openExternal: async () => false,
      }),
      ...handlers,
    };
    expect(await dispatch(all, 'documents.get', { documentId: '../secret' })).toMatchObject({ ok: false });
    expect(
      await dispatch(all, 'documents.import', { fileName: 'x.txt', contentBase64: 'not base64!' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-content' },
    });
    expect(await dispatch(all, 'documents.printToPdf', { suggestedName: '../escape.pdf' })).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });
});
