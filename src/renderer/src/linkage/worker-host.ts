/**
 * The linkage worker's logic, apart from the worker's message port so tests can run it in-process:
 * one run at a time, each with its own AbortController; a newer run cancels the older one.
 */
import { runLinkage } from '@shared/linkage/run';
import type { LinkageWorkerRequest, LinkageWorkerResponse } from './protocol';

export interface LinkageWorkerHost {
  receive(message: LinkageWorkerRequest): Promise<void>;
}

export function createLinkageWorkerHost(post: (message: LinkageWorkerResponse) => void): LinkageWorkerHost {
  let current: { id: number; controller: AbortController } | null = null;
  return {
    async receive(message) {
      if (message.type === 'cancel') {
        if (current?.id === message.id) current.controller.abort();
        return;
      }
      current?.controller.abort();
      const run = { id: message.id, controller: new AbortController() };
      current = run;
      const { touching, ...options } = message.options;
      try {
        const result = await runLinkage(
          message.records,
          { ...options, ...(touching ? { touching: new Set(touching) } : {}) },
          {
            signal: run.controller.signal,
            onProgress: (progress) => post({ type: 'progress', id: run.id, progress }),
          },
        );
        post({ type: 'done', id: run.id, result });
      } catch (error) {
        if (run.controller.signal.aborted) post({ type: 'cancelled', id: run.id });
        else
          post({
            type: 'failed',
            id: run.id,
            message: error instanceof Error ? error.message : String(error),
          });
      } finally {
        if (current === run) current = null;
      }
    },
  };
}
