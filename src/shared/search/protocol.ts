/**
 * The search worker's logic as a plain object (so it runs, and is tested, without a Worker: in Node,
 * in jsdom, or in worker_threads for benchmarks); the messages it exchanges are typed in messages.ts.
 *
 * Only what is shown crosses back: the best hits, each with its document and match ranges, and counts.
 * Cancellation: every search carries a sequence number; the host runs only the newest search waiting
 * when it gets to work, so searches superseded while typing are never run (and the client ignores any
 * late answer to an older number).
 */
import { INDEX_BYTES_HEADER, INDEX_SHA256_HEADER } from './index-url';
import { extractDocuments } from './documents';
import { mergeResponses } from './merge';
import { createSearchEngine, loadSearchEngine, type SearchEngine } from './engine';
import { NO_SAVED_INDEX, type SearchWorkerRequest, type SearchWorkerResponse } from './messages';

export { NO_SAVED_INDEX } from './messages';
export type { SearchWorkerRequest, SearchWorkerResponse } from './messages';

export interface SearchWorkerHost {
  receive(message: SearchWorkerRequest): void;
}

/** What the worker does outside itself; tests replace it. */
export interface SearchWorkerIo {
  /** The bytes at a URL, or null when there is nothing there (404). */
  fetchBytes(url: string): Promise<Uint8Array | null>;
  /** Stores `bytes` at a URL (PUT), rejecting with the server's reason when it refuses them. */
  putBytes(url: string, bytes: Uint8Array): Promise<void>;
  /** Runs `run` after `ms` milliseconds. */
  later(run: () => void, ms: number): void;
  /** How long searches must have been quiet before a snapshot is made. */
  quietMs: number;
}

export const browserWorkerIo: SearchWorkerIo = {
  async fetchBytes(url) {
    const response = await fetch(url);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
  async putBytes(url, bytes) {
    const view = bytes as Uint8Array<ArrayBuffer>;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view));
    const response = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/octet-stream',
        [INDEX_BYTES_HEADER]: String(bytes.byteLength),
        [INDEX_SHA256_HEADER]: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
      },
      // A Blob: Chromium uploads one several times faster than an ArrayBuffer of the same bytes
      // (measured for import parts, see src/renderer/src/api/http-transport.ts).
      body: new Blob([view]),
    });
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(answer?.error?.message ?? `${url}: HTTP ${response.status}`);
    }
  },
  later: (run, ms) => setTimeout(run, ms),
  quietMs: 3000,
};

export function createSearchWorkerHost(
  post: (message: SearchWorkerResponse) => void,
  /** Defers running a search, so newer searches that arrive meanwhile can supersede it. */
  defer: (run: () => void) => void = (run) => setTimeout(run, 0),
  now: () => number = () => performance.now(),
  io: SearchWorkerIo = browserWorkerIo,
): SearchWorkerHost {
  let engine: SearchEngine | null = null;
  let waiting: Extract<SearchWorkerRequest, { type: 'search' }> | null = null;
  let scheduled = false;
  let noted: string[] = [];
  let notesEngine: SearchEngine | null = null;
  let lastSearchAt = -Infinity;
  /** Where the next snapshot goes, once searches are quiet; null when none is wanted. */
  let snapshotUrl: string | null = null;

  const run = () => {
    scheduled = false;
    const request = waiting;
    if (!request || !engine) return;
    waiting = null;
    const started = now();
    try {
      const options = {
        ...(request.limit === undefined ? {} : { limit: request.limit }),
        ...(request.similar ? { similar: true } : {}),
      };
      const collectionsResponse = engine.search(request.query, options);
      const response = notesEngine
        ? mergeResponses(
            collectionsResponse,
            notesEngine.search(request.query, options),
            options.limit ?? 100,
          )
        : collectionsResponse;
      post({ type: 'results', seq: request.seq, query: request.query, response, ms: now() - started });
      lastSearchAt = now();
    } catch (error) {
      post({ type: 'failed', seq: request.seq, message: messageOf(error) });
    }
  };

  /** Replaces the engine with a new one (built or loaded); a failure keeps the old one. */
  const open = (stage: 'index' | 'load', make: () => SearchEngine, started = now()) => {
    try {
      engine = make();
      engine.setNotedDocuments(noted);
      post({
        type: 'indexed',
        documents: engine.size,
        ms: now() - started,
        from: stage === 'index' ? 'collections' : 'snapshot',
      });
      if (waiting) schedule();
    } catch (error) {
      post({ type: 'failed', seq: null, stage, message: messageOf(error) });
    }
  };

  const snapshotWhenQuiet = () => {
    const url = snapshotUrl;
    if (url === null) return;
    const quietFor = now() - lastSearchAt;
    if (waiting || quietFor < io.quietMs) {
      io.later(snapshotWhenQuiet, Math.max(1, io.quietMs - quietFor));
      return;
    }
    snapshotUrl = null;
    const started = now();
    const failed = (error: unknown) =>
      post({ type: 'failed', seq: null, stage: 'snapshot', message: messageOf(error) });
    try {
      if (!engine) throw new Error('there is no index to save yet');
      // Sent from here, same origin, straight to main: the bytes never cross to the page.
      const bytes = engine.snapshot();
      io.putBytes(url, bytes).then(
        () => post({ type: 'snapshot', bytes: bytes.byteLength, ms: now() - started }),
        failed,
      );
    } catch (error) {
      failed(error);
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(run);
  };

  return {
    receive(message) {
      switch (message.type) {
        case 'index':
          open('index', () => createSearchEngine(message.collections.flatMap(extractDocuments)));
          break;
        case 'load': {
          const started = now();
          io.fetchBytes(message.url).then(
            (bytes) => {
              if (bytes) open('load', () => loadSearchEngine(bytes), started);
              else post({ type: 'failed', seq: null, stage: 'load', message: NO_SAVED_INDEX });
            },
            (error: unknown) => post({ type: 'failed', seq: null, stage: 'load', message: messageOf(error) }),
          );
          break;
        }
        case 'snapshot':
          snapshotUrl = message.url;
          io.later(snapshotWhenQuiet, io.quietMs);
          break;
        case 'search':
          waiting = message;
          if (engine) schedule();
          break;
        case 'notes':
          noted = message.notedIds;
          engine?.setNotedDocuments(noted);
          // Rebuilt at every change of the notes and never saved: answers precomputed for short
          // words would be thrown away before they paid for themselves.
          notesEngine =
            message.documents.length > 0
              ? createSearchEngine(message.documents, { shortPrefixes: false })
              : null;
          // A note matches has:notes itself.
          notesEngine?.setNotedDocuments(message.documents.map((doc) => doc.id));
          break;
      }
    },
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
