/**
 * The HTTP transport of the contract, used when the renderer is served by the loopback web harness
 * (`npm run web`). Same requests, same Results as Electron IPC.
 */
import type { Channel, Invoke, RequestOf, ResponseOf } from '@shared/ipc/contract';
import { fail, type Result } from '@shared/result';

/**
 * Request bodies from this many characters on are sent as a Blob. Chromium uploads a string (or
 * ArrayBuffer) body several times slower than a Blob holding the same bytes — measured at 1.8–3.7 s
 * against 0.5–1.1 s for a 3.8 MB import part (bench/import-browser.ts) — while small calls gain nothing.
 */
export const BLOB_BODY_FROM_CHARS = 64 * 1024;

/**
 * The request as a body. A top-level field that is a Uint8Array holds the UTF-8 bytes of a JSON value
 * (an import part, encoded once in the import worker) and is sent as those bytes, so the server reads
 * that value: re-encoding megabytes of JSON as a JSON string cost the page's thread more than anything
 * else in a browser import, and the server a second parse.
 */
/** Checked by tag, not `instanceof`: bytes made in another realm (a worker, a test's) are bytes too. */
const isBytes = (value: unknown): value is Uint8Array<ArrayBuffer> =>
  Object.prototype.toString.call(value) === '[object Uint8Array]';

export function requestBody(request: object): string | Blob {
  const entries = Object.entries(request).filter(([, value]) => value !== undefined);
  if (!entries.some(([, value]) => isBytes(value))) {
    const json = JSON.stringify(request);
    return json.length < BLOB_BODY_FROM_CHARS ? json : new Blob([json]);
  }
  const parts: (string | Uint8Array<ArrayBuffer>)[] = [];
  entries.forEach(([key, value], i) => {
    parts.push(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    parts.push(isBytes(value) ? value : JSON.stringify(value));
  });
  parts.push('}');
  return new Blob(parts);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  return candidate.ok === true || (candidate.ok === false && typeof candidate.error === 'object');
}

export function createHttpInvoke(baseUrl: string, fetchImpl: typeof fetch = fetch): Invoke {
  return async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: requestBody(request),
      });
    } catch (error) {
      return fail(
        'transport-unreachable',
        `Could not reach the Atmintis server: ${(error as Error).message}`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail(
        'transport-bad-response',
        `The server answered "${channel}" with HTTP ${response.status}, not JSON`,
      );
    }
    if (!isResult(body)) {
      return fail('transport-bad-response', `The server's answer to "${channel}" is not a Result`);
    }
    return body as Result<ResponseOf<C>>;
  };
}
