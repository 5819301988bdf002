import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import { testHandlers } from '../../support/fake-handlers';
import { createSearchIndexStore } from '../../../src/main/search-index/index-store';
import { createHash } from 'node:crypto';
import {
  INDEX_BYTES_HEADER,
  INDEX_SHA256_HEADER,
  SEARCH_INDEX_PATH,
  searchIndexUrl,
} from '@shared/search/index-url';
import { MAX_SAVE_CHARS } from '@shared/ipc/channels/backups';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';

let server: RunningWebServer;
let rendererDir: string;
const TEST_LIMIT = 64 * 1024;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'atmintis-web-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'secret');
  server = await startWebServer({
    port: 0,
    rendererDir,
    handlers: testHandlers(),
    maxRequestBytes: TEST_LIMIT,
  });
});

afterAll(() => server.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send any Host/Origin/path exactly as written. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: { Host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('web harness server', () => {
  it('listens on loopback only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('serves the renderer with the CSP header', async () => {
    const res = await raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('<title>t</title>');
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toContain('text/javascript');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('answers API calls through the contract', async () => {
    const res = await raw('POST', '/api/app.getInfo', json, '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { version: '0.0.0-test' } });
  });

  it('returns precise errors for bad API calls', async () => {
    const bad = await raw('POST', '/api/collections.get', json, '{"collectionId":""}');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const unknown = await raw('POST', '/api/fs.readFile', json, '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const broken = await raw('POST', '/api/app.getInfo', json, '{nope');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
  });

  it('refuses foreign hosts (DNS rebinding) and foreign origins (CSRF)', async () => {
    const rebinding = await raw('GET', '/', { Host: 'evil.example' });
    expect(rebinding.status).toBe(421);
    const csrf = await raw('POST', '/api/app.getInfo', { ...json, Origin: 'https://evil.example' }, '{}');
    expect(csrf.status).toBe(403);
    const sameOrigin = await raw('POST', '/api/app.getInfo', { ...json, Origin: server.url }, '{}');
    expect(sameOrigin.status).toBe(200);
  });

  it('requires JSON, POST for the API and GET for files', async () => {
    expect((await raw('POST', '/api/app.getInfo', { 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await raw('GET', '/api/app.getInfo')).status).toBe(405);
    expect((await raw('DELETE', '/index.html')).status).toBe(405);
  });

  it('refuses oversized bodies', async () => {
    const res = await raw('POST', '/api/app.getInfo', json, 'x'.repeat(TEST_LIMIT + 1));
    expect(res.status).toBe(413);
  });

  it('accepts by default the largest export the contract allows', () => {
    expect(MAX_REQUEST_BYTES).toBeGreaterThanOrEqual(2 * MAX_SAVE_CHARS);
  });

  it('keeps the API body limit to the largest export: the search index no longer travels as JSON', () => {
    expect(MAX_REQUEST_BYTES - 2 * MAX_SAVE_CHARS).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('web harness server: the saved search index', () => {
  let indexServer: RunningWebServer;
  let indexPort: number;
  const key = 'format 3: people@r1, places@r2';
  const content = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);

  beforeAll(async () => {
    const store = createSearchIndexStore({
      dataDirectory: await mkdtemp(join(tmpdir(), 'atmintis-web-index-')),
    });
    await store.save(key, content);
    indexServer = await startWebServer({
      port: 0,
      rendererDir,
      handlers: testHandlers(),
      searchIndexStore: store,
    });
    indexPort = indexServer.port;
  });

  afterAll(() => indexServer.close());

  /** GET (or another method) on the index server, keeping the body as bytes. */
  function get(
    path: string,
    {
      method = 'GET',
      host = `127.0.0.1:${indexPort}`,
      headers = {} as Record<string, string>,
      body = undefined as Uint8Array | undefined,
    } = {},
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: indexPort, method, path, headers: { Host: host, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A PUT as the search worker sends it, from `origin` (default: the server's own). */
  const put = (bytes: Uint8Array, origin: string | null = `http://127.0.0.1:${indexPort}`) =>
    get(searchIndexUrl(key), {
      method: 'PUT',
      body: bytes,
      headers: {
        'Content-Type': 'application/octet-stream',
        [INDEX_BYTES_HEADER]: String(bytes.length),
        [INDEX_SHA256_HEADER]: createHash('sha256').update(bytes).digest('hex'),
        ...(origin === null ? {} : { Origin: origin }),
      },
    });

  it('serves the snapshot saved under the key as exactly its bytes', async () => {
    const res = await get(searchIndexUrl(key));
    expect(res.status).toBe(200);
    expect(res.body.equals(Buffer.from(content))).toBe(true);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(content.length));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves a byte range with 206 and Content-Range', async () => {
    const res = await get(searchIndexUrl(key), { headers: { Range: 'bytes=1000-1999' } });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${content.length}`);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body.equals(Buffer.from(content.subarray(1000, 2000)))).toBe(true);
  });

  it('saves a PUT of the raw bytes from its own origin, which the next GET serves', async () => {
    const other = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const saved = await put(other);
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body.toString())).toEqual({ ok: true, value: { bytes: 300_000 } });
    expect((await get(searchIndexUrl(key))).body.equals(Buffer.from(other))).toBe(true);
    expect((await put(content)).status).toBe(200);
    expect((await get(searchIndexUrl(key))).body.equals(Buffer.from(content))).toBe(true);
  });

  it.each([
    ['no Origin', null],
    ['another origin', 'http://evil.example'],
    ['another loopback port', 'http://127.0.0.1:1'],
  ])('refuses a PUT from %s, keeping the saved index', async (_case, origin) => {
    const res = await put(new Uint8Array(10), origin);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, error: { code: 'forbidden-origin' } });
    expect((await get(searchIndexUrl(key))).body.equals(Buffer.from(content))).toBe(true);
  });

  it('refuses a PUT whose body is not what it declared, with a clear error', async () => {
    const res = await get(searchIndexUrl(key), {
      method: 'PUT',
      body: new Uint8Array(10),
      headers: {
        'Content-Type': 'application/octet-stream',
        Origin: `http://127.0.0.1:${indexPort}`,
        [INDEX_BYTES_HEADER]: '10',
        [INDEX_SHA256_HEADER]: createHash('sha256').update('something else').digest('hex'),
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: false,
      error: {
        code: 'search-index-upload-mismatch',
        message: 'The search index upload does not match the sha256 it declared',
      },
    });
    expect((await get(searchIndexUrl(key))).body.equals(Buffer.from(content))).toBe(true);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get(searchIndexUrl(key), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(content.length));
    expect(res.body.length).toBe(0);
  });

  it('answers 404 for another key and 400 for a missing or too long one', async () => {
    expect((await get(searchIndexUrl('format 3: other@r1'))).status).toBe(404);
    const missing = await get(SEARCH_INDEX_PATH);
    expect(missing.status).toBe(400);
    expect(missing.body.toString()).toMatch(/"key" query parameter/);
    expect((await get(searchIndexUrl('k'.repeat(MAX_SEARCH_INDEX_KEY_CHARS + 1)))).status).toBe(400);
  });

  it('still refuses a foreign Host (DNS rebinding) and anything but GET, HEAD or PUT', async () => {
    const rebinding = await get(searchIndexUrl(key), { host: 'evil.example' });
    expect(rebinding.status).toBe(421);
    expect(rebinding.body.includes(Buffer.from(content.subarray(0, 64)))).toBe(false);
    expect((await get(searchIndexUrl(key), { method: 'POST' })).status).toBe(405);
    expect((await get(searchIndexUrl(key), { method: 'DELETE' })).status).toBe(405);
  });

  it('without a store the path is an ordinary missing file', async () => {
    expect((await raw('GET', searchIndexUrl(key))).status).toBe(404);
  });
});
