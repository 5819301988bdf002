import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncService } from '../../../src/main/sync/sync-service';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import { testHandlers } from '../../support/fake-handlers';
import { startTestSyncServer, TEST_PROJECT, WRITER, type TestSyncServer } from '../../support/sync-server';

let syncServer: TestSyncServer;
let web: RunningWebServer;
let dataDirectory: string;

beforeAll(async () => {
  syncServer = await startTestSyncServer();
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-web-sync-'));
  const sync = createSyncService({ dataDirectory });
  await sync.store.save(
    { serverUrl: syncServer.url, project: TEST_PROJECT, username: WRITER.name },
    WRITER.password,
  );
  web = await startWebServer({
    port: 0,
    rendererDir: dataDirectory,
    handlers: testHandlers(),
    syncProxy: sync.proxy,
  });
});
afterAll(async () => {
  await web.close();
  await syncServer.close();
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('the web harness serves /sync/remote through the sync proxy', () => {
  it('streams a write up and the answer back', async () => {
    const put = await fetch(`${web.url}/sync/remote/harness-note`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: web.url },
      body: JSON.stringify({ text: 'through the harness' }),
    });
    expect(put.status).toBe(201);
    const read = await fetch(`${web.url}/sync/remote/harness-note`);
    expect(await read.json()).toMatchObject({ text: 'through the harness' });
    expect(read.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses another origin, which would otherwise borrow the stored credentials', async () => {
    const answer = await fetch(`${web.url}/sync/remote/`, { headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
  });
});
