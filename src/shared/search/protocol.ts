/**
 * The messages between the renderer and the search worker, and the worker's logic as a plain object
 * (so it runs, and is tested, without a Worker: in Node, in jsdom, or in worker_threads for benchmarks).
 *
 * Only compact data crosses back: hits are ids, kinds, scores and match ranges, never whole records.
 * Cancellation: every search carries a sequence number; the host runs only the newest search waiting
 * when it gets to work, so searches superseded while typing are never run (and the client ignores any
 * late answer to an older number).
 */
import type { LoadedCollection } from '../collection/validate';
import { extractDocuments, type SearchDocument } from './documents';
import { mergeResponses } from './merge';
import { createSearchEngine, type SearchEngine, type SearchResponse } from './engine';

export type SearchWorkerRequest =
  | { type: 'index'; collections: LoadedCollection[] }
  | { type: 'search'; seq: number; query: string; limit?: number }
  /** The user's notes as documents (indexed apart, see note-documents.ts) and what they are attached to. */
  | { type: 'notes'; documents: SearchDocument[]; notedIds: string[] };

export type SearchWorkerResponse =
  | { type: 'indexed'; documents: number; ms: number }
  | { type: 'results'; seq: number; query: string; response: SearchResponse; ms: number }
  | { type: 'failed'; seq: number | null; message: string };

export interface SearchWorkerHost {
  receive(message: SearchWorkerRequest): void;
}

export function createSearchWorkerHost(
  post: (message: SearchWorkerResponse) => void,
  /** Defers running a search, so newer searches that arrive meanwhile can supersede it. */
  defer: (run: () => void) => void = (run) => setTimeout(run, 0),
  now: () => number = () => performance.now(),
): SearchWorkerHost {
  let engine: SearchEngine | null = null;
  let waiting: Extract<SearchWorkerRequest, { type: 'search' }> | null = null;
  let scheduled = false;
  let noted: string[] = [];
  let notesEngine: SearchEngine | null = null;

  const run = () => {
    scheduled = false;
    const request = waiting;
    if (!request || !engine) return;
    waiting = null;
    const started = now();
    try {
      const options = request.limit === undefined ? {} : { limit: request.limit };
      const collectionsResponse = engine.search(request.query, options);
      const response = notesEngine
        ? mergeResponses(
            collectionsResponse,
            notesEngine.search(request.query, options),
            options.limit ?? 100,
          )
        : collectionsResponse;
      post({ type: 'results', seq: request.seq, query: request.query, response, ms: now() - started });
    } catch (error) {
      post({
        type: 'failed',
        seq: request.seq,
        message: error instanceof Error ? error.message : String(error),
      });
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
        case 'index': {
          const started = now();
          try {
            engine = createSearchEngine(message.collections.flatMap(extractDocuments));
            engine.setNotedDocuments(noted);
            post({ type: 'indexed', documents: engine.size, ms: now() - started });
            if (waiting) schedule();
          } catch (error) {
            post({
              type: 'failed',
              seq: null,
              message: error instanceof Error ? error.message : String(error),
            });
          }
          break;
        }
        case 'search':
          waiting = message;
          if (engine) schedule();
          break;
        case 'notes':
          noted = message.notedIds;
          engine?.setNotedDocuments(noted);
          notesEngine = message.documents.length > 0 ? createSearchEngine(message.documents) : null;
          // A note matches has:notes itself.
          notesEngine?.setNotedDocuments(message.documents.map((doc) => doc.id));
          break;
      }
    },
  };
}
