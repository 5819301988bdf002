import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import type { SearchIndexStore } from '../search-index/index-store';
import { isSearchIndexRequest, serveSearchIndex } from '../search-index/serve-index';
import type { PhotoStore } from '../photos/photo-store';
import { isPhotoRequest, servePhoto } from '../photos/serve-photo';
import { APP_HOST, APP_SCHEME } from '../security/origin';
import { resolveStaticPath, staticHeaders } from '../static/static-files';

/** Must run before `app.ready`: makes app:// a secure, standard origin with fetch and code cache. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
} as const;

/**
 * Serves the built renderer at app://atmintis/ with the same headers (CSP included) as the web harness,
 * and the saved search index at app://atmintis/search-index.bin?key=… from `searchIndexStore` (the same
 * store the searchIndex.save handler writes through), and stored photos at app://atmintis/photos/… from
 * `photoStore` (the same store the photos.* handlers import into).
 */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  searchIndexStore: SearchIndexStore,
  photoStore: PhotoStore,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (isSearchIndexRequest(url)) return searchIndexResponse(request, searchIndexStore, url);
    if (isPhotoRequest(url)) {
      const answer = await servePhoto(photoStore, request.method, url);
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
  // Reading only: the index is saved through the searchIndex.save channel, never by a request here.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(`${request.method} is not allowed here`, {
      status: 405,
      headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const answer = await serveSearchIndex(store, url);
  const body = request.method === 'HEAD' ? null : answer.body;
  return new Response(body, { status: answer.status, headers: answer.headers });
}
