/**
 * The messages between the renderer and the search worker (types), and the one failure message the
 * renderer compares: apart from protocol.ts so the UI thread does not load the engine to name them.
 */
import type { LoadedCollection } from '../collection/model';
import type { SearchDocument } from './documents';
import type { SearchResponse } from './response';

export type SearchWorkerRequest =
  | { type: 'index'; collections: LoadedCollection[] }
  /** Open the saved index (engine.snapshot()) at this same-origin URL (see index-url.ts). */
  | { type: 'load'; url: string }
  /**
   * Make a snapshot of the current index and save it (PUT, raw bytes) at this same-origin URL, once
   * searches have been quiet for a while (it takes seconds at 200,000 documents and would hold up the
   * user's first searches): answered with a 'snapshot' message once main has it on disk.
   */
  | { type: 'snapshot'; url: string }
  /** `similar`: list typos and sound-alikes even when closer matches exist (SearchOptions.similar). */
  | { type: 'search'; seq: number; query: string; limit?: number; similar?: boolean }
  /** The user's notes as documents (indexed apart, see note-documents.ts) and what they are attached to. */
  | { type: 'notes'; documents: SearchDocument[]; notedIds: string[] };

export type SearchWorkerResponse =
  | { type: 'indexed'; documents: number; ms: number; from: 'collections' | 'snapshot' }
  /** The snapshot is saved: `bytes` long, made and sent in `ms`. */
  | { type: 'snapshot'; bytes: number; ms: number }
  | { type: 'results'; seq: number; query: string; response: SearchResponse; ms: number }
  /** seq null: indexing, loading or snapshotting failed (`stage` says which); otherwise that search. */
  | { type: 'failed'; seq: number | null; stage?: 'index' | 'load' | 'snapshot'; message: string };

/** The 'load' failure that only means nothing is saved yet (not worth a warning). */
export const NO_SAVED_INDEX = 'no saved index';
