/**
 * Bridges Node's http request/response to the sync proxy's fetch-style Request/Response, streaming the
 * body both ways, and aborts the upstream request when the browser goes away (a long-poll cancelled).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { SyncProxy } from '../sync/sync-proxy';

export async function forwardNodeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  proxy: SyncProxy,
): Promise<void> {
  const aborter = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) aborter.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const answer = await proxy.forward(
    new Request(url, {
      method,
      headers,
      signal: aborter.signal,
      ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit),
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (answer.body === null) {
    response.end();
    return;
  }
  Readable.fromWeb(answer.body as NodeReadableStream)
    .on('error', () => response.destroy())
    .pipe(response);
}
