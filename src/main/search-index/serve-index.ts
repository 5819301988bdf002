/**
 * The saved search index at SEARCH_INDEX_PATH, read (GET, HEAD, byte ranges) as a stream straight
 * from the file, so main never holds the whole index in memory. Independent of the transport:
 * Electron's app:// protocol and the web harness both turn the answer into their own response, so the
 * two cannot answer differently. Saving (PUT) is save-index.ts.
 *
 * Not a contract channel on purpose: those carry JSON, and a 60 MB snapshot as base64 inside JSON
 * cost 0.5–1.3 s to stringify and parse.
 */
import type { Readable } from 'node:stream';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { SEARCH_INDEX_PATH } from '@shared/search/index-url';
import { staticHeaders } from '../static/static-files';
import type { ByteRange, SearchIndexStore } from './index-store';

export interface SearchIndexResponse {
  status: number;
  /** Text (errors), a stream of the index's bytes, or nothing (HEAD). */
  body: string | Readable | null;
  headers: Record<string, string>;
}

/** True when a request is for the index route (the transports check this before their static files). */
export const isSearchIndexRequest = (url: URL): boolean => url.pathname === SEARCH_INDEX_PATH;

/**
 * The static files' headers (CSP, nosniff, same-origin resource policy), so the route is no weaker
 * than any file beside it, but never cached: a snapshot is replaced in place under the same URL
 * whenever the collections change, and it can be large.
 */
export function indexHeaders(contentType: string): Record<string, string> {
  return { ...staticHeaders(SEARCH_INDEX_PATH), 'Content-Type': contentType, 'Cache-Control': 'no-store' };
}

export const textResponse = (status: number, message: string): SearchIndexResponse => ({
  status,
  body: message,
  headers: indexHeaders('text/plain; charset=utf-8'),
});

/** The one key of `url`, or the 400 answer saying why there is none usable. */
export function keyOf(url: URL): string | SearchIndexResponse {
  const keys = url.searchParams.getAll('key');
  const key = keys[0];
  // Two keys would make which one is used an accident of parsing; refuse rather than guess.
  if (keys.length !== 1 || key === undefined || key.length === 0) {
    return textResponse(400, 'A search index request needs exactly one non-empty "key" query parameter');
  }
  if (key.length > MAX_SEARCH_INDEX_KEY_CHARS) {
    return textResponse(
      400,
      `A search index key must be at most ${MAX_SEARCH_INDEX_KEY_CHARS} characters long (got ${key.length})`,
    );
  }
  return key;
}

/**
 * The one range of a `Range` header over `length` bytes: a range, 'unsatisfiable', or null for "send
 * it all" (no header, a form this route does not serve such as several ranges, or a unit other than
 * bytes — RFC 9110 lets a server ignore those).
 */
export function parseRange(
  header: string | null | undefined,
  length: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, from = '', to = ''] = match;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || length === 0) return 'unsatisfiable';
    return { first: Math.max(0, length - suffix), last: length - 1 };
  }
  const first = Number(from);
  const last = to === '' ? length - 1 : Math.min(Number(to), length - 1);
  if (to !== '' && Number(to) < first) return null; // invalid: ignored, per RFC 9110
  if (first >= length) return 'unsatisfiable';
  return { first, last };
}

/**
 * Answers GET or HEAD `<SEARCH_INDEX_PATH>?key=…` (with an optional `Range: bytes=…`): 200 with the
 * snapshot saved under exactly that key, 206 with one range of it, 416 for a range past its end, 404
 * when there is none (nothing saved, saved under another key, or a damaged file: the worker then
 * rebuilds), 400 when the key is missing, empty, repeated or too long.
 */
export async function serveSearchIndex(
  store: SearchIndexStore,
  url: URL,
  request: { method?: string; range?: string | null } = {},
): Promise<SearchIndexResponse> {
  if (!isSearchIndexRequest(url)) return textResponse(404, 'Not found');
  const key = keyOf(url);
  if (typeof key !== 'string') return key;
  const snapshot = await store.open(key);
  if (snapshot === null) return textResponse(404, 'No search index is saved under this key');
  const range = parseRange(request.range, snapshot.length);
  if (range === 'unsatisfiable') {
    await snapshot.close();
    return {
      ...textResponse(416, `The saved search index has ${snapshot.length} bytes`),
      headers: {
        ...indexHeaders('text/plain; charset=utf-8'),
        'Content-Range': `bytes */${snapshot.length}`,
      },
    };
  }
  const headers = {
    ...indexHeaders('application/octet-stream'),
    'Accept-Ranges': 'bytes',
    'Content-Length': String(range ? range.last - range.first + 1 : snapshot.length),
    ...(range ? { 'Content-Range': `bytes ${range.first}-${range.last}/${snapshot.length}` } : {}),
  };
  if (request.method === 'HEAD') {
    await snapshot.close();
    return { status: range ? 206 : 200, body: null, headers };
  }
  return { status: range ? 206 : 200, body: snapshot.read(range ?? undefined), headers };
}
