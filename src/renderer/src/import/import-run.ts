/**
 * Runs one import from the page: opens a session in the main process, lets the worker produce records,
 * sends them in parts as they come (the transport caps a request's size, and a 200,000-row file must
 * never be one message), then commits — or aborts on any error or on cancel, so nothing half-imported
 * remains. Progress counts records stored per second.
 *
 * Up to MAX_APPENDS_IN_FLIGHT parts are on their way at once, so the page, the transport and the main
 * process work side by side instead of taking turns; each part carries its `seq` and the main process
 * stores them in that order whatever order they arrive in.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import type { CollectionRecord, Manifest } from '@shared/collection/schema';
import { MAX_RECORDS_PER_BATCH, type ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import type { ImportError } from '@shared/import/errors';
import type { PackageFile } from '@shared/import/collection-source';
import type { SkippedRow } from '@shared/import/delimited';
import type { AppError } from '@shared/result';
import type { ImportWorkerRequest, ImportWorkerResponse, RunRequest, WorkerTimings } from './protocol';

/** Enough to keep the main process busy while the page sends the next part; more only adds memory. */
export const MAX_APPENDS_IN_FLIGHT = 2;

/** What the page still has to send: records as objects, or a JSON part encoded by the worker. */
type Part = { records: CollectionRecord[] } | { json: string | Uint8Array<ArrayBuffer>; count: number };

export interface ImportWorkerPort {
  postMessage(message: ImportWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerResponse>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerResponse>) => void): void;
  terminate(): void;
}

export function createImportWorker(): ImportWorkerPort {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
}

export interface ImportProgress {
  /** 0–100: the share of the file read, scaled by the share of its records already stored. */
  percent: number;
  stored: number;
  recordsPerSecond: number;
}

export type ImportOutcome =
  | {
      status: 'done';
      summary: ImportedCollectionSummary;
      /** Rows left out on the user's skip choice (listed up to a cap; `count` is all of them). */
      skipped: { rows: SkippedRow[]; count: number };
      /** Date cells kept verbatim and flagged for review. */
      dateReviewCount: number;
    }
  | { status: 'failed'; errors: ImportError[] }
  | { status: 'cancelled' };

export interface ImportRunOptions {
  api: AtmintisApi;
  worker: ImportWorkerPort;
  manifest: Manifest;
  files: PackageFile[];
  source: string;
  run?: RunRequest;
  onProgress: (progress: ImportProgress) => void;
  /** Appends on their way at once (default MAX_APPENDS_IN_FLIGHT). */
  maxInFlight?: number;
}

/** Server errors carry details; commit validation sends each as `{ text }`. */
export function errorsFromAppError(error: AppError): ImportError[] {
  const details = Array.isArray(error.details)
    ? (error.details as unknown[]).map((d) =>
        typeof d === 'string'
          ? d
          : typeof (d as { text?: unknown }).text === 'string'
            ? (d as { text: string }).text
            : null,
      )
    : [];
  const listed = details.filter((d): d is string => d !== null).map((reason) => ({ reason }));
  return listed.length > 0 ? listed : [{ reason: error.message }];
}

export class ImportRun {
  private cancelled = false;
  private finish: ((outcome: ImportOutcome) => void) | null = null;

  constructor(private readonly options: ImportRunOptions) {}

  cancel(): void {
    this.cancelled = true;
    this.finish?.({ status: 'cancelled' });
  }

  async start(): Promise<ImportOutcome> {
    const { api, worker, manifest, files, source, run, onProgress } = this.options;
    const maxInFlight = Math.max(1, this.options.maxInFlight ?? MAX_APPENDS_IN_FLIGHT);
    // Every record's provenance names the same collection, file and time: sent once, here.
    const provenance =
      run?.collection !== undefined && run.importedAt !== undefined && source !== ''
        ? { collection: run.collection, file: source, importedAt: run.importedAt }
        : undefined;
    const begun = await api.call('imports.begin', {
      manifest,
      files,
      source,
      ...(provenance ? { provenance } : {}),
    });
    if (!begun.ok) return { status: 'failed', errors: errorsFromAppError(begun.error) };
    const { sessionId } = begun.value;
    const started = performance.now();
    const pending: Part[] = [];
    let produced = 0;
    let stored = 0;
    let fraction = 0;
    let workerDone: {
      errors: ImportError[];
      skipped?: { rows: SkippedRow[]; count: number };
      dateReviewCount?: number;
    } | null = null;
    let nextSeq = 0;
    let inFlight = 0;
    let idle: (() => void)[] = [];
    let settling = false;
    let failed: ImportError[] | null = null;
    const timings = {
      appendMs: 0,
      commitMs: 0,
      parts: 0,
      mainBoundMs: 0,
      workerBoundMs: 0,
      worker: undefined as WorkerTimings | undefined,
    };
    // Which side the page waited for since the last event, before the event changes the state: every
    // append slot taken (the transport and the main process are behind), or a free slot and nothing to
    // send (the worker is behind). Tells the benchmark where the bottleneck is.
    let lastMark = started;
    const mark = () => {
      const now = performance.now();
      if (inFlight >= maxInFlight) timings.mainBoundMs += now - lastMark;
      else if (pending.length === 0 && !workerDone) timings.workerBoundMs += now - lastMark;
      lastMark = now;
    };

    const outcome = new Promise<ImportOutcome>((resolve) => {
      this.finish = resolve;
    });
    const report = () =>
      onProgress({
        percent: Math.floor(100 * fraction * (produced === 0 ? 0 : stored / produced)),
        stored,
        recordsPerSecond: Math.round(stored / Math.max(0.001, (performance.now() - started) / 1000)),
      });
    /** Resolves when no append is on its way (at once if none is). */
    const whenIdle = () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));

    const settle = async () => {
      if (this.cancelled || failed || settling || !workerDone || inFlight > 0 || pending.length > 0) return;
      settling = true;
      if (workerDone.errors.length > 0) {
        failed = workerDone.errors;
        await api.call('imports.abort', { sessionId });
        this.finish?.({ status: 'failed', errors: failed });
        return;
      }
      const committing = performance.now();
      const committed = await api.call('imports.commit', { sessionId });
      timings.commitMs = performance.now() - committing;
      if (committed.ok) {
        fraction = 1;
        report();
        this.finish?.({
          status: 'done',
          summary: committed.value,
          skipped: workerDone.skipped ?? { rows: [], count: 0 },
          dateReviewCount: workerDone.dateReviewCount ?? 0,
        });
      } else {
        this.finish?.({ status: 'failed', errors: errorsFromAppError(committed.error) });
      }
    };

    const send = async (part: Part, seq: number) => {
      const sending = performance.now();
      const appended =
        'records' in part
          ? await api.call('imports.appendRecords', { sessionId, seq, records: part.records })
          : await api.call('imports.appendRecordsJson', { sessionId, seq, json: part.json });
      timings.appendMs += performance.now() - sending;
      timings.parts += 1;
      mark();
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
      if (!appended.ok) {
        if (failed || this.cancelled) return;
        failed = errorsFromAppError(appended.error);
        pending.length = 0;
        worker.terminate();
        // The parts still on their way must not land after the abort: it is the session's last word.
        await whenIdle();
        await api.call('imports.abort', { sessionId });
        this.finish?.({ status: 'failed', errors: failed });
        return;
      }
      // After a cancel the page has moved on: no more progress to show.
      if (this.cancelled) return;
      // Answers may come back out of order; the main process counts in seq order.
      stored = Math.max(stored, appended.value.received);
      report();
      pump();
    };

    const pump = () => {
      while (inFlight < maxInFlight && pending.length > 0 && !this.cancelled && !failed) {
        const part = pending.shift() as Part;
        inFlight += 1;
        void send(part, nextSeq++);
      }
      void settle();
    };

    const onMessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      mark();
      if (message.type === 'part') {
        produced += message.count;
        pending.push({ json: message.json, count: message.count });
        pump();
      } else if (message.type === 'batch') {
        produced += message.records.length;
        // Small batches travel together, up to the request cap.
        const last = pending.at(-1);
        let rest = message.records;
        if (last && 'records' in last && last.records.length < MAX_RECORDS_PER_BATCH) {
          const room = MAX_RECORDS_PER_BATCH - last.records.length;
          last.records = last.records.concat(rest.slice(0, room));
          rest = rest.slice(room);
        }
        for (let i = 0; i < rest.length; i += MAX_RECORDS_PER_BATCH) {
          pending.push({ records: rest.slice(i, i + MAX_RECORDS_PER_BATCH) });
        }
        pump();
      } else if (message.type === 'progress') {
        fraction = message.fraction;
        report();
      } else if (message.type === 'done') {
        fraction = 1;
        timings.worker = message.timings;
        workerDone = {
          errors: message.errors,
          skipped: { rows: message.skippedRows, count: message.skippedCount },
          dateReviewCount: message.dateReviewCount,
        };
        if (message.errors.length > 0) pending.length = 0;
        void settle();
      } else if (message.type === 'failed') {
        workerDone = { errors: message.errors };
        pending.length = 0;
        void settle();
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ type: 'run', ...run, ...(provenance ? { sharedProvenance: provenance } : {}) });
    const result = await outcome;
    worker.removeEventListener('message', onMessage);
    if (result.status === 'cancelled') {
      worker.terminate();
      pending.length = 0;
      // Let the appends on their way land first, so the abort is the session's last word.
      await whenIdle();
      await api.call('imports.abort', { sessionId });
    }
    idle = [];
    measure(started, timings);
    return result;
  }
}

/**
 * Leaves where the time went as a performance measure ("atmintis-import", with the split in `detail`)
 * for the import benchmark (bench/import-browser.ts) and the DevTools performance panel.
 */
function measure(
  started: number,
  timings: {
    appendMs: number;
    commitMs: number;
    parts: number;
    mainBoundMs: number;
    workerBoundMs: number;
    worker: WorkerTimings | undefined;
  },
): void {
  const { worker } = timings;
  const detail: Record<string, number> = {
    wallMs: performance.now() - started,
    parts: timings.parts,
    appendRoundTripsMs: timings.appendMs,
    waitingForMainMs: timings.mainBoundMs,
    waitingForWorkerMs: timings.workerBoundMs,
    commitMs: timings.commitMs,
  };
  if (worker) {
    detail['workerRunMs'] = worker.runMs;
    detail['workerParseMs'] = worker.runMs - worker.mapMs;
    detail['workerMapMs'] = worker.mapMs - worker.encodeMs - worker.postMs;
    detail['workerEncodeMs'] = worker.encodeMs;
    detail['workerPostMs'] = worker.postMs;
  }
  try {
    performance.measure('atmintis-import', { start: started, end: performance.now(), detail });
  } catch {
    // A host without User Timing Level 3 has no measure to leave; the import itself is done.
  }
}
