/**
 * The renderer's prepared search index, kept on disk between runs so a start need not rebuild it. The
 * main process stores the snapshot as opaque bytes under a key the renderer chooses (which collections
 * at which revisions, which index format), and gives it back only for that same key.
 *
 * No channel: the index moves as raw bytes through a same-origin URL (src/shared/search/index-url.ts),
 * read with GET and saved with PUT by the search worker, streamed to and from disk by main. The base64
 * channel it replaces capped the index at 256 MiB (about 650,000 people), because the bytes travelled
 * as one JSON string held whole on both sides. These are the limits both sides share.
 */

/**
 * A sanity limit, not a product one: far above any registry known (3 million people make about 1.2
 * GiB), the disk's free space is checked too, and a larger upload is refused with a clear error.
 */
export const MAX_SEARCH_INDEX_BYTES = 16 * 1024 ** 3;

export const MAX_SEARCH_INDEX_KEY_CHARS = 4096;
