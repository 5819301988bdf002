/**
 * The renderer's side of the search worker: sends the collections to index and queries to run, and
 * resolves each query with its results, or with null when a newer query superseded it (stale answers
 * are dropped here even if the worker already ran them).
 */
import type { SearchDocument } from '@shared/search/documents';
import type { LoadedCollection } from '@shared/collection/model';
import type { SearchResponse } from '@shared/search/response';
import type { SearchWorkerRequest, SearchWorkerResponse } from '@shared/search/messages';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(message: SearchWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchWorkerResponse>) => void): void;
  terminate(): void;
}

export interface SearchOutcome {
  query: string;
  response: SearchResponse;
  /** Time the worker spent on the search, in milliseconds. */
  ms: number;
}

export class SearchClient {
  private seq = 0;
  private pending: {
    seq: number;
    resolve: (outcome: SearchOutcome | null) => void;
    reject: (error: Error) => void;
  } | null = null;
  private indexing: { resolve: (documents: number) => void; reject: (error: Error) => void } | null = null;
  private saving: { resolve: (bytes: number) => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly worker: WorkerPort) {
    worker.addEventListener('message', (event) => this.onMessage(event.data));
  }

  /** Index these collections (replacing any earlier index). Resolves with the number of documents. */
  index(collections: LoadedCollection[]): Promise<number> {
    this.indexing?.reject(new Error('superseded by a newer index request'));
    return new Promise((resolve, reject) => {
      this.indexing = { resolve, reject };
      this.worker.postMessage({ type: 'index', collections });
    });
  }

  /**
   * Open the saved index at this URL (see src/shared/search/index-url.ts). Rejects when there is none
   * (NO_SAVED_INDEX) or it cannot be opened (damaged, another format); the worker then keeps whatever
   * index it had.
   */
  load(url: string): Promise<number> {
    this.indexing?.reject(new Error('superseded by a newer index request'));
    return new Promise((resolve, reject) => {
      this.indexing = { resolve, reject };
      this.worker.postMessage({ type: 'load', url });
    });
  }

  /**
   * Save the current index at this URL (see src/shared/search/index-url.ts). The worker makes the
   * snapshot and sends its bytes to main itself, so they never cross to the page. Resolves with its
   * size in bytes once it is on disk.
   */
  save(url: string): Promise<number> {
    this.saving?.reject(new Error('superseded by a newer snapshot request'));
    return new Promise((resolve, reject) => {
      this.saving = { resolve, reject };
      this.worker.postMessage({ type: 'snapshot', url });
    });
  }

  /** Run a query. Resolves with null if another query is sent before this one's answer arrives. */
  search(query: string, limit?: number, similar = false): Promise<SearchOutcome | null> {
    this.pending?.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending = { seq, resolve, reject };
      this.worker.postMessage({
        type: 'search',
        seq,
        query,
        ...(limit === undefined ? {} : { limit }),
        ...(similar ? { similar } : {}),
      });
    });
  }

  /** Give the worker the user's notes to search, and which documents they are attached to (`has:notes`). */
  setNotes(documents: SearchDocument[], notedIds: string[]): void {
    this.worker.postMessage({ type: 'notes', documents, notedIds });
  }

  dispose(): void {
    this.pending?.resolve(null);
    this.indexing?.reject(new Error('search closed'));
    this.saving?.reject(new Error('search closed'));
    this.worker.terminate();
  }

  private onMessage(message: SearchWorkerResponse): void {
    if (message.type === 'indexed') {
      this.indexing?.resolve(message.documents);
      this.indexing = null;
      return;
    }
    if (message.type === 'snapshot') {
      this.saving?.resolve(message.bytes);
      this.saving = null;
      return;
    }
    if (message.type === 'failed' && message.seq === null) {
      if (message.stage === 'snapshot') {
        this.saving?.reject(new Error(message.message));
        this.saving = null;
      } else {
        this.indexing?.reject(new Error(message.message));
        this.indexing = null;
      }
      return;
    }
    const pending = this.pending;
    if (!pending || pending.seq !== message.seq) return; // a stale answer
    this.pending = null;
    if (message.type === 'results')
      pending.resolve({ query: message.query, response: message.response, ms: message.ms });
    else pending.reject(new Error(message.message));
  }
}

export function createSearchWorker(): WorkerPort {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
}
