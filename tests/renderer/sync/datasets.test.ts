import PouchDB from 'pouchdb-browser';
import { describe, expect, it } from 'vitest';
import { datasetDocId, datasetRev, type DatasetContent } from '@shared/sync/dataset';
import {
  receiveDatasets,
  refusalText,
  shareDataset,
  type CollectionPort,
} from '../../../src/renderer/src/sync/datasets';
import { memoryReplica } from './fixtures';

const AT = new Date('2026-12-01T10:00:00.000Z');

/** A machine's imported collections, with main's all-or-nothing import (a record without id refuses all). */
function fakePort(initial: DatasetContent[] = []) {
  const collections = new Map<string, { content: DatasetContent; revision: string }>();
  let counter = 0;
  const put = (content: DatasetContent) =>
    collections.set(content.manifest.id, { content, revision: `r${++counter}` });
  initial.forEach(put);
  const imports: string[] = [];
  const port: CollectionPort = {
    imported: async () =>
      [...collections.values()].map(({ content, revision }) => ({
        id: content.manifest.id,
        title: content.manifest.title,
        revision,
      })),
    read: async (id) => structuredClone(collections.get(id)?.content as DatasetContent),
    importPackage: async (content, source) => {
      const bad = content.records.findIndex((r) => typeof (r as { id?: unknown }).id !== 'string');
      if (bad >= 0) throw new Error(`record ${bad + 1}: id is required`);
      put(content);
      imports.push(source);
      return { revision: collections.get(content.manifest.id)?.revision ?? '' };
    },
  };
  return { port, collections, imports, put };
}

const collection = (id: string, records: number, note = ''): DatasetContent => ({
  manifest: { id, title: `Registry ${id}`, version: '1.0.0' },
  files: [{ path: 'bibliography.json', text: '[]' }],
  records: Array.from({ length: records }, (_, n) => ({ id: `p-${n}`, kind: 'person', note })),
});

describe('shared datasets', () => {
  it('carries an imported collection to another machine, in parts, verified, once', async () => {
    const a = { replica: memoryReplica('a'), ...fakePort([collection('family-a', 300)]) };
    const b = { replica: memoryReplica('b'), ...fakePort() };
    const shared = await shareDataset(a.replica, a.port, 'family-a', 'Ona', AT, 2000);
    expect(shared.parts).toBeGreaterThan(3);
    await PouchDB.replicate(a.replica, b.replica);
    const received = await receiveDatasets(b.replica, b.port);
    expect(received).toEqual({
      imported: [{ collectionId: 'family-a', title: 'Registry family-a', records: 300 }],
      refused: [],
      kept: [],
    });
    expect(b.collections.get('family-a')?.content).toEqual(a.collections.get('family-a')?.content);
    // Nothing to do the second time, nor on the machine that shared it.
    expect((await receiveDatasets(b.replica, b.port)).imported).toEqual([]);
    expect(await receiveDatasets(a.replica, a.port)).toEqual({ imported: [], refused: [], kept: [] });
    expect(b.imports).toHaveLength(1);
  });

  it('writes the same document and revision for the same content on two machines: no conflict', async () => {
    const a = { replica: memoryReplica('a'), ...fakePort([collection('c', 20)]) };
    const b = { replica: memoryReplica('b'), ...fakePort([collection('c', 20)]) };
    const one = await shareDataset(a.replica, a.port, 'c', 'Ona', AT);
    const two = await shareDataset(b.replica, b.port, 'c', 'Jonas', new Date('2026-12-02T00:00:00.000Z'));
    expect(two.sha256).toBe(one.sha256);
    await PouchDB.replicate(a.replica, b.replica);
    await PouchDB.replicate(b.replica, a.replica);
    const doc = await a.replica.get(datasetDocId(one.sha256), { conflicts: true });
    expect(doc._rev).toBe(datasetRev(one.sha256));
    expect((doc as { _conflicts?: string[] })._conflicts).toBeUndefined();
    expect(await receiveDatasets(a.replica, a.port)).toEqual({ imported: [], refused: [], kept: [] });
  });

  it('refuses a tampered package, naming the collection and the part, and imports nothing', async () => {
    const a = { replica: memoryReplica('a'), ...fakePort([collection('c', 50)]) };
    const b = { replica: memoryReplica('b'), ...fakePort() };
    const shared = await shareDataset(a.replica, a.port, 'c', 'Ona', AT, 500);
    const doc = (await a.replica.get(datasetDocId(shared.sha256), { attachments: true })) as unknown as {
      _attachments: Record<string, { data: string }>;
    } & Record<string, unknown>;
    const part = doc._attachments['part-00001'] as { data: string };
    const bytes = Uint8Array.from(atob(part.data), (c) => c.charCodeAt(0));
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    part.data = btoa(String.fromCharCode(...bytes));
    await b.replica.bulkDocs(
      [{ ...doc, _revisions: { start: 1, ids: [String(doc._rev).slice(2)] } } as never],
      {
        new_edits: false,
      },
    );
    const received = await receiveDatasets(b.replica, b.port);
    expect(received.imported).toEqual([]);
    expect(received.refused).toHaveLength(1);
    expect(refusalText(must(received.refused[0]))).toMatch(
      /"Registry c" \(c\) shared by Ona was not imported: part 2 of \d+ does not match its sha256/,
    );
    expect(b.collections.size).toBe(0);
  });

  it('refuses a package the import path refuses, with its reason, and tries again later', async () => {
    const broken = collection('c', 3);
    (broken.records[1] as { id?: string }).id = undefined;
    const a = { replica: memoryReplica('a'), ...fakePort([broken]) };
    const b = { replica: memoryReplica('b'), ...fakePort() };
    await shareDataset(a.replica, a.port, 'c', 'Ona', AT);
    await PouchDB.replicate(a.replica, b.replica);
    const received = await receiveDatasets(b.replica, b.port);
    expect(received.refused.map((r) => r.reason)).toEqual(['record 2: id is required']);
    expect(b.collections.size).toBe(0);
  });

  it('replaces a received collection with a later shared revision, but never the user’s own copy', async () => {
    const a = { replica: memoryReplica('a'), ...fakePort([collection('c', 5, 'first')]) };
    const b = { replica: memoryReplica('b'), ...fakePort() };
    const c = { replica: memoryReplica('c'), ...fakePort([collection('c', 5, 'mine')]) };
    await shareDataset(a.replica, a.port, 'c', 'Ona', AT);
    await PouchDB.replicate(a.replica, b.replica);
    await receiveDatasets(b.replica, b.port);
    a.put(collection('c', 6, 'second'));
    await shareDataset(a.replica, a.port, 'c', 'Ona', new Date('2026-12-03T00:00:00.000Z'));
    await PouchDB.replicate(a.replica, b.replica);
    await PouchDB.replicate(a.replica, c.replica);
    expect((await receiveDatasets(b.replica, b.port)).imported).toEqual([
      { collectionId: 'c', title: 'Registry c', records: 6 },
    ]);
    expect(b.collections.get('c')?.content.records).toHaveLength(6);
    const onC = await receiveDatasets(c.replica, c.port);
    expect(onC.imported).toEqual([]);
    expect(onC.kept).toEqual([{ collectionId: 'c', title: 'Registry c', sharedBy: 'Ona' }]);
    expect((c.collections.get('c')?.content.records[0] as { note: string }).note).toBe('mine');
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}
