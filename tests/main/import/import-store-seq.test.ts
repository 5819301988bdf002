/**
 * Appends with a `seq` (the page keeps several on their way, and HTTP may deliver them out of order)
 * are stored in seq order; the JSON channel decodes parts with the transport's guards.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportHandlers } from '../../../src/main/import/handlers';
import { createImportStore } from '../../../src/main/import/import-store';

const manifest = {
  formatVersion: 1,
  id: 'test-registry',
  title: 'Test registry',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
};
const person = (n: number) => ({
  id: `p-${n}`,
  kind: 'person',
  title: `Person ${n}`,
  labels: {},
  summary: '',
});
const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => person(from + i));

let dataDirectory: string;
const newStore = () => createImportStore({ dataDirectory, isReservedId: async () => false });

/** Record ids in the order the committed collection's part files hold them. */
async function storedIds(): Promise<string[]> {
  const folder = join(dataDirectory, 'collections', manifest.id, 'records');
  const ids: string[] = [];
  for (const name of (await readdir(folder)).sort()) {
    for (const record of JSON.parse(await readFile(join(folder, name), 'utf8')) as { id: string }[]) {
      ids.push(record.id);
    }
  }
  return ids;
}

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-imports-seq-'));
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('import store: appends in seq order', () => {
  it('stores parts in seq order whatever order they arrive in', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    // Arrival order 2, 0, 3, 1.
    const answers = await Promise.all([
      store.append(sessionId, people(20, 10), 2),
      store.append(sessionId, people(0, 10), 0),
      store.append(sessionId, people(30, 5), 3),
      store.append(sessionId, people(10, 10), 1),
    ]);
    // Each answer counts the records stored up to and including its own part.
    expect(answers.map((a) => a.received)).toEqual([30, 10, 35, 20]);
    const summary = await store.commit(sessionId);
    expect(summary.recordCount).toBe(35);
    expect(await storedIds()).toEqual(people(0, 35).map((p) => p.id));
  });

  it('numbers a schema error by the record’s place in the file, not by arrival', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    const broken = [...people(10, 2), { id: 'p-12', kind: 'person' }];
    const second = store.append(sessionId, broken, 1);
    await store.append(sessionId, people(0, 10), 0);
    await expect(second).rejects.toThrow(/^Record 13: /);
    await store.abort(sessionId);
  });

  it('a part checked before its turn writes nothing until then; the earlier part still lands first', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    const broken = [{ id: 'p-10', kind: 'person' }];
    const second = store.append(sessionId, broken, 1);
    second.catch(() => undefined);
    const third = store.append(sessionId, people(11, 2), 2);
    const [session] = await readdir(join(dataDirectory, '.import-tmp'));
    expect(await readdir(join(dataDirectory, '.import-tmp', session as string, 'records'))).toEqual([]);
    expect(await store.append(sessionId, people(0, 10), 0)).toEqual({ received: 10 });
    await expect(second).rejects.toThrow(/^Record 11: title/);
    // The part after a refused one is still stored in its place; the page aborts on the refusal.
    expect(await third).toEqual({ received: 12 });
    expect(await store.abort(sessionId)).toEqual({ aborted: true });
    expect(await readdir(join(dataDirectory, 'collections'))).toEqual([]);
  });

  it('refuses a part sent twice', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    await store.append(sessionId, people(0, 2), 0);
    await expect((async () => store.append(sessionId, people(2, 2), 0))()).rejects.toThrow(/sent twice/);
    await store.abort(sessionId);
  });

  it('an abort releases a part still waiting for an earlier one, which then stores nothing', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    const waiting = store.append(sessionId, people(10, 2), 1);
    expect(await store.abort(sessionId)).toEqual({ aborted: true });
    await expect(waiting).rejects.toMatchObject({ code: 'import-session-not-found' });
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
    expect(await readdir(join(dataDirectory, 'collections'))).toEqual([]);
  });

  it('refuses to commit when a part never arrived, instead of waiting for it, and stores nothing', async () => {
    const store = newStore();
    const { sessionId } = await store.begin({ manifest, files: [], source: 'test.csv' });
    await store.append(sessionId, people(0, 2), 0);
    const waiting = store.append(sessionId, people(4, 2), 2);
    await expect(store.commit(sessionId)).rejects.toThrow(
      'Records part 2 never arrived; nothing was imported',
    );
    await expect(waiting).rejects.toMatchObject({ code: 'import-session-not-found' });
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
    expect(await readdir(join(dataDirectory, 'collections'))).toEqual([]);
  });

  it('imports.appendRecordsJson stores the records of a JSON part verbatim', async () => {
    const handlers = createImportHandlers(newStore());
    const { sessionId } = await handlers['imports.begin']({ manifest, files: [], source: 'test.csv' });
    const records = [{ ...person(0), title: 'Ona Kazlauskienė', summary: 'Зыгмунта "q" \\ 🙂' }];
    await handlers['imports.appendRecordsJson']({ sessionId, seq: 0, json: JSON.stringify(records) });
    await handlers['imports.commit']({ sessionId });
    const [name] = await readdir(join(dataDirectory, 'collections', manifest.id, 'records'));
    const stored = JSON.parse(
      await readFile(join(dataDirectory, 'collections', manifest.id, 'records', name as string), 'utf8'),
    ) as { title: string; summary: string }[];
    expect(stored[0]).toMatchObject({ title: 'Ona Kazlauskienė', summary: 'Зыгмунта "q" \\ 🙂' });
  });

  it('imports.appendRecordsJson refuses text that is not a list of records, naming the part', async () => {
    const handlers = createImportHandlers(newStore());
    const { sessionId } = await handlers['imports.begin']({ manifest, files: [], source: 'test.csv' });
    const call = (json: string) => handlers['imports.appendRecordsJson']({ sessionId, seq: 0, json });
    await expect(call('[{"id": ')).rejects.toThrow(/part 1\): the records are not valid JSON/);
    await expect(call('{"id": "p-1"}')).rejects.toThrow(/not a JSON array/);
    await expect(call('[]')).rejects.toThrow(/1 to 5000 records, not 0/);
    await expect(call(`${'['.repeat(100)}${']'.repeat(100)}`)).rejects.toThrow(/nested more than 64/);
    await handlers['imports.abort']({ sessionId });
  });

  it('imports.appendRecordsJson takes the part as UTF-8 bytes (Electron IPC) and refuses invalid UTF-8', async () => {
    const handlers = createImportHandlers(newStore());
    const { sessionId } = await handlers['imports.begin']({ manifest, files: [], source: 'test.csv' });
    const bytes = (text: string) => new TextEncoder().encode(text);
    await expect(
      handlers['imports.appendRecordsJson']({ sessionId, seq: 1, json: new Uint8Array([0x5b, 0xc3, 0x5d]) }),
    ).rejects.toThrow(/part 2\): the records are not valid UTF-8/);
    const records = [{ ...person(0), title: 'Ona Kazlauskienė' }];
    await handlers['imports.appendRecordsJson']({ sessionId, seq: 0, json: bytes(JSON.stringify(records)) });
    await handlers['imports.commit']({ sessionId });
    expect(await storedIds()).toEqual(['p-0']);
  });
});
