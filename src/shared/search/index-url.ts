/**
 * Where the search worker fetches the saved search index: a same-origin URL served by each transport
 * (Electron's app:// protocol, the loopback web server) straight from the main process's store, as
 * bytes. Not a contract channel: those carry JSON, and a 60 MB index as base64 in JSON cost more to
 * parse than the whole index costs to open.
 */
export const SEARCH_INDEX_PATH = '/search-index.bin';

/** The URL for the index saved under `key` (see index-key.ts); 404 when none is saved under it. */
export function searchIndexUrl(key: string): string {
  return `${SEARCH_INDEX_PATH}?key=${encodeURIComponent(key)}`;
}
