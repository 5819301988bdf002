/**
 * The page's side of the packed path: ImportRun sends the worker's packed parts as they are, two on
 * their way, in seq order; what arrives decodes (as the main process decodes it) to the records in
 * file order; a part refused in the middle stops the sending and aborts after the part still on its
 * way; a cancel does the same and commits nothing. (The store's side: tests/main/import/
 * import-store-packed.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Channel } from '@shared/ipc/contract';
import { PACKED_RECORDS_FORMAT } from '@shared/import/record-pack';
import { decodeRecordPart, encodeRecordPartBytes } from '@shared/import/record-parts';
import { ImportRun, type ImportWorkerPort } from '../../../src/renderer/src/import/import-run';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../src/renderer/src/import/protocol';
import { SESSION, manifest } from './import-run-fixtures';

const shared = { collection: 'test-registry', file: 'f.csv', importedAt: '2026-01-01T00:00:00.000Z' };
const record = (n: number) => ({
  id: `p-${n}`,
  kind: 'person',
  title: `Asmuo ${n} 🙂`,
  person: { birthPlace: 'Kauno aps.', sex: { text: 'V', value: 'male' } },
  provenance: { ...shared, row: n + 2 },
});
const records = Array.from({ length: 12 }, (_, i) => record(i));

/** The worker's messages for `records`, in parts of three, packed as the worker packs them. */
function script(): ImportWorkerResponse[] {
  const parts: ImportWorkerResponse[] = [];
  for (let i = 0; i < records.length; i += 3) {
    for (const { json, count } of encodeRecordPartBytes(records.slice(i, i + 3), undefined, shared)) {
      parts.push({ type: 'part', json, count });
    }
  }
  return [
    ...parts,
    {
      type: 'done',
      records: records.length,
      files: [],
      errors: [],
      skippedRows: [],
      skippedCount: 0,
      dateReviewCount: 0,
    },
  ];
}

function fakeWorker(messages: ImportWorkerResponse[]) {
  const listeners = new Set<(event: MessageEvent<ImportWorkerResponse>) => void>();
  const port: ImportWorkerPort & { terminated: boolean } = {
    terminated: false,
    postMessage(message: ImportWorkerRequest) {
      if (message.type !== 'run') return;
      setTimeout(() => {
        for (const data of messages) {
          if (port.terminated) return;
          for (const l of listeners) l(new MessageEvent('message', { data }));
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

/**
 * A main process that decodes each part as the real one does, holds its answer until the test
 * releases it, and stores parts in seq order.
 */
function mainProcess({ refuse }: { refuse?: number } = {}) {
  const log: string[] = [];
  const stored = new Map<number, unknown[]>();
  const waiting: (() => void)[] = [];
  const api = createApi(async (channel: Channel, request) => {
    if (channel !== 'imports.appendRecordsJson') {
      log.push(channel.replace('imports.', ''));
      const value =
        channel === 'imports.begin'
          ? { sessionId: SESSION, replaces: false }
          : channel === 'imports.commit'
            ? {
                ...manifest,
                recordCount: 12,
                synthetic: false,
                revision: 'r',
                importedAt: 'now',
                source: 'f',
              }
            : { aborted: true };
      return { ok: true, value } as never;
    }
    const { seq, json } = request as { seq: number; json: Uint8Array };
    expect(JSON.parse(new TextDecoder().decode(json))).toMatchObject({ format: PACKED_RECORDS_FORMAT });
    const part = decodeRecordPart(json);
    if (!part.ok) throw new Error(part.reason);
    log.push(`append ${seq}`);
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (seq === refuse) {
      log.push(`refused ${seq}`);
      return { ok: false, error: { code: 'import-invalid', message: `Record ${seq * 3 + 1}: bad` } } as never;
    }
    stored.set(seq, part.records);
    log.push(`stored ${seq}`);
    let received = 0;
    for (let s = 0; stored.has(s); s++) received += stored.get(s)?.length ?? 0;
    return { ok: true, value: { received } } as never;
  });
  const tick = () => new Promise((r) => setTimeout(r, 5));
  /** Answers the appends on their way, the later first, until the run settles or `limit` answers. */
  const answerAll = async (until: Promise<unknown>, limit = Infinity) => {
    let settled = false;
    void until.then(() => (settled = true));
    for (let answered = 0; !settled && answered < limit;) {
      await tick();
      for (const answer of waiting.splice(0).reverse()) {
        answer();
        answered += 1;
      }
    }
  };
  const inOrder = () => [...stored.keys()].sort((a, b) => a - b).flatMap((s) => stored.get(s) ?? []);
  return { api, log, answerAll, inOrder, tick, waiting };
}

const newRun = (api: ReturnType<typeof mainProcess>['api'], worker: ImportWorkerPort) =>
  new ImportRun({
    api,
    worker,
    manifest,
    files: [],
    source: 'f.csv',
    run: shared,
    onProgress: () => undefined,
  });

describe('ImportRun with packed parts', () => {
  it('sends them as they are, in seq order, and what arrives is the records in file order', async () => {
    const main = mainProcess();
    const outcome = newRun(main.api, fakeWorker(script())).start();
    await main.answerAll(outcome);
    expect(await outcome).toMatchObject({ status: 'done' });
    expect(main.log.filter((e) => e.startsWith('append'))).toEqual([
      'append 0',
      'append 1',
      'append 2',
      'append 3',
    ]);
    expect(main.log.at(-1)).toBe('commit');
    const { collection, file, importedAt } = shared;
    const slim = records.map(({ provenance, ...rest }) => ({ ...rest, provenance: { row: provenance.row } }));
    expect(main.inOrder()).toEqual(slim);
    expect(records[0]?.provenance).toMatchObject({ collection, file, importedAt });
  });

  it('a part refused in the middle stops the sending; the abort waits for the part on its way', async () => {
    const main = mainProcess({ refuse: 1 });
    const worker = fakeWorker(script());
    const outcome = newRun(main.api, worker).start();
    // Part 0 and part 1 are on their way; part 1 is refused first, part 0 lands after it.
    for (let i = 0; i < 200 && main.waiting.length < 2; i++) await main.tick();
    main.waiting.splice(1, 1)[0]?.();
    await main.tick();
    expect(main.log).not.toContain('abort');
    main.waiting.splice(0)[0]?.();
    expect(await outcome).toEqual({ status: 'failed', errors: [{ reason: 'Record 4: bad' }] });
    expect(main.log).toEqual(['begin', 'append 0', 'append 1', 'refused 1', 'stored 0', 'abort']);
    expect(worker.terminated).toBe(true);
  });

  it('a cancel with packed parts on their way aborts after they land and commits nothing', async () => {
    const main = mainProcess();
    const worker = fakeWorker(script());
    const run = newRun(main.api, worker);
    const outcome = run.start();
    for (let i = 0; i < 200 && main.waiting.length < 2; i++) await main.tick();
    run.cancel();
    await main.tick();
    expect(main.log).not.toContain('abort');
    for (const answer of main.waiting.splice(0)) answer();
    expect(await outcome).toEqual({ status: 'cancelled' });
    await main.tick();
    expect(main.log).toEqual(['begin', 'append 0', 'append 1', 'stored 0', 'stored 1', 'abort']);
    expect(main.log).not.toContain('commit');
    expect(worker.terminated).toBe(true);
  });
});
