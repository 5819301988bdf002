/**
 * The loopback server's request body under hostile sizes and shapes: a declared 1 GB body is refused
 * from its Content-Length before any of it is read, a streamed body is cut off at the limit, and
 * deeply nested JSON is refused before parsing reaches the handlers. The default limit (sized for a
 * search index snapshot, hundreds of MB) is refused the same way, never by buffering first.
 */
import { constants as bufferConstants } from 'node:buffer';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import { testHandlers } from '../../support/fake-handlers';
import { deepJsonText, deepObjectText } from '../../shared/hostile/payloads';

let server: RunningWebServer;
/** Same, with the default MAX_REQUEST_BYTES. */
let defaultServer: RunningWebServer;
const LIMIT = 1024 * 1024;

beforeAll(async () => {
  const rendererDir = join(await mkdtemp(join(tmpdir(), 'atmintis-web-hostile-')), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ port: 0, rendererDir, handlers: testHandlers(), maxRequestBytes: LIMIT });
  defaultServer = await startWebServer({ port: 0, rendererDir, handlers: testHandlers() });
});
afterAll(() => Promise.all([server.close(), defaultServer.close()]));

/** Sends headers, then `chunks` of body until the server answers; resolves with status and bytes sent. */
function post(
  path: string,
  headers: Record<string, string>,
  body: { chunk: string; times: number } | string,
  target: RunningWebServer = server,
): Promise<{ status: number; body: string; sent: number; reset?: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: 'POST',
        path,
        headers: { Host: `127.0.0.1:${target.port}`, 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent }),
        );
      },
    );
    // The server closes the connection once it has answered: a client still sending may see the
    // reset before the answer. That is the point (it stopped reading), not a failure of the test.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET')
        resolve({ status: 0, body: '', sent, reset: error.code });
      else reject(error);
    });
    if (typeof body === 'string') {
      req.end(body);
      return;
    }
    if (body.times === 0) {
      req.flushHeaders(); // headers only: the body is announced, never sent
      return;
    }
    const pump = () => {
      while (!answered && sent / body.chunk.length < body.times) {
        sent += body.chunk.length;
        if (!req.write(body.chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('web server request limits', () => {
  it('refuses a declared 1 GB body from its Content-Length, before reading it', async () => {
    const res = await post(
      '/api/backups.write',
      { 'Content-Length': String(1024 ** 3) },
      { chunk: '', times: 0 },
    );
    expect(res).toMatchObject({ status: 413, sent: 0 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'request-too-large' } });
  });

  it('cuts off a streamed (chunked) body once it passes the limit, without waiting for the rest', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const res = await post(
      '/api/backups.write',
      { 'Transfer-Encoding': 'chunked' },
      { chunk, times: 16 * 1024 },
    );
    // Either the client read the 413 or the connection was already closed under it.
    if (res.reset === undefined) expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(64 * LIMIT); // it stopped long before the 1 GB the client meant to send
  });

  it.each([
    ['arrays', deepJsonText(100_000), 65],
    ['objects', deepObjectText(100_000), 321],
  ])('refuses JSON of deeply nested %s before parsing it', async (_kind, text, column) => {
    const res = await post('/api/collections.get', {}, text);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid-json',
        message: `Request body is JSON nested more than 64 levels deep (line 1, column ${column})`,
      },
    });
  });

  it('with the default limit, refuses from its Content-Length a body one byte over MAX_REQUEST_BYTES', async () => {
    const res = await post(
      '/api/searchIndex.save',
      { 'Content-Length': String(MAX_REQUEST_BYTES + 1) },
      { chunk: '', times: 0 },
      defaultServer,
    );
    expect(res).toMatchObject({ status: 413, sent: 0 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'request-too-large' } });
  });

  it('refuses from its Content-Length a body longer than one JavaScript string can be', async () => {
    const res = await post(
      '/api/searchIndex.save',
      { 'Content-Length': String(bufferConstants.MAX_STRING_LENGTH + 1) },
      { chunk: '', times: 0 },
      defaultServer,
    );
    // A clear 413 up front, not an internal error after buffering hundreds of MB it cannot decode:
    // the limit itself is below the longest string.
    expect(MAX_REQUEST_BYTES).toBeLessThan(bufferConstants.MAX_STRING_LENGTH);
    expect(res).toMatchObject({ status: 413, sent: 0 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'request-too-large' } });
  });

  it('still serves ordinary requests after all that', async () => {
    const res = await post('/api/app.getInfo', {}, '{}');
    expect(res.status).toBe(200);
    expect((await post('/api/app.getInfo', {}, '{}', defaultServer)).status).toBe(200);
  });
});
