import { describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Channel, RequestOf } from '@shared/ipc/contract';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import { ImportRun, type ImportWorkerPort } from '../../../src/renderer/src/import/import-run';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../src/renderer/src/import/protocol';

import { SESSION, manifest } from './import-run-fixtures';

const person = (n: number) => ({ id: `p-${n}`, kind: 'person', title: `P ${n}`, labels: {}, summary: 's' });

/** A worker that answers `run` with the scripted messages, asynchronously like a real one. */
function fakeWorker(script: ImportWorkerResponse[]) {
  const listeners = new Set<(event: MessageEvent<ImportWorkerResponse>) => void>();
  const port: ImportWorkerPort & { terminated: boolean } = {
    terminated: false,
    postMessage(message: ImportWorkerRequest) {
      if (message.type !== 'run') return;
      void (async () => {
        for (const response of script) {
          await new Promise((r) => setTimeout(r, 0));
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

function fakeApi(fail: Partial<Record<Channel, string>> = {}) {
  const calls: { channel: Channel; request: unknown }[] = [];
  let received = 0;
  const api = createApi(async (channel, request) => {
    calls.push({ channel, request });
    const message = fail[channel];
    if (message)
      return { ok: false, error: { code: 'import-invalid', message, details: [{ text: message }] } };
    const r = request as RequestOf<'imports.appendRecords'>;
    const value =
      channel === 'imports.begin'
        ? { sessionId: SESSION, replaces: false }
        : channel === 'imports.appendRecords'
          ? { received: (received += r.records.length) }
          : channel === 'imports.commit'
            ? {
                ...manifest,
                recordCount: received,
                synthetic: false,
                revision: '0123456789abcdef',
                importedAt: 'now',
                source: 'f.csv',
              }
            : { aborted: true };
    return { ok: true, value } as never;
  });
  return { api, calls };
}

const batch = (from: number, count: number): ImportWorkerResponse => ({
  type: 'batch',
  records: Array.from({ length: count }, (_, i) => person(from + i)) as never,
});

const NOTHING_SKIPPED = { skippedRows: [], skippedCount: 0, dateReviewCount: 0 };

describe('ImportRun', () => {
  it('sends records in batches no larger than the request cap, then commits', async () => {
    const { api, calls } = fakeApi();
    const progress: number[] = [];
    const run = new ImportRun({
      api,
      worker: fakeWorker([
        batch(0, 4000),
        batch(4000, 4000),
        { type: 'progress', rows: 8000, fraction: 1 },
        { type: 'done', records: 8000, files: [], errors: [], ...NOTHING_SKIPPED },
      ]),
      manifest,
      files: [],
      source: 'f.csv',
      onProgress: (p) => progress.push(p.percent),
    });
    const outcome = await run.start();
    expect(outcome).toMatchObject({ status: 'done', summary: { recordCount: 8000 } });
    const appends = calls.filter((c) => c.channel === 'imports.appendRecords');
    expect(appends.length).toBeGreaterThanOrEqual(2);
    for (const c of appends) {
      expect((c.request as { records: unknown[] }).records.length).toBeLessThanOrEqual(MAX_RECORDS_PER_BATCH);
    }
    expect(calls.map((c) => c.channel).at(-1)).toBe('imports.commit');
    expect(progress.at(-1)).toBe(100);
  });

  it('aborts the session and reports the worker’s errors: nothing is committed', async () => {
    const { api, calls } = fakeApi();
    const errors = [{ file: 'f.csv', row: 3, reason: 'ragged' }];
    const outcome = await new ImportRun({
      api,
      worker: fakeWorker([
        batch(0, 10),
        { type: 'done', records: 10, files: [], errors, ...NOTHING_SKIPPED },
      ]),
      manifest,
      files: [],
      source: 'f.csv',
      onProgress: () => undefined,
    }).start();
    expect(outcome).toEqual({ status: 'failed', errors });
    expect(calls.map((c) => c.channel)).toContain('imports.abort');
    expect(calls.map((c) => c.channel)).not.toContain('imports.commit');
  });

  it('shows the main process’s validation errors when the commit is refused', async () => {
    const { api } = fakeApi({ 'imports.commit': 'records/part-00001.json (item 2): duplicate id' });
    const outcome = await new ImportRun({
      api,
      worker: fakeWorker([
        batch(0, 2),
        { type: 'done', records: 2, files: [], errors: [], ...NOTHING_SKIPPED },
      ]),
      manifest,
      files: [],
      source: 'f.csv',
      onProgress: () => undefined,
    }).start();
    expect(outcome).toEqual({
      status: 'failed',
      errors: [{ reason: 'records/part-00001.json (item 2): duplicate id' }],
    });
  });

  it('passes the run choices to the worker and reports the rows it skipped', async () => {
    const { api, calls } = fakeApi();
    const worker = fakeWorker([
      batch(0, 3),
      {
        type: 'done',
        records: 3,
        files: [],
        errors: [],
        skippedRows: [{ row: 3, code: 'ragged-row', reason: 'ragged', text: '2,Testaitytė' }],
        skippedCount: 1,
        dateReviewCount: 2,
      },
    ]);
    const sent: ImportWorkerRequest[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => {
      sent.push(message);
      post(message);
    };
    const outcome = await new ImportRun({
      api,
      worker,
      manifest,
      files: [],
      source: 'f.csv',
      run: { skipBrokenRows: true, collection: 'test-registry', importedAt: '2026-12-07T10:00:00.000Z' },
      onProgress: () => undefined,
    }).start();
    // The provenance every record shares goes to the main process once, and the worker leaves it
    // out of the records that match it.
    const shared = { collection: 'test-registry', file: 'f.csv', importedAt: '2026-12-07T10:00:00.000Z' };
    expect(sent).toEqual([
      {
        type: 'run',
        skipBrokenRows: true,
        collection: 'test-registry',
        importedAt: '2026-12-07T10:00:00.000Z',
        sharedProvenance: shared,
      },
    ]);
    expect(calls[0]).toEqual({
      channel: 'imports.begin',
      request: { manifest, files: [], source: 'f.csv', provenance: shared },
    });
    expect(outcome).toMatchObject({
      status: 'done',
      skipped: { count: 1, rows: [{ row: 3, code: 'ragged-row' }] },
      dateReviewCount: 2,
    });
  });

  it('cancels: stops the worker and aborts the session', async () => {
    const { api, calls } = fakeApi();
    const worker = fakeWorker([batch(0, 10), batch(10, 10), batch(20, 10)]);
    const run = new ImportRun({
      api,
      worker,
      manifest,
      files: [],
      source: 'f.csv',
      onProgress: () => run.cancel(),
    });
    expect(await run.start()).toEqual({ status: 'cancelled' });
    expect(worker.terminated).toBe(true);
    expect(calls.map((c) => c.channel)).toContain('imports.abort');
    expect(calls.map((c) => c.channel)).not.toContain('imports.commit');
  });
});
