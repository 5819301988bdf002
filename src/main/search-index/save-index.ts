/**
 * Saving the search index: `PUT <SEARCH_INDEX_PATH>?key=…` with the snapshot's raw bytes as the body,
 * streamed to disk by the store (never held whole in memory), and its length and sha256 declared up
 * front in INDEX_BYTES_HEADER and INDEX_SHA256_HEADER: a body that does not match them is refused and
 * the previous snapshot stays. The answer is a Result as JSON, like the API's.
 *
 * Who may write is each transport's business (the app's own origin only), checked before this runs.
 */
import { fail, ok, type Result } from '@shared/result';
import { INDEX_BYTES_HEADER, INDEX_SHA256_HEADER } from '@shared/search/index-url';
import { HandlerError } from '../ipc/dispatch';
import type { SearchIndexStore } from './index-store';
import { indexHeaders, isSearchIndexRequest, keyOf, type SearchIndexResponse } from './serve-index';

const STATUS_OF_CODE: Record<string, number> = {
  'invalid-search-index-key': 400,
  'invalid-search-index-upload': 400,
  'search-index-upload-mismatch': 400,
  'search-index-too-large': 413,
  'search-index-disk-full': 507,
};

const json = (status: number, result: Result<unknown>): SearchIndexResponse => ({
  status,
  body: JSON.stringify(result),
  headers: indexHeaders('application/json; charset=utf-8'),
});

/**
 * The Result of saving `body` under the URL's key. `header` reads a request header (any case);
 * `status` 200 only when the whole body is on disk.
 */
export async function saveSearchIndex(
  store: SearchIndexStore,
  url: URL,
  header: (name: string) => string | null | undefined,
  body: AsyncIterable<Uint8Array> | null,
): Promise<SearchIndexResponse> {
  if (!isSearchIndexRequest(url)) return json(404, fail('not-found', 'Not found'));
  const key = keyOf(url);
  if (typeof key !== 'string') return json(400, fail('invalid-search-index-key', key.body as string));
  if (!(header('content-type') ?? '').startsWith('application/octet-stream')) {
    return json(
      415,
      fail('unsupported-media-type', 'A search index upload must be sent as application/octet-stream'),
    );
  }
  const bytesText = header(INDEX_BYTES_HEADER) ?? '';
  const sha256 = (header(INDEX_SHA256_HEADER) ?? '').toLowerCase();
  if (!/^\d+$/.test(bytesText)) {
    return json(
      411,
      fail(
        'invalid-search-index-upload',
        `A search index upload must declare its length in ${INDEX_BYTES_HEADER}`,
      ),
    );
  }
  const bytes = Number(bytesText);
  const contentLength = header('content-length');
  if (contentLength != null && contentLength !== bytesText) {
    return json(
      400,
      fail(
        'search-index-upload-mismatch',
        `The upload's Content-Length (${contentLength}) is not the ${bytes} bytes declared in ${INDEX_BYTES_HEADER}`,
      ),
    );
  }
  try {
    const saved = await store.save(key, body ?? [], { bytes, sha256 });
    return json(200, ok(saved));
  } catch (error) {
    if (error instanceof HandlerError) {
      return json(STATUS_OF_CODE[error.code] ?? 400, fail(error.code, error.message));
    }
    return json(
      500,
      fail('search-index-write-failed', `The search index could not be saved: ${(error as Error).message}`),
    );
  }
}
