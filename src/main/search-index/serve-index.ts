/**
 * The saved search index as bytes at SEARCH_INDEX_PATH, for the renderer's search worker to fetch.
 * Independent of the transport: Electron's app:// protocol and the web harness both turn the answer
 * into their own response, so the two cannot answer differently.
 *
 * Not a contract channel on purpose: those carry JSON, and a 60 MB snapshot as base64 inside JSON
 * cost 0.5–1.3 s to stringify and parse. Saving stays a channel (once, in the background).
 */
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { SEARCH_INDEX_PATH } from '@shared/search/index-url';
import { staticHeaders } from '../static/static-files';
import type { SearchIndexStore } from './index-store';

interface SearchIndexResponse {
  status: 200 | 400 | 404;
  body: Uint8Array | string;
  headers: Record<string, string>;
}

/** True when a request is for the index route (the transports check this before their static files). */
export const isSearchIndexRequest = (url: URL): boolean => url.pathname === SEARCH_INDEX_PATH;

/**
 * The static files' headers (CSP, nosniff, same-origin resource policy), so the route is no weaker
 * than any file beside it, but never cached: a snapshot is replaced in place under the same URL
 * whenever the collections change, and it can be large.
 */
function headers(contentType: string): Record<string, string> {
  return { ...staticHeaders(SEARCH_INDEX_PATH), 'Content-Type': contentType, 'Cache-Control': 'no-store' };
}

const text = (status: 400 | 404, message: string): SearchIndexResponse => ({
  status,
  body: message,
  headers: headers('text/plain; charset=utf-8'),
});

/**
 * Answers a request for `<SEARCH_INDEX_PATH>?key=…`: 200 with the snapshot saved under exactly that
 * key, 404 when there is none (nothing saved, saved under another key, or a damaged file: the worker
 * then rebuilds), 400 when the key is missing, empty, repeated or too long.
 */
export async function serveSearchIndex(store: SearchIndexStore, url: URL): Promise<SearchIndexResponse> {
  if (!isSearchIndexRequest(url)) return text(404, 'Not found');
  const keys = url.searchParams.getAll('key');
  const key = keys[0];
  // Two keys would make which one is used an accident of parsing; refuse rather than guess.
  if (keys.length !== 1 || key === undefined || key.length === 0) {
    return text(400, 'A search index request needs exactly one non-empty "key" query parameter');
  }
  if (key.length > MAX_SEARCH_INDEX_KEY_CHARS) {
    return text(
      400,
      `A search index key must be at most ${MAX_SEARCH_INDEX_KEY_CHARS} characters long (got ${key.length})`,
    );
  }
  const bytes = await store.load(key);
  if (bytes === null) return text(404, 'No search index is saved under this key');
  return { status: 200, body: bytes, headers: headers('application/octet-stream') };
}
