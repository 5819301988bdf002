/**
 * worker_threads entry for bench/search.ts: runs either the app's search worker logic
 * (createSearchWorkerHost, exactly what search.worker.ts runs in the renderer) or plain Fuse.js with
 * default options over the same documents, and answers timed searches.
 */
import Fuse from 'fuse.js';
import { parentPort } from 'node:worker_threads';
import type { LoadedCollection } from '@shared/collection/model';
import { SEARCH_FIELDS, extractDocuments } from '@shared/search/documents';
import { createSearchWorkerHost, type SearchWorkerResponse } from '@shared/search/protocol';

export type BenchRequest =
  | { type: 'setup'; engine: 'atmintis' | 'fuse-default'; collection: LoadedCollection }
  | { type: 'search'; seq: number; query: string };

export type BenchResponse =
  | { type: 'ready'; documents: number; ms: number }
  | { type: 'results'; seq: number; total: number; ms: number };

const port = parentPort;
if (!port) throw new Error('bench/search-worker.ts must run in a worker thread');

let search: ((seq: number, query: string) => void) | null = null;

port.on('message', (message: BenchRequest) => {
  if (message.type === 'search') {
    search?.(message.seq, message.query);
    return;
  }
  const started = performance.now();
  if (message.engine === 'atmintis') {
    // No deferral: the bench sends one query at a time and waits for its answer.
    const host = createSearchWorkerHost(
      (response: SearchWorkerResponse) => {
        if (response.type === 'indexed')
          port.postMessage({ type: 'ready', documents: response.documents, ms: response.ms });
        if (response.type === 'results')
          port.postMessage({
            type: 'results',
            seq: response.seq,
            total: response.response.total,
            ms: response.ms,
          });
      },
      (run) => run(),
    );
    search = (seq, query) => host.receive({ type: 'search', seq, query });
    host.receive({ type: 'index', collections: [message.collection] });
  } else {
    const documents = extractDocuments(message.collection);
    const fuse = new Fuse(documents, { keys: SEARCH_FIELDS.map((field) => `fields.${field}`) });
    port.postMessage({ type: 'ready', documents: documents.length, ms: performance.now() - started });
    search = (seq, query) => {
      const t = performance.now();
      const total = fuse.search(query).length;
      port.postMessage({ type: 'results', seq, total, ms: performance.now() - t });
    };
  }
});
