/**
 * The page's side of the linkage worker: one run at a time. Cancel answers at once (the worker stops
 * at its next pause through the run's AbortSignal); a late answer of a cancelled or older run is
 * dropped here.
 */
import type { LinkageProgress, LinkageResult } from '@shared/linkage/run';
import type { LinkRecord } from '@shared/linkage/types';
import type { LinkageWorkerRequest, LinkageWorkerResponse, WorkerLinkageOptions } from './protocol';

/** What the client needs of a Worker (an in-process fake in tests: jsdom has no Worker). */
export interface LinkageWorkerPort {
  postMessage(message: LinkageWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LinkageWorkerResponse>) => void): void;
  terminate(): void;
}

export function createLinkageWorker(): LinkageWorkerPort {
  return new Worker(new URL('./linkage.worker.ts', import.meta.url), { type: 'module', name: 'linkage' });
}

export type RunOutcome =
  { status: 'done'; result: LinkageResult } | { status: 'cancelled' } | { status: 'failed'; message: string };

interface Pending {
  id: number;
  resolve: (outcome: RunOutcome) => void;
  onProgress: (progress: LinkageProgress) => void;
}

export class LinkageClient {
  private seq = 0;
  private pending: Pending | null = null;

  constructor(private readonly port: LinkageWorkerPort) {
    port.addEventListener('message', (event) => this.onMessage(event.data));
  }

  run(
    records: LinkRecord[],
    options: WorkerLinkageOptions,
    onProgress: (progress: LinkageProgress) => void,
  ): Promise<RunOutcome> {
    this.cancel();
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.pending = { id, resolve, onProgress };
      this.port.postMessage({ type: 'run', id, records, options });
    });
  }

  /** Stops the current run, if any; its promise answers "cancelled". */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.port.postMessage({ type: 'cancel', id: pending.id });
    pending.resolve({ status: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.port.terminate();
  }

  private onMessage(message: LinkageWorkerResponse): void {
    const pending = this.pending;
    if (!pending || pending.id !== message.id) return; // an older or cancelled run
    if (message.type === 'progress') {
      pending.onProgress(message.progress);
      return;
    }
    this.pending = null;
    if (message.type === 'done') pending.resolve({ status: 'done', result: message.result });
    else if (message.type === 'cancelled') pending.resolve({ status: 'cancelled' });
    else pending.resolve({ status: 'failed', message: message.message });
  }
}
