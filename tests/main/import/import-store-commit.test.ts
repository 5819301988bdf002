/**
 * Commit after appends that already checked their parts: the cross-part checks still refuse what the
 * loader would refuse (with file, record and field), anything changed on disk since append is caught,
 * and what is served afterwards is what was committed.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { createImportStore } from '../../../src/main/import/import-store';
import { HandlerError } from '../../../src/main/ipc/dispatch';

const manifest = (id = 'test-registry') => ({
  formatVersion: 1,
  id,
  title: 'Test registry',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
});
const person = (id: string, extra: object = {}) => ({
  id,
  kind: 'person',
  title: `Person ${id}`,
  labels: {},
  summary: 'Synthetic test record.',
  ...extra,
});

let dataDirectory: string;
const newStore = () => createImportStore({ dataDirectory, isReservedId: async () => false });

async function session(store: ReturnType<typeof newStore>, parts: unknown[][], id = 'test-registry') {
  const { sessionId } = await store.begin({ manifest: manifest(id), files: [], source: 'test.csv' });
  for (const part of parts) await store.append(sessionId, part);
  return sessionId;
}

async function commitError(store: ReturnType<typeof newStore>, sessionId: string): Promise<HandlerError> {
  const error = await store.commit(sessionId).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HandlerError);
  return error as HandlerError;
}

const collections = () => readdir(join(dataDirectory, 'collections'));

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-import-commit-'));
});
afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('import store commit', () => {
  it('refuses a duplicate id across two parts, naming both files, the record and the field', async () => {
    const store = newStore();
    const sessionId = await session(store, [
      [person('p-1'), person('p-2')],
      [person('p-3'), person('p-1')],
    ]);
    const error = await commitError(store, sessionId);
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^Collection "test-registry" is invalid: 2 errors/);
    expect(error.details).toEqual([
      expect.objectContaining({
        file: 'records/part-00001.json',
        recordId: 'p-1',
        field: 'id',
        text: 'records/part-00001.json › record "p-1" › id: duplicate id "p-1": also used in records/part-00002.json (item 2)',
      }),
      expect.objectContaining({
        file: 'records/part-00002.json',
        recordId: 'p-1',
        field: 'id',
        text: 'records/part-00002.json › record "p-1" › id: duplicate id "p-1": also used in records/part-00001.json (item 1)',
      }),
    ]);
    expect(await collections()).toEqual([]);
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
  });

  it('resolves a relation to a record of a later part, and refuses one to a record in no part', async () => {
    const store = newStore();
    const ok = await session(store, [
      [person('p-1', { relations: [{ type: 'related-to', target: 'p-3' }] })],
      [person('p-2'), person('p-3')],
    ]);
    await expect(store.commit(ok)).resolves.toMatchObject({ recordCount: 3 });
    const bad = await session(store, [
      [person('p-1', { relations: [{ type: 'related-to', target: 'p-9' }] })],
      [person('p-2')],
    ]);
    const error = await commitError(store, bad);
    expect(error.details).toEqual([
      expect.objectContaining({
        text: 'records/part-00001.json › record "p-1" › relations[0].target: no record "p-9"',
      }),
    ]);
  });

  it('validates a record file put into the session folder by anything but append', async () => {
    const store = newStore();
    const sessionId = await session(store, [[person('p-1')]]);
    const folder = join(dataDirectory, '.import-tmp', `session-${sessionId}`);
    await writeFile(join(folder, 'records', 'part-00002.json'), JSON.stringify([person('p-1'), { id: 'x' }]));
    const error = await commitError(store, sessionId);
    expect((error.details as { text: string }[]).map((d) => d.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^records\/part-00002\.json › record "p-1" › id: duplicate id/),
        expect.stringMatching(/^records\/part-00002\.json › record "x" › kind: required field is missing/),
      ]),
    );
    expect(await collections()).toEqual([]);
  });

  it('catches a bibliography changed on disk after the records were checked against it', async () => {
    const store = newStore();
    const sessionId = await session(store, [[person('p-1')]]);
    const folder = join(dataDirectory, '.import-tmp', `session-${sessionId}`);
    expect(await readFile(join(folder, 'bibliography.json'), 'utf8')).toBe('[]');
    // Not even JSON: only a check of the bytes the records were checked against can tell.
    await writeFile(join(folder, 'bibliography.json'), '[{"id": "a",');
    const error = await commitError(store, sessionId);
    expect((error.details as { text: string }[]).map((d) => d.text)).toContain(
      'bibliography.json: changed while the records were being checked',
    );
    expect(await collections()).toEqual([]);
  });

  it('serves what was committed, also after re-importing the same id, and the loader accepts it', async () => {
    const store = newStore();
    await store.commit(await session(store, [[person('p-1')], [person('p-2')]]));
    expect((await store.collections.get('test-registry'))?.records.map((r) => r.id)).toEqual(['p-1', 'p-2']);
    await store.commit(await session(store, [[person('q-1')]]));
    expect((await store.collections.get('test-registry'))?.records.map((r) => r.id)).toEqual(['q-1']);
    const fresh = await loadCollectionFromDirectory(join(dataDirectory, 'collections', 'test-registry'), {
      maxTotalBytes: 1 << 30,
    });
    expect(fresh.ok).toBe(true);
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: 'test-registry', recordCount: 1 });
  });

  it('restores the provenance given once at begin, storing what full records would have stored', async () => {
    const shared = { collection: 'test-registry', file: 'test.csv', importedAt: '2026-01-02T03:04:05.000Z' };
    const stored: string[] = [];
    for (const slim of [false, true]) {
      const store = newStore();
      const { sessionId } = await store.begin({
        manifest: manifest(),
        files: [],
        source: 'test.csv',
        ...(slim ? { provenance: shared } : {}),
      });
      const records = [1, 2].map((n) =>
        person(`p-${n}`, { provenance: slim ? { row: n + 1 } : { ...shared, row: n + 1 } }),
      );
      await store.append(sessionId, records);
      await store.commit(sessionId);
      stored.push(
        await readFile(
          join(dataDirectory, 'collections', 'test-registry', 'records', 'part-00001.json'),
          'utf8',
        ),
      );
    }
    expect(stored[1]).toBe(stored[0]);
    expect(JSON.parse(stored[0] ?? '')[1].provenance).toEqual({ ...shared, row: 3 });
  });

  it('refuses records that leave out their provenance when begin gave none', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest: manifest(), files: [], source: 'test.csv' });
    await expect(store.append(sessionId, [person('p-1', { provenance: { row: 2 } })])).rejects.toThrow(
      /^Record 1: provenance\.collection: /,
    );
  });
});
