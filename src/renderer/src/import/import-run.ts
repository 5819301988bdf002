/**
 * Runs one import from the page: opens a session in the main process, lets the worker produce records,
 * sends them in batches as they come (the transport caps a request's size, and a 200,000-row file must
 * never be one message), then commits — or aborts on any error or on cancel, so nothing half-imported
 * remains. Progress counts records stored per second.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import type { CollectionRecord, Manifest } from '@shared/collection/schema';
import { MAX_RECORDS_PER_BATCH, type ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import type { ImportError } from '@shared/import/errors';
import type { PackageFile } from '@shared/import/collection-source';
import type { SkippedRow } from '@shared/import/delimited';
import type { AppError } from '@shared/result';
import type { ImportWorkerRequest, ImportWorkerResponse, RunRequest } from './protocol';

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
    const begun = await api.call('imports.begin', { manifest, files, source });
    if (!begun.ok) return { status: 'failed', errors: errorsFromAppError(begun.error) };
    const { sessionId } = begun.value;
    const started = performance.now();
    const queue: CollectionRecord[] = [];
    let produced = 0;
    let stored = 0;
    let fraction = 0;
    let workerDone: {
      errors: ImportError[];
      skipped?: { rows: SkippedRow[]; count: number };
      dateReviewCount?: number;
    } | null = null;
    let sending = false;
    let failed: ImportError[] | null = null;

    const outcome = new Promise<ImportOutcome>((resolve) => {
      this.finish = resolve;
    });
    const report = () =>
      onProgress({
        percent: Math.floor(100 * fraction * (produced === 0 ? 0 : stored / produced)),
        stored,
        recordsPerSecond: Math.round(stored / Math.max(0.001, (performance.now() - started) / 1000)),
      });

    const settle = async () => {
      if (this.cancelled || failed || !workerDone || sending || queue.length > 0) return;
      if (workerDone.errors.length > 0) {
        failed = workerDone.errors;
        await api.call('imports.abort', { sessionId });
        this.finish?.({ status: 'failed', errors: failed });
        return;
      }
      const committed = await api.call('imports.commit', { sessionId });
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

    const pump = async () => {
      if (sending) return;
      sending = true;
      while (queue.length > 0 && !this.cancelled && !failed) {
        const records = queue.splice(0, MAX_RECORDS_PER_BATCH);
        const appended = await api.call('imports.appendRecords', { sessionId, records });
        if (!appended.ok) {
          failed = errorsFromAppError(appended.error);
          worker.terminate();
          await api.call('imports.abort', { sessionId });
          this.finish?.({ status: 'failed', errors: failed });
          break;
        }
        stored = appended.value.received;
        report();
      }
      sending = false;
      await settle();
    };

    const onMessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'batch') {
        produced += message.records.length;
        queue.push(...message.records);
        void pump();
      } else if (message.type === 'progress') {
        fraction = message.fraction;
        report();
      } else if (message.type === 'done') {
        fraction = 1;
        workerDone = {
          errors: message.errors,
          skipped: { rows: message.skippedRows, count: message.skippedCount },
          dateReviewCount: message.dateReviewCount,
        };
        if (message.errors.length > 0) queue.length = 0;
        void settle();
      } else if (message.type === 'failed') {
        workerDone = { errors: message.errors };
        queue.length = 0;
        void settle();
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ type: 'run', ...run });
    const result = await outcome;
    worker.removeEventListener('message', onMessage);
    if (result.status === 'cancelled') {
      worker.terminate();
      // Wait for an append in flight so the abort is the session's last word.
      await api.call('imports.abort', { sessionId });
    }
    return result;
  }
}
