/**
 * The HTTP transport of the contract, used when the renderer is served by the loopback web harness
 * (`npm run web`). Same requests, same Results as Electron IPC.
 */
import type { Channel, Invoke, RequestOf, ResponseOf } from '@shared/ipc/contract';
import { fail, type Result } from '@shared/result';

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
        body: JSON.stringify(request),
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
