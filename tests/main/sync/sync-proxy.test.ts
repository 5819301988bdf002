import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncService, type SyncService } from '../../../src/main/sync/sync-service';
import {
  READER,
  startTestSyncServer,
  TEST_PROJECT,
  WRITER,
  type TestSyncServer,
} from '../../support/sync-server';

let server: TestSyncServer;
let dataDirectory: string;

beforeAll(async () => {
  server = await startTestSyncServer();
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-sync-proxy-'));
});
afterAll(async () => {
  await server.close();
  await rm(dataDirectory, { recursive: true, force: true });
});

async function serviceFor(
  account: { name: string; password: string },
  serverUrl = server.url,
): Promise<SyncService> {
  const service = createSyncService({ dataDirectory: await mkdtemp(join(dataDirectory, 'app-')) });
  await service.store.save({ serverUrl, project: TEST_PROJECT, username: account.name }, account.password);
  return service;
}

const remote = (path: string, init?: RequestInit) => new Request(`app://atmintis/sync/remote${path}`, init);

describe('the sync proxy against a real CouchDB-compatible server on loopback', () => {
  it('forwards reads and writes to the project database with the stored credentials', async () => {
    const { proxy } = await serviceFor(WRITER);
    const info = await proxy.forward(remote('/'));
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ db_name: TEST_PROJECT });

    const put = await proxy.forward(
      remote('/note-1', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Written through the proxy' }),
      }),
    );
    expect(put.status).toBe(201);
    const changes = await proxy.forward(remote('/_changes?include_docs=true'));
    const body = (await changes.json()) as { results: { id: string; doc: { text?: string } }[] };
    expect(body.results.find((row) => row.id === 'note-1')?.doc.text).toBe('Written through the proxy');
  });

  it('passes the server’s refusals through: a reader cannot write (403), a wrong password is 401', async () => {
    const reader = await serviceFor(READER);
    expect((await reader.proxy.forward(remote('/'))).status).toBe(200);
    const write = await reader.proxy.forward(
      remote('/note-2', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
    );
    expect(write.status).toBe(403);
    const wrong = await serviceFor({ name: WRITER.name, password: 'not-the-password' });
    expect((await wrong.proxy.forward(remote('/'))).status).toBe(401);
  });

  it('answers without any request when sync is not set up or no password is stored', async () => {
    const service = createSyncService({ dataDirectory: await mkdtemp(join(dataDirectory, 'app-')) });
    expect((await service.proxy.forward(remote('/'))).status).toBe(503);
    await service.store.save({ serverUrl: server.url, project: TEST_PROJECT, username: 'ona' });
    const answer = await service.proxy.forward(remote('/'));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'no_password' });
  });

  it('reports an unreachable server as a 502 naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { proxy } = await serviceFor(WRITER, `http://127.0.0.1:${port}`);
    const answer = await proxy.forward(remote('/'));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({
      error: 'unreachable',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('what reaches the upstream server', () => {
  let echo: Server;
  let seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  let echoUrl: string;

  beforeAll(async () => {
    echo = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      if (request.url?.includes('redirect')) {
        response.writeHead(302, { location: 'https://elsewhere.example/steal' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'AuthSession=x' });
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/couch`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it('gets only allow-listed headers and main’s Basic credentials, and cookies never come back', async () => {
    seen = [];
    const { proxy } = await serviceFor(WRITER, echoUrl);
    const answer = await proxy.forward(
      remote('/_all_docs?limit=1', {
        headers: { cookie: 'planted=1', 'x-extra': 'y', accept: 'application/json' },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`/couch/${TEST_PROJECT}/_all_docs?limit=1`);
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers['x-extra']).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${WRITER.name}:${WRITER.password}`).toString('base64')}`,
    );
  });

  it('never follows a redirect', async () => {
    seen = [];
    const { proxy } = await serviceFor(WRITER, echoUrl);
    const answer = await proxy.forward(remote('/redirect'));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ error: 'redirected' });
    expect(seen).toHaveLength(1);
  });
});
