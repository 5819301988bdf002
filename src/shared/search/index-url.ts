/**
 * Where the search worker fetches (GET, byte ranges) and saves (PUT) the search index: a same-origin
 * URL served by each transport (Electron's app:// protocol, the loopback web server) straight from the
 * main process's store, as raw bytes streamed to and from disk. Not a contract channel: those carry
 * JSON, and a 60 MB index as base64 in JSON cost more to parse than the whole index costs to open.
 */
export const SEARCH_INDEX_PATH = '/search-index.bin';

/** The URL for the index saved under `key` (see index-key.ts); 404 when none is saved under it. */
export function searchIndexUrl(key: string): string {
  return `${SEARCH_INDEX_PATH}?key=${encodeURIComponent(key)}`;
}

/**
 * Saving is a PUT of the raw bytes to the same URL (from the search worker, same origin), declaring in
 * these headers the body's length and sha256 (hex): main refuses a body that does not match them.
 * Declared apart from Content-Length, which Electron's protocol handler may not pass on.
 */
export const INDEX_BYTES_HEADER = 'X-Atmintis-Index-Bytes';
export const INDEX_SHA256_HEADER = 'X-Atmintis-Index-Sha256';
