/**
 * The datasets' port over the API: what it asks of main. A small in-memory stand-in answers the
 * collection and import channels the way main does (records refused at commit, nothing kept after an
 * abort); main's own import store tests cover its validation and atomic commit.
 */
import PouchDB from 'pouchdb-browser';
import { describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { apiCollectionPort } from '../../../src/renderer/src/sync/api-collection-port';
import { receiveDatasets, shareDataset } from '../../../src/renderer/src/sync/datasets';
import { memoryReplica } from './fixtures';

/** Invented people (test data, not history). */
const manifest = {
  id: 'test-family',
  title: 'Test family',
  version: '1.0.0',
  texts: [{ id: 'intro', title: 'Intro', file: 'texts/intro.md', language: 'en' }],
};
const person = (id: string) => ({ id, kind: 'person', title: `Person ${id}`, summary: 'Synthetic.' });

interface Stored {
  manifest: typeof manifest;
  files: Array<{ path: string; text: string }>;
  records: Array<{ id: string }>;
}

/** One machine's main process, as far as these channels go. */
function fakeMain(initial?: Stored) {
  const collections = new Map<string, Stored>(initial ? [[initial.manifest.id, initial]] : []);
  const sessions = new Map<string, Stored>();
  const calls: string[] = [];
  const ok = (value: unknown) => ({ ok: true, value });
  const invoke = (async (channel: string, request: Record<string, unknown>) => {
    calls.push(channel);
    const collection = collections.get(String(request.collectionId));
    switch (channel) {
      case 'imports.list':
        return ok(
          [...collections.values()].map((c) => ({
            id: c.manifest.id,
            title: c.manifest.title,
            revision: `r${c.records.length}`,
          })),
        );
      case 'collections.summary':
        return ok({
          manifest: collection?.manifest,
          bibliography: JSON.parse(
            collection?.files.find((f) => f.path === 'bibliography.json')?.text ?? '[]',
          ),
        });
      case 'collections.get':
        return ok({
          texts: [
            { id: 'intro', markdown: collection?.files.find((f) => f.path === 'texts/intro.md')?.text },
          ],
        });
      case 'collections.page': {
        const { offset, limit } = request as { offset: number; limit: number };
        const records = (collection?.records ?? [])
          .slice(offset, offset + limit)
          .map((r) => ({ ...r, earliest: null, latest: null }));
        return ok({ records, offset, total: collection?.records.length ?? 0, revision: 'r' });
      }
      case 'imports.begin':
        sessions.set('s-1', {
          manifest: request.manifest as typeof manifest,
          files: request.files as Stored['files'],
          records: [],
        });
        return ok({ sessionId: 's-1', replaces: false });
      case 'imports.appendRecords':
        sessions.get('s-1')?.records.push(...(request.records as Array<{ id: string }>));
        return ok({ received: (request.records as unknown[]).length });
      case 'imports.commit': {
        const session = sessions.get('s-1') as Stored;
        const ids = session.records.map((r) => r.id);
        const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
        if (duplicate)
          return {
            ok: false,
            error: {
              code: 'import-invalid',
              message: `Collection "${session.manifest.id}" is invalid: duplicate id "${duplicate}"`,
            },
          };
        collections.set(session.manifest.id, session);
        return ok({ revision: `r${session.records.length}` });
      }
      case 'imports.abort':
        sessions.delete('s-1');
        return ok({ aborted: true });
      default:
        return { ok: false, error: { code: 'unexpected', message: channel } };
    }
  }) as unknown as Invoke;
  return { port: apiCollectionPort(createApi(invoke)), collections, calls };
}

const family = (records: Array<{ id: string }>): Stored => ({
  manifest,
  files: [
    { path: 'bibliography.json', text: '[]' },
    { path: 'texts/intro.md', text: '# Intro' },
  ],
  records,
});

describe('datasets over the API', () => {
  it('reads a collection back as a package (records paged, texts by their file) and imports it', async () => {
    const a = fakeMain(family(Array.from({ length: 1203 }, (_, n) => person(`p-${n}`))));
    const b = fakeMain();
    const [replicaA, replicaB] = [memoryReplica('a'), memoryReplica('b')];
    await shareDataset(replicaA, a.port, 'test-family', 'Ona', new Date());
    expect(a.calls.filter((c) => c === 'collections.page')).toHaveLength(3);
    await PouchDB.replicate(replicaA, replicaB);
    const received = await receiveDatasets(replicaB, b.port);
    expect(received.imported).toEqual([{ collectionId: 'test-family', title: 'Test family', records: 1203 }]);
    expect(b.collections.get('test-family')).toEqual(a.collections.get('test-family'));
    expect(b.calls).toEqual(
      expect.arrayContaining(['imports.begin', 'imports.appendRecords', 'imports.commit']),
    );
  });

  it('aborts the import when main refuses it, and reports the collection and main’s reason', async () => {
    const a = fakeMain(family([person('p-1'), person('p-1')]));
    const b = fakeMain();
    const replica = memoryReplica('a');
    await shareDataset(replica, a.port, 'test-family', 'Ona', new Date());
    const received = await receiveDatasets(replica, b.port);
    expect(received.imported).toEqual([]);
    expect(received.refused).toEqual([
      {
        collectionId: 'test-family',
        title: 'Test family',
        sharedBy: 'Ona',
        reason: 'Collection "test-family" is invalid: duplicate id "p-1"',
      },
    ]);
    expect(b.calls.at(-1)).toBe('imports.abort');
    expect(b.collections.size).toBe(0);
  });
});
