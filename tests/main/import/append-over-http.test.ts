/**
 * An import part as the browser sends it: the worker's UTF-8 bytes, spliced into the request body
 * unchanged (as the page's HTTP transport does: `requestBody`, tested in tests/renderer/
 * http-transport.test.ts), parsed once by the web server and stored by the import store — in seq
 * order, every cell verbatim, and refused with a clear error when the bytes are not a list of records.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Channel, Handlers, Invoke } from '@shared/ipc/contract';
import type { Result } from '@shared/result';
import { encodeRecordPartBytes } from '@shared/import/record-parts';
import { createImportHandlers } from '../../../src/main/import/handlers';
import { createImportStore } from '../../../src/main/import/import-store';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';

const manifest = {
  formatVersion: 2,
  id: 'test-registry',
  title: 'Test registry',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
};
/** Invented people whose cells need every kind of escaping JSON and UTF-8 have. */
const person = (n: number) => ({
  id: `p-${n}`,
  kind: 'person',
  title: n === 1 ? 'Зыгмунта "Ona"\u2028\tKazlauskienė \\ 🙂' : `Person ${n}`,
  labels: {},
  summary: '',
  otherFields: [{ header: 'Pastabos', value: n === 2 ? '\ud800 lone surrogate, kept' : 'x' }],
});

let dataDirectory: string;
let server: RunningWebServer;

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-imports-http-'));
  const store = createImportStore({ dataDirectory, isReservedId: async () => false });
  server = await startWebServer({
    port: 0,
    rendererDir: dataDirectory,
    handlers: createImportHandlers(store) as Handlers,
  });
});

afterEach(async () => {
  await server.close();
  await rm(dataDirectory, { recursive: true, force: true });
});

/** The page's transport, reduced to what it sends here: JSON, with Uint8Array fields spliced in as they are. */
const httpInvoke =
  (baseUrl: string): Invoke =>
  async <C extends Channel>(channel: C, request: unknown) => {
    const parts = Object.entries(request as object).map(
      ([key, value], i) =>
        `${i === 0 ? '{' : ','}${JSON.stringify(key)}:${value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value)}`,
    );
    const response = await fetch(`${baseUrl}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([...parts, '}']),
    });
    return (await response.json()) as Result<never>;
  };

const partOf = (records: unknown[]): Uint8Array<ArrayBuffer> => {
  const [part, ...rest] = encodeRecordPartBytes(records);
  if (!part || rest.length > 0) throw new Error('expected one part');
  return part.json;
};

async function storedRecords(): Promise<unknown[]> {
  const folder = join(dataDirectory, 'collections', manifest.id, 'records');
  const out: unknown[] = [];
  for (const name of (await readdir(folder)).sort()) {
    out.push(...(JSON.parse(await readFile(join(folder, name), 'utf8')) as unknown[]));
  }
  return out;
}

describe('an import part over HTTP as bytes', () => {
  it('stores every record verbatim and in seq order, whatever order the parts are sent in', async () => {
    const api = createApi(httpInvoke(server.url));
    const begun = await api.call('imports.begin', { manifest, files: [], source: 'f.csv' });
    if (!begun.ok) throw new Error(begun.error.message);
    const { sessionId } = begun.value;
    const records = Array.from({ length: 7 }, (_, i) => person(i));
    // The second part is sent first: it waits for the first.
    const second = api.call('imports.appendRecordsJson', {
      sessionId,
      seq: 1,
      json: partOf(records.slice(3)),
    });
    const first = api.call('imports.appendRecordsJson', {
      sessionId,
      seq: 0,
      json: partOf(records.slice(0, 3)),
    });
    expect(await first).toEqual({ ok: true, value: { received: 3 } });
    expect(await second).toEqual({ ok: true, value: { received: 7 } });
    expect(await api.call('imports.commit', { sessionId })).toMatchObject({ ok: true });
    const stored = await storedRecords();
    expect(stored.map((r) => (r as { id: string }).id)).toEqual(records.map((r) => r.id));
    expect(stored[1]).toMatchObject({ title: records[1]?.title });
    expect(stored[2]).toMatchObject({ otherFields: records[2]?.otherFields });
  });

  it('refuses bytes that are not JSON, or not 1 to 5000 records, and the abort leaves nothing', async () => {
    const api = createApi(httpInvoke(server.url));
    const begun = await api.call('imports.begin', { manifest, files: [], source: 'f.csv' });
    if (!begun.ok) throw new Error(begun.error.message);
    const { sessionId } = begun.value;
    const send = (text: string, seq: number) =>
      api.call('imports.appendRecordsJson', { sessionId, seq, json: new TextEncoder().encode(text) });
    expect(await send('[{"id": ', 0)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
    expect(await send('[]', 1)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await send('{"id": "p-1"}', 2)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await send(JSON.stringify([{ id: 'p-1', kind: 'person' }]), 0)).toMatchObject({
      ok: false,
      error: { code: 'import-invalid', message: expect.stringMatching(/^Record 1: title/) },
    });
    expect(await api.call('imports.abort', { sessionId })).toEqual({ ok: true, value: { aborted: true } });
    expect(await readdir(join(dataDirectory, 'collections'))).toEqual([]);
    expect(await readdir(join(dataDirectory, '.import-tmp'))).toEqual([]);
  });
});
