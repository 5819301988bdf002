/**
 * Messages between the Linkage view and its worker. The page sends the person records (it already
 * holds the collections in the window's shared cache, and a worker cannot reach the preload API);
 * the worker runs the shared core (@shared/linkage/run) and answers with progress and candidates.
 */
import type { LinkageModel } from '@shared/linkage/model';
import type { LinkageProgress, LinkageResult } from '@shared/linkage/run';
import type { LinkRecord, LinkScope } from '@shared/linkage/types';

/** The options a run may carry across the worker boundary (structured-clone safe). */
export interface WorkerLinkageOptions {
  scope?: LinkScope;
  keepAbove?: number;
  /** Ids whose pairs are scored again (an incremental run); all pairs when absent. */
  touching?: string[];
  /** The previous run's weights, so re-scored pairs compare with the kept ones. */
  model?: LinkageModel;
}

export type LinkageWorkerRequest =
  | { type: 'run'; id: number; records: LinkRecord[]; options: WorkerLinkageOptions }
  | { type: 'cancel'; id: number };

export type LinkageWorkerResponse =
  | { type: 'progress'; id: number; progress: LinkageProgress }
  | { type: 'done'; id: number; result: LinkageResult }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };
