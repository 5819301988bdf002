import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Protocol } from 'electron';
import type { SearchIndexStore } from '../search-index/index-store';
import { saveSearchIndex } from '../search-index/save-index';
import {
  isSearchIndexRequest,
  serveSearchIndex,
  textResponse,
  type SearchIndexResponse,
} from '../search-index/serve-index';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../security/origin';
import type { PhotoStore } from '../photos/photo-store';
import { isPhotoRequest, servePhoto } from '../photos/serve-photo';
import { resolveStaticPath, staticHeaders } from '../static/static-files';
import { isSyncRemotePath } from '../sync/proxy-mapping';
import type { SyncProxy } from '../sync/sync-proxy';

/** Must run before `app.ready`: makes app:// a secure, standard origin with fetch and code cache. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
} as const;

/**
 * Serves the built renderer at app://atmintis/ with the same headers (CSP included) as the web harness,
 * and the saved search index at app://atmintis/search-index.bin?key=… from `searchIndexStore`: read
 * with GET (byte ranges too), saved with PUT from the app's own origin, streamed both ways
 * (`stream: true` above lets a request carry its body as a stream). With a sync proxy, requests under
 * app://atmintis/sync/remote go to the team's sync server through it: the app's one way out. Stored
 * photos are served at app://atmintis/photos/… from `photoStore` (the store the photos.* handlers
 * import into).
 */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  searchIndexStore: SearchIndexStore,
  photoStore: PhotoStore,
  syncProxy?: SyncProxy,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (isSearchIndexRequest(url)) return searchIndexResponse(request, searchIndexStore, url);
    if (syncProxy && isSyncRemotePath(url.pathname)) return syncProxy.forward(request);
    if (isPhotoRequest(url)) {
      const answer = await servePhoto(photoStore, request.method, url);
      if (request.method === 'HEAD' && typeof answer.body !== 'string') await answer.body.cancel();
      const body = request.method === 'HEAD' ? null : answer.body;
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const filePath = resolveStaticPath(rendererDir, url.pathname);
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(filePath), { status: 200, headers: staticHeaders(filePath) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

async function searchIndexResponse(request: Request, store: SearchIndexStore, url: URL): Promise<Response> {
  if (request.method === 'PUT') {
    if (!isOwnRequest(request)) {
      return answer(textResponse(403, 'Only the app itself may save its search index'));
    }
    const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : null;
    return answer(await saveSearchIndex(store, url, (name) => request.headers.get(name), body));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(`${request.method} is not allowed here`, {
      status: 405,
      headers: { Allow: 'GET, HEAD, PUT', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return answer(
    await serveSearchIndex(store, url, { method: request.method, range: request.headers.get('range') }),
  );
}

/**
 * The same check as the IPC channels' sender check, for a request: it comes from the app's own
 * origin. Chromium names the origin of every PUT; should a request come without one, it must at
 * least say it is same-origin (Sec-Fetch-Site, which pages cannot forge). Pages of other origins
 * cannot get here anyway (navigation and requests elsewhere are blocked, and a cross-origin PUT
 * needs a CORS preflight this handler never approves); this keeps it so if that ever changes.
 */
function isOwnRequest(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === APP_ORIGIN;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

function answer({ status, body, headers }: SearchIndexResponse): Response {
  const stream = body !== null && typeof body !== 'string' ? (Readable.toWeb(body) as ReadableStream) : body;
  return new Response(stream, { status, headers });
}
