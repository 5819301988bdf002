/**
 * The loopback HTTP transport: serves the built renderer and answers `POST /api/<channel>` through the
 * same `dispatch` as Electron's IPC, so the app can be used and tested in any Chromium. With a search
 * index store it also serves the saved index at SEARCH_INDEX_PATH, as Electron's app:// protocol does.
 *
 * It only ever binds 127.0.0.1 and refuses requests whose Host or Origin is not its own: a page on
 * another origin (or a DNS-rebinding name) cannot call the API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '@shared/ipc/contract';
import { fail, type Result } from '@shared/result';
import { MAX_SAVE_CHARS } from '@shared/ipc/channels/backups';
import { describeExcessiveNesting, findExcessiveNesting } from '@shared/json/nesting';
import { dispatch } from '../ipc/dispatch';
import type { SearchIndexStore } from '../search-index/index-store';
import { saveSearchIndex } from '../search-index/save-index';
import {
  isSearchIndexRequest,
  serveSearchIndex,
  type SearchIndexResponse,
} from '../search-index/serve-index';
import type { PhotoStore } from '../photos/photo-store';
import { isPhotoRequest, servePhoto } from '../photos/serve-photo';
import { resolveStaticPath, staticHeaders } from '../static/static-files';
import { isSyncRemotePath } from '../sync/proxy-mapping';
import type { SyncProxy } from '../sync/sync-proxy';
import { forwardNodeRequest } from './forward-node-request';

const API_PREFIX = '/api/';
/**
 * Large enough for the biggest payload the contract accepts and no larger, so a runaway request cannot
 * exhaust memory. The biggest is a notes export or backup of up to MAX_SAVE_CHARS characters (which
 * JSON may escape to twice that); the extra MiB covers the rest of the request (field names). It
 * stays below the longest string V8 can make (tests/main/hostile/web-server-limits.test.ts checks), so
 * every body it admits can be decoded and parsed. (The search index is not an API call: it streams
 * to disk through its own route, whatever its size.)
 */
export const MAX_REQUEST_BYTES = 2 * MAX_SAVE_CHARS + 1024 * 1024;

interface WebServerOptions {
  port: number;
  rendererDir: string;
  handlers: Handlers;
  /** Overrides MAX_REQUEST_BYTES (tests use a small limit). */
  maxRequestBytes?: number;
  /** Serves the saved search index (GET SEARCH_INDEX_PATH?key=…, byte ranges too) and saves it (PUT,
   *  from this server's own origin). Without one that path is an ordinary missing file (404), which
   *  the search worker takes as "nothing saved". */
  searchIndexStore?: SearchIndexStore;
  /** Forwards requests under SYNC_REMOTE_PATH to the team's sync server (the SAME service the sync
   *  handlers use). Without one that path is an ordinary missing file. */
  syncProxy?: SyncProxy;
  /** Serves stored photos (GET /photos/<sha256>/<variant>), as Electron's app:// protocol does. */
  photoStore?: PhotoStore;
}

export interface RunningWebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const server = createServer((request, response) => {
    handleRequest(request, response, options, server.address() as AddressInfo).catch((error: unknown) => {
      sendJson(response, 500, fail('internal', error instanceof Error ? error.message : String(error)));
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** An Origin header naming this server itself (one of its loopback host names). */
const isOwnOrigin = (origin: string, hosts: readonly string[]) =>
  hosts.some((host) => origin === `http://${host}`);

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: WebServerOptions,
  address: AddressInfo,
): Promise<void> {
  const hosts = allowedHosts(address.port);
  if (!hosts.includes(request.headers.host ?? '')) {
    sendJson(response, 421, fail('wrong-host', 'This server only answers on its loopback address'));
    return;
  }
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  if (options.syncProxy && isSyncRemotePath(url.pathname)) {
    // The proxy adds the user's credentials: only this origin's own pages may use it.
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, hosts)) {
      sendJson(response, 403, fail('forbidden-origin', `Requests from ${origin} are not accepted`));
      return;
    }
    await forwardNodeRequest(request, response, url, options.syncProxy);
    return;
  }
  if (url.pathname.startsWith(API_PREFIX)) {
    await handleApi(request, response, options, url, hosts);
    return;
  }
  if (options.searchIndexStore && isSearchIndexRequest(url) && request.method === 'PUT') {
    await saveIndex(request, response, options.searchIndexStore, url, hosts);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendJson(response, 405, fail('method-not-allowed', `${request.method} is not allowed here`));
    return;
  }
  if (options.searchIndexStore && isSearchIndexRequest(url)) {
    await serveIndex(request, response, options.searchIndexStore, url);
    return;
  }
  if (options.photoStore && isPhotoRequest(url)) {
    const { status, body, headers } = await servePhoto(options.photoStore, request.method ?? 'GET', url);
    if (typeof body === 'string') {
      sendBytes(request, response, status, body, headers);
      return;
    }
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      await body.cancel();
      response.end();
      return;
    }
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), response);
    return;
  }
  await serveStatic(request, response, options.rendererDir, url.pathname);
}

async function serveIndex(
  request: IncomingMessage,
  response: ServerResponse,
  store: SearchIndexStore,
  url: URL,
): Promise<void> {
  const answer = await serveSearchIndex(store, url, {
    method: request.method ?? 'GET',
    range: request.headers.range ?? null,
  });
  await sendIndexResponse(response, answer);
}

/**
 * PUT of the index's bytes. Only from this server's own pages: the Origin header (which browsers send
 * with every PUT) must be its own, as for the API; a page elsewhere cannot even send the request, as a
 * cross-origin PUT needs a CORS preflight this server never approves.
 */
async function saveIndex(
  request: IncomingMessage,
  response: ServerResponse,
  store: SearchIndexStore,
  url: URL,
  hosts: string[],
): Promise<void> {
  const origin = request.headers.origin;
  if (origin === undefined || !isOwnOrigin(origin, hosts)) {
    // The body is not read: answer and close, discarding what is still arriving.
    response.setHeader('Connection', 'close');
    sendJson(
      response,
      403,
      fail('forbidden-origin', `Saving the search index from ${origin ?? 'no origin'} is not accepted`),
    );
    return;
  }
  const answer = await saveSearchIndex(store, url, (name) => headerOf(request, name), request);
  // A refusal before the whole body was read: close after answering rather than read the rest.
  if (!request.readableEnded) response.setHeader('Connection', 'close');
  await sendIndexResponse(response, answer);
}

const headerOf = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
};

async function sendIndexResponse(response: ServerResponse, answer: SearchIndexResponse): Promise<void> {
  const { status, body, headers } = answer;
  const length = typeof body === 'string' ? { 'Content-Length': String(Buffer.byteLength(body)) } : {};
  response.writeHead(status, { ...headers, ...length });
  if (body === null || typeof body === 'string') {
    response.end(body ?? undefined);
    return;
  }
  // A broken read (a damaged file found while streaming, the client gone) ends the connection short of
  // its Content-Length, so the receiver sees a failed transfer, never a complete-looking one.
  await pipeline(body, response).catch(() => response.destroy());
}

function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: Uint8Array | string,
  headers: Record<string, string>,
): void {
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  response.writeHead(status, { ...headers, 'Content-Length': String(length) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  options: WebServerOptions,
  url: URL,
  hosts: string[],
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, fail('method-not-allowed', 'API calls must use POST'));
    return;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) {
    sendJson(response, 403, fail('forbidden-origin', `Requests from ${origin} are not accepted`));
    return;
  }
  // A JSON content type cannot be sent cross-origin without a CORS preflight, which this server never
  // approves; together with the Origin check this keeps other pages out.
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(response, 415, fail('unsupported-media-type', 'API calls must send application/json'));
    return;
  }
  const limit = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const body = await readBody(request, limit);
  if (body === null) {
    // Answer at once and close the connection after this answer; the rest of the upload is discarded
    // as it arrives, never kept. (Destroying the socket instead would make clients still sending see a
    // reset before they could read this answer.)
    response.setHeader('Connection', 'close');
    sendJson(response, 413, fail('request-too-large', `Request body exceeds ${limit} bytes`));
    return;
  }
  const tooDeep = findExcessiveNesting(body);
  if (tooDeep) {
    sendJson(
      response,
      400,
      fail('invalid-json', `Request body is JSON ${describeExcessiveNesting(tooDeep)}`),
    );
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch (error) {
    sendJson(
      response,
      400,
      fail('invalid-json', `Request body is not valid JSON: ${(error as Error).message}`),
    );
    return;
  }
  const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
  const result = await dispatch(options.handlers, channel, payload);
  sendJson(response, 200, result);
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDir: string,
  pathname: string,
): Promise<void> {
  const filePath = resolveStaticPath(rendererDir, pathname);
  const info = filePath ? await stat(filePath).catch(() => null) : null;
  if (!filePath || !info?.isFile()) {
    response.writeHead(404, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end('Not found');
    return;
  }
  response.writeHead(200, { ...staticHeaders(filePath), 'Content-Length': String(info.size) });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  response.end(await readFile(filePath));
}

/** The body as text, or null as soon as it is known to exceed `limit` (from Content-Length or while
 *  streaming), without buffering more than `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      chunks.length = 0;
      resolvePromise(null);
    };
    request.on('data', onData);
    request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(result));
}
