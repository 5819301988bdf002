/**
 * The page's import run on the packed path, end to end in one process: a worker posting packed parts
 * of a fixture registry's records (as the real worker does), the page's ImportRun keeping two appends
 * on their way, the contract's validation (dispatch) and the real import store. The stored collection
 * is the records in file order, byte for byte what the command line stores; a bad record in the middle
 * fails the import naming it, and a cancel commits nothing — no half-written collection either way.
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
import { ImportRun, type ImportWorkerPort } from '../../../src/renderer/src/import/import-run';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../src/renderer/src/import/protocol';

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

/** The records in parts of `size`, each packed and posted as the worker posts it. */
const partsOf = (records: unknown[], size: number): ImportWorkerResponse[] => {
  const out: ImportWorkerResponse[] = [];
  for (let i = 0; i < records.length; i += size) {
    for (const { json, count } of encodeRecordPartBytes(records.slice(i, i + size), undefined, shared)) {
      out.push({ type: 'part', json, count });
    }
  }
  return out;
};
const done = (records: number): ImportWorkerResponse => ({
  type: 'done',
  records,
  files: [],
  errors: [],
  skippedRows: [],
  skippedCount: 0,
  dateReviewCount: 0,
});

/** A worker that posts the scripted messages one by one, each after `gate()` lets it. */
function scriptedWorker(script: ImportWorkerResponse[], gate: () => Promise<void> = async () => {}) {
  const listeners = new Set<(event: MessageEvent<ImportWorkerResponse>) => void>();
  const port: ImportWorkerPort & { terminated: boolean } = {
    terminated: false,
    postMessage(message: ImportWorkerRequest) {
      if (message.type !== 'run') return;
      void (async () => {
        for (const response of script) {
          await gate();
          if (port.terminated) return;
          for (const l of listeners) l(new MessageEvent('message', { data: response }));
        }
      })();
    },
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

let dataDirectory: string;
let appendLog: number[];

/** The Electron path: every request validated by the contract, bytes as they are. Even parts arrive late. */
function newApi() {
  const store = createImportStore({ dataDirectory, isReservedId: async () => false });
  const handlers = createImportHandlers(store) as Handlers;
  return createApi(async (channel: Channel, request) => {
    if (channel === 'imports.appendRecordsJson') {
      const { seq } = request as { seq: number };
      // The first of each pair on its way arrives after the second: the store must put them in order.
      if (seq % 2 === 0) await new Promise((r) => setTimeout(r, 15));
      appendLog.push(seq);
    }
    return dispatch(handlers, channel, request) as never;
  });
}

const importRun = (worker: ImportWorkerPort) =>
  new ImportRun({
    api: newApi(),
    worker,
    manifest,
    files: [],
    source: FILE,
    run,
    onProgress: () => undefined,
  });

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
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-import-run-packed-'));
  appendLog = [];
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('an import run on the packed path', () => {
  it('stores every record in file order, byte for byte as the command line stores it', async () => {
    const records = fixtureRecords();
    const parts = partsOf(records, 2);
    expect(parts.length).toBeGreaterThan(3);
    const outcome = await importRun(scriptedWorker([...parts, done(records.length)])).start();
    expect(outcome).toMatchObject({ status: 'done', summary: { recordCount: records.length } });
    // Parts arrived out of order …
    expect(appendLog).not.toEqual([...appendLog].sort((a, b) => a - b));
    // … and were stored in order, each record exactly as the CLI writes it.
    const stored = await storedRecords();
    expect(stored.map((r) => JSON.stringify(r))).toEqual(
      records.map((r) => JSON.stringify(recordSchema.parse(r))),
    );
  });

  it('a bad record in a middle part fails the import naming it, and leaves nothing behind', async () => {
    const records = fixtureRecords();
    expect(records.length).toBeGreaterThan(6);
    const broken = records.map((r, i) => (i === 5 ? { ...(r as object), title: 42 } : r));
    const outcome = await importRun(scriptedWorker([...partsOf(broken, 2), done(records.length)])).start();
    expect(outcome).toEqual({
      status: 'failed',
      errors: [{ reason: expect.stringMatching(/^Record 6: title: /) }],
    });
    await nothingLeft();
  });

  it('a cancel after some parts were stored commits nothing', async () => {
    const records = fixtureRecords();
    let posted = 0;
    const cancelAfterThree: { cancel: () => void } = { cancel: () => undefined };
    // After three parts the user presses Cancel; the worker would go on.
    const gate = async () => {
      posted += 1;
      if (posted === 4) cancelAfterThree.cancel();
      await new Promise((r) => setTimeout(r, 5));
    };
    const runner = importRun(scriptedWorker([...partsOf(records, 1), done(records.length)], gate));
    cancelAfterThree.cancel = () => runner.cancel();
    expect(await runner.start()).toEqual({ status: 'cancelled' });
    expect(appendLog.length).toBeGreaterThan(0);
    await nothingLeft();
  });
});
