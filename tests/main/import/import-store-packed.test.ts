/**
 * Packed parts (what the import worker sends) of a fixture registry's records, through the contract's
 * validation (dispatch) into the real import store: stored in file order, byte for byte what the
 * command line stores, however the parts arrive; a bad record in the middle is refused naming it, and
 * an abort commits nothing — no half-written collection either way. (The page's side of the same
 * order, failure and cancel: tests/renderer/import/import-run-packed.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSchema } from '@shared/collection/schema';
import { createApi } from '@shared/ipc/api';
import type { Channel, Handlers } from '@shared/ipc/contract';
import { inspectImport, manifestForImport, runImport } from '@shared/import/pipeline';
import { encodeRecordPartBytes } from '@shared/import/record-parts';
import { createImportHandlers } from '../../../src/main/import/handlers';
import { createImportStore } from '../../../src/main/import/import-store';
import { dispatch } from '../../../src/main/ipc/dispatch';

const FILE = 'memorial-style-ru.csv';
const IMPORTED_AT = '2026-01-01T00:00:00.000Z';
const manifest = manifestForImport({ id: 'memorial', title: 'Memorial', source: FILE });
const run = { collection: manifest.id, importedAt: IMPORTED_AT };
const shared = { ...run, file: FILE };

/** The fixture's records as the pipeline makes them, in file order. */
function fixtureRecords(): unknown[] {
  const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/registries', FILE));
  const inspection = inspectImport(FILE, new Uint8Array(bytes), {});
  if (!inspection.ok || inspection.format !== 'delimited') throw new Error(`${FILE}: not read`);
  const records: unknown[] = [];
  runImport(inspection, inspection.suggested as never, { ...run, onBatch: (b) => records.push(...b) });
  return records;
}

/** The records in parts of `size`, each packed as the worker packs it. */
const partsOf = (records: unknown[], size: number): Uint8Array<ArrayBuffer>[] => {
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < records.length; i += size) {
    for (const { json } of encodeRecordPartBytes(records.slice(i, i + size), undefined, shared))
      out.push(json);
  }
  return out;
};

let dataDirectory: string;

/** The Electron path: every request validated by the contract (dispatch), the bytes as they are. */
function newApi() {
  const store = createImportStore({ dataDirectory, isReservedId: async () => false });
  const handlers = createImportHandlers(store) as Handlers;
  return createApi(async (channel: Channel, request) => dispatch(handlers, channel, request) as never);
}

async function begin(api: ReturnType<typeof newApi>): Promise<string> {
  const begun = await api.call('imports.begin', { manifest, files: [], source: FILE, provenance: shared });
  if (!begun.ok) throw new Error(begun.error.message);
  return begun.value.sessionId;
}

async function storedRecords(): Promise<unknown[]> {
  const folder = join(dataDirectory, 'collections', manifest.id, 'records');
  const out: unknown[] = [];
  for (const name of (await readdir(folder)).sort()) {
    out.push(...(JSON.parse(await readFile(join(folder, name), 'utf8')) as unknown[]));
  }
  return out;
}

async function nothingLeft(): Promise<void> {
  expect(await readdir(join(dataDirectory, 'collections'))).toEqual([]);
  expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
}

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-import-packed-'));
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('packed parts through the contract into the import store', () => {
  it('stores every record in file order, byte for byte as the command line stores it, parts arriving two at a time out of order', async () => {
    const records = fixtureRecords();
    const parts = partsOf(records, 2);
    expect(parts.length).toBeGreaterThan(3);
    const api = newApi();
    const sessionId = await begin(api);
    const send = (seq: number) =>
      api.call('imports.appendRecordsJson', { sessionId, seq, json: parts[seq] as Uint8Array<ArrayBuffer> });
    for (let seq = 0; seq < parts.length; seq += 2) {
      // The later part of each pair is sent first: it waits for the earlier one.
      const later = seq + 1 < parts.length ? send(seq + 1) : Promise.resolve(null);
      const earlier = send(seq);
      for (const answer of await Promise.all([earlier, later])) {
        if (answer) expect(answer).toMatchObject({ ok: true });
      }
    }
    expect(await api.call('imports.commit', { sessionId })).toMatchObject({
      ok: true,
      value: { recordCount: records.length },
    });
    const stored = await storedRecords();
    expect(stored.map((r) => JSON.stringify(r))).toEqual(
      records.map((r) => JSON.stringify(recordSchema.parse(r))),
    );
  });

  it('a bad record in a middle part is refused naming it; the abort leaves nothing behind', async () => {
    const records = fixtureRecords();
    expect(records.length).toBeGreaterThan(6);
    const parts = partsOf(
      records.map((r, i) => (i === 5 ? { ...(r as object), title: 42 } : r)),
      2,
    );
    const api = newApi();
    const sessionId = await begin(api);
    const answers = [];
    for (const [seq, json] of parts.entries()) {
      answers.push(await api.call('imports.appendRecordsJson', { sessionId, seq, json }));
    }
    expect(answers.slice(0, 2)).toMatchObject([{ ok: true }, { ok: true }]);
    expect(answers[2]).toMatchObject({
      ok: false,
      error: { code: 'import-invalid', message: expect.stringMatching(/^Record 6: title: /) },
    });
    expect(await api.call('imports.abort', { sessionId })).toEqual({ ok: true, value: { aborted: true } });
    await nothingLeft();
  });

  it('an abort (Cancel) after some parts were stored commits nothing, and a late part is refused', async () => {
    const records = fixtureRecords();
    const parts = partsOf(records, 1);
    const api = newApi();
    const sessionId = await begin(api);
    for (let seq = 0; seq < 3; seq++) {
      const json = parts[seq] as Uint8Array<ArrayBuffer>;
      expect(await api.call('imports.appendRecordsJson', { sessionId, seq, json })).toMatchObject({
        ok: true,
      });
    }
    expect(await api.call('imports.abort', { sessionId })).toEqual({ ok: true, value: { aborted: true } });
    const json = parts[3] as Uint8Array<ArrayBuffer>;
    expect(await api.call('imports.appendRecordsJson', { sessionId, seq: 3, json })).toMatchObject({
      ok: false,
      error: { code: 'import-session-not-found' },
    });
    expect(await api.call('imports.commit', { sessionId })).toMatchObject({ ok: false });
    await nothingLeft();
  });
});
