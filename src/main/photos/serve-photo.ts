/**
 * GET /photos/<sha256>/<original|display|thumb>[?page=n]: a stored photo's bytes, for both transports
 * (Electron's app:// protocol and the web harness), so the two cannot answer differently — as
 * search-index/serve-index.ts does for the saved index.
 *
 * The sha256 must be 64 lowercase hex characters and the variant one of three words, so a request
 * can never name a path of its own. The content of a URL never changes (the address is the content's
 * hash), hence `immutable`.
 */
import { readFile } from 'node:fs/promises';
import { PHOTOS_PATH_PREFIX, PHOTO_VARIANTS, isSha256, type PhotoVariant } from '@shared/photos/model';
import { staticHeaders } from '../static/static-files';
import type { PhotoStore } from './photo-store';

export interface PhotoResponse {
  status: 200 | 400 | 404 | 405;
  body: Uint8Array | string;
  headers: Record<string, string>;
}

/** True when a request is for the photos route (the transports check this before their static files). */
export const isPhotoRequest = (url: URL): boolean => url.pathname.startsWith(PHOTOS_PATH_PREFIX);

const text = (status: 400 | 404 | 405, message: string): PhotoResponse => ({
  status,
  body: message,
  headers: {
    ...staticHeaders(PHOTOS_PATH_PREFIX),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
  },
});

const isVariant = (value: string | undefined): value is PhotoVariant =>
  (PHOTO_VARIANTS as readonly string[]).includes(value ?? '');

/** The page asked for: absent is 0; anything but a plain whole number is refused. */
function pageOf(url: URL): number | null {
  const pages = url.searchParams.getAll('page');
  if (pages.length === 0) return 0;
  const [page] = pages;
  if (pages.length > 1 || page === undefined || !/^\d{1,4}$/.test(page)) return null;
  return Number(page);
}

export async function servePhoto(store: PhotoStore, method: string, url: URL): Promise<PhotoResponse> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, `${method} is not allowed here`);
  const [sha256, variant, ...rest] = url.pathname.slice(PHOTOS_PATH_PREFIX.length).split('/');
  if (sha256 === undefined || !isSha256(sha256) || !isVariant(variant) || rest.length > 0) {
    return text(404, 'Not found');
  }
  const page = pageOf(url);
  if (page === null) return text(400, 'The "page" parameter must be one whole number');
  const path = await store.variantPath(sha256, variant, page);
  if (path === null) return text(404, 'No such photo');
  const record = variant === 'original' ? await store.record(sha256) : null;
  let body: Uint8Array;
  try {
    body = await readFile(path);
  } catch {
    return text(404, 'No such photo');
  }
  return {
    status: 200,
    body,
    headers: {
      ...staticHeaders(path),
      'Content-Type':
        variant === 'original' ? (record?.mediaType ?? 'application/octet-stream') : 'image/webp',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  };
}
