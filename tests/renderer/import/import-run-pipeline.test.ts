/**
 * ImportRun keeps up to MAX_APPENDS_IN_FLIGHT appends on their way: parts go out in order with their
 * seq, a failure in the middle stops sending and aborts only after the parts on their way have
 * landed, and a cancel does the same; nothing is committed unless every part was stored.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Channel } from '@shared/ipc/contract';
import {
  ImportRun,
  MAX_APPENDS_IN_FLIGHT,
  type ImportWorkerPort,
} from '../../../src/renderer/src/import/import-run';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../src/renderer/src/import/protocol';

import { SESSION, manifest } from './import-run-fixtures';

const NOTHING_SKIPPED = { skippedRows: [], skippedCount: 0, dateReviewCount: 0 };
const part = (from: number, count: number): ImportWorkerResponse => ({
  type: 'part',
  json: JSON.stringify(Array.from({ length: count }, (_, i) => ({ id: `p-${from + i}` }))),
  count,
});
const done = (records: number): ImportWorkerResponse => ({
  type: 'done',
  records,
  files: [],
  errors: [],
  ...NOTHING_SKIPPED,
});

/** The part as the real worker sends it: UTF-8 bytes. */
const asBytes = (message: ImportWorkerResponse): ImportWorkerResponse =>
  message.type === 'part' && typeof message.json === 'string'
    ? { ...message, json: new TextEncoder().encode(message.json) }
    : message;

/** A worker that posts every scripted message at once, as a fast worker does. */
function fakeWorker(script: ImportWorkerResponse[]) {
  const listeners = new Set<(event: MessageEvent<ImportWorkerResponse>) => void>();
  const port: ImportWorkerPort & { terminated: boolean } = {
    terminated: false,
    postMessage(message: ImportWorkerRequest) {
      if (message.type !== 'run') return;
      setTimeout(() => {
        for (const response of script) {
          if (port.terminated) return;
          for (const l of listeners) l(new MessageEvent('message', { data: response }));
        }
      }, 0);
    },
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

interface Append {
  seq: number;
  count: number;
  answer: (ok: boolean) => void;
}

/**
 * An API whose appends wait until the test answers them (in any order), logging every event, and
 * counting stored records in seq order as the main process does.
 */
function controlledApi() {
  const log: string[] = [];
  const open: Append[] = [];
  const counts = new Map<number, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const api = createApi(async (channel: Channel, request) => {
    if (channel === 'imports.appendRecordsJson') {
      const { seq, json } = request as { seq: number; json: string | Uint8Array };
      const text = typeof json === 'string' ? json : new TextDecoder().decode(json);
      const count = (JSON.parse(text) as unknown[]).length;
      if (typeof json !== 'string') log.push(`bytes ${seq}`);
      log.push(`append ${seq}`);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve) => {
        open.push({
          seq,
          count,
          answer: (ok) => {
            inFlight -= 1;
            log.push(`${ok ? 'stored' : 'refused'} ${seq}`);
            counts.set(seq, count);
            let received = 0;
            for (let s = 0; s <= seq; s++) received += counts.get(s) ?? 0;
            resolve(
              (ok
                ? { ok: true, value: { received } }
                : { ok: false, error: { code: 'import-invalid', message: `Record ${seq}: bad` } }) as never,
            );
          },
        });
      });
    }
    log.push(channel.replace('imports.', ''));
    const value =
      channel === 'imports.begin'
        ? { sessionId: SESSION, replaces: false }
        : channel === 'imports.commit'
          ? { ...manifest, recordCount: 0, synthetic: false, revision: 'r', importedAt: 'now', source: 'f' }
          : { aborted: true };
    return { ok: true, value } as never;
  });
  const tick = () => new Promise((r) => setTimeout(r, 5));
  /** Waits until `n` appends are open (unanswered) and takes them (or all that are open). */
  const openAppends = async (n: number, { orMore = false } = {}) => {
    for (let i = 0; i < 200 && open.length < n; i++) await tick();
    if (orMore) expect(open.length).toBeGreaterThanOrEqual(n);
    else expect(open.length).toBe(n);
    return open.splice(0, orMore ? open.length : n);
  };
  return { api, log, openAppends, tick, maxInFlight: () => maxInFlight };
}

const newRun = (
  api: ReturnType<typeof controlledApi>['api'],
  worker: ImportWorkerPort,
  progress: number[] = [],
) =>
  new ImportRun({
    api,
    worker,
    manifest,
    files: [],
    source: 'f.csv',
    onProgress: (p) => progress.push(p.stored),
  });

describe('ImportRun pipeline', () => {
  it('keeps at most MAX_APPENDS_IN_FLIGHT parts on their way, in seq order, and commits after the last', async () => {
    expect(MAX_APPENDS_IN_FLIGHT).toBeGreaterThan(1);
    const control = controlledApi();
    const progress: number[] = [];
    const worker = fakeWorker([part(0, 3), part(3, 3), part(6, 3), part(9, 3), part(12, 2), done(14)]);
    const outcome = newRun(control.api, worker, progress).start();
    // Answered out of order: the second before the first.
    const [first, second] = await control.openAppends(MAX_APPENDS_IN_FLIGHT);
    second?.answer(true);
    await control.tick();
    first?.answer(true);
    for (let answered = 2; answered < 5;) {
      const next = await control.openAppends(1, { orMore: true });
      for (const append of next) append.answer(true);
      answered += next.length;
    }
    expect(await outcome).toMatchObject({ status: 'done' });
    expect(control.maxInFlight()).toBe(MAX_APPENDS_IN_FLIGHT);
    const appends = control.log.filter((e) => e.startsWith('append'));
    expect(appends).toEqual(['append 0', 'append 1', 'append 2', 'append 3', 'append 4']);
    expect(control.log.at(-1)).toBe('commit');
    expect(control.log.indexOf('commit')).toBeGreaterThan(control.log.indexOf('stored 4'));
    // Progress never goes back when answers come out of order.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(14);
  });

  it('a part refused in the middle stops the sending; the abort waits for the part still on its way', async () => {
    const control = controlledApi();
    const worker = fakeWorker([part(0, 3), part(3, 3), part(6, 3), part(9, 3), done(12)]);
    const outcome = newRun(control.api, worker).start();
    const [first, second] = await control.openAppends(2);
    first?.answer(false);
    await control.tick();
    // Part 1 is still on its way: no abort yet, and no new part sent.
    expect(control.log).not.toContain('abort');
    second?.answer(true);
    expect(await outcome).toEqual({ status: 'failed', errors: [{ reason: 'Record 0: bad' }] });
    expect(control.log).toEqual(['begin', 'append 0', 'append 1', 'refused 0', 'stored 1', 'abort']);
    expect(worker.terminated).toBe(true);
  });

  it('a cancel with parts on their way aborts after they land, and commits nothing', async () => {
    const control = controlledApi();
    const worker = fakeWorker([part(0, 3), part(3, 3), part(6, 3), done(9)]);
    const run = newRun(control.api, worker);
    const outcome = run.start();
    const open = await control.openAppends(2);
    run.cancel();
    await control.tick();
    expect(control.log).not.toContain('abort');
    for (const append of open) append.answer(true);
    expect(await outcome).toEqual({ status: 'cancelled' });
    await control.tick();
    expect(control.log).toEqual(['begin', 'append 0', 'append 1', 'stored 0', 'stored 1', 'abort']);
    expect(worker.terminated).toBe(true);
  });

  it('sends parts the worker gives as UTF-8 bytes as they are, in seq order, then commits', async () => {
    const control = controlledApi();
    const worker = fakeWorker([part(0, 3), part(3, 3), part(6, 1), done(7)].map(asBytes));
    const outcome = newRun(control.api, worker).start();
    for (let answered = 0; answered < 3;) {
      const next = await control.openAppends(1, { orMore: true });
      for (const append of next) append.answer(true);
      answered += next.length;
    }
    expect(await outcome).toMatchObject({ status: 'done' });
    expect(control.log.filter((e) => e.startsWith('bytes'))).toEqual(['bytes 0', 'bytes 1', 'bytes 2']);
    expect(control.log.at(-1)).toBe('commit');
  });

  it('a cancel while byte parts are on their way aborts after they land, and commits nothing', async () => {
    const control = controlledApi();
    const worker = fakeWorker([part(0, 3), part(3, 3), part(6, 3), done(9)].map(asBytes));
    const run = newRun(control.api, worker);
    const outcome = run.start();
    const open = await control.openAppends(2);
    run.cancel();
    await control.tick();
    expect(control.log).not.toContain('abort');
    for (const append of open) append.answer(true);
    expect(await outcome).toEqual({ status: 'cancelled' });
    await control.tick();
    expect(control.log).toEqual([
      'begin',
      'bytes 0',
      'append 0',
      'bytes 1',
      'append 1',
      'stored 0',
      'stored 1',
      'abort',
    ]);
    expect(worker.terminated).toBe(true);
  });
});
