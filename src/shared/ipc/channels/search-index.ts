/**
 * The renderer's prepared search index, kept on disk between runs so a start need not rebuild it. The
 * main process stores the snapshot as opaque bytes under a key the renderer chooses (which collections
 * at which revisions, which index format), and gives it back only for that same key.
 *
 * Only saving is a channel. Loading is a same-origin URL answered with the raw bytes (see
 * src/shared/search/index-url.ts): the search worker fetches it directly, because base64 inside JSON
 * made reading a large snapshot slower than opening it.
 */
import { z } from 'zod';

/**
 * Larger snapshots are refused: the bytes travel through IPC as base64 text (a JS string holds at most
 * about 512 million characters) and are held in memory on both sides. 256 MiB is about 650,000 people.
 */
export const MAX_SEARCH_INDEX_BYTES = 256 * 1024 * 1024;

/** Base64 of MAX_SEARCH_INDEX_BYTES, plus padding: the size check proper happens on the decoded bytes. */
export const MAX_SEARCH_INDEX_BASE64_CHARS = Math.ceil(MAX_SEARCH_INDEX_BYTES / 3) * 4 + 4;

export const MAX_SEARCH_INDEX_KEY_CHARS = 4096;

const key = z.string().min(1).max(MAX_SEARCH_INDEX_KEY_CHARS);

export const searchIndexRequests = {
  'searchIndex.save': z
    .object({
      key,
      contentBase64: z
        .string()
        .max(MAX_SEARCH_INDEX_BASE64_CHARS, 'a search index snapshot may be at most 256 MiB'),
    })
    .strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type SearchIndexChannel = keyof typeof searchIndexRequests;

export interface SearchIndexResponses {
  'searchIndex.save': { bytes: number };
}
