import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '@shared/ipc/contract';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createSyncHandlers } from '../../../src/main/sync/handlers';
import { createSyncService } from '../../../src/main/sync/sync-service';
import { testHandlers } from '../../support/fake-handlers';
import {
  OUTSIDER,
  READER,
  startTestSyncServer,
  TEST_PROJECT,
  WRITER,
  type TestSyncServer,
} from '../../support/sync-server';

let server: TestSyncServer;
let root: string;

beforeAll(async () => {
  server = await startTestSyncServer();
  root = await mkdtemp(join(tmpdir(), 'atmintis-sync-handlers-'));
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function handlers(): Promise<Handlers> {
  const sync = createSyncService({ dataDirectory: await mkdtemp(join(root, 'app-')) });
  return { ...testHandlers(), ...createSyncHandlers(sync) };
}

const save = (h: Handlers, request: Record<string, unknown>) => dispatch(h, 'sync.saveSettings', request);
const test = async (h: Handlers) => {
  const result = await dispatch(h, 'sync.testConnection', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { outcome: string; message: string; status?: number; documents?: number };
};

describe('sync channels', () => {
  it('save, show (never the password), test and forget', async () => {
    const h = await handlers();
    expect(await dispatch(h, 'sync.getSettings', {})).toMatchObject({ ok: true, value: { settings: null } });
    expect(await test(h)).toMatchObject({ outcome: 'not-configured' });
    const saved = await save(h, {
      serverUrl: `${server.url}/`,
      project: TEST_PROJECT,
      username: WRITER.name,
      password: WRITER.password,
    });
    expect(saved).toEqual({
      ok: true,
      value: {
        settings: { serverUrl: server.url, project: TEST_PROJECT, username: WRITER.name },
        passwordStored: true,
        canStorePassword: true,
        passwordStorage: 'memory',
      },
    });
    expect(JSON.stringify(await dispatch(h, 'sync.getSettings', {}))).not.toContain(WRITER.password);
    expect(await test(h)).toMatchObject({ outcome: 'ok', status: 200, documents: expect.any(Number) });
    expect(await dispatch(h, 'sync.forget', {})).toMatchObject({ ok: true, value: { settings: null } });
    expect(await test(h)).toMatchObject({ outcome: 'not-configured' });
  });

  it('names what is wrong: password, rights, project, network', async () => {
    const h = await handlers();
    const base = { serverUrl: server.url, project: TEST_PROJECT, username: WRITER.name };
    await save(h, { ...base, password: 'wrong' });
    expect(await test(h)).toMatchObject({ outcome: 'wrong-password', status: 401 });
    await save(h, { ...base, username: OUTSIDER.name, password: OUTSIDER.password });
    // express-pouchdb answers a signed-in non-member 401 (CouchDB 3: 403); either way it is the membership.
    expect(await test(h)).toMatchObject({ outcome: 'forbidden' });
    await save(h, { ...base, project: 'no-such-project', password: WRITER.password });
    expect(await test(h)).toMatchObject({ outcome: 'not-found', status: 404 });
    await save(h, { ...base, serverUrl: 'http://127.0.0.1:9', password: WRITER.password });
    expect(await test(h)).toMatchObject({ outcome: 'unreachable' });
    // A read-only member connects fine: reading is what the test does.
    await save(h, { ...base, username: READER.name, password: READER.password });
    expect(await test(h)).toMatchObject({ outcome: 'ok' });
    // Settings without a password for a new user: the old one is not sent as theirs.
    await save(h, { ...base, username: 'someone-else' });
    expect(await test(h)).toMatchObject({ outcome: 'no-password' });
  });

  it('refuses a server that is not HTTPS (except loopback) and bad project names, before storing anything', async () => {
    const h = await handlers();
    const refused = await save(h, {
      serverUrl: 'http://example.org',
      project: TEST_PROJECT,
      username: 'ona',
      password: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(!refused.ok && refused.error.message).toMatch(/serverUrl: must use https:\/\//);
    const badProject = await save(h, {
      serverUrl: 'https://couch.example.org',
      project: 'Family/..',
      username: 'ona',
    });
    expect(!badProject.ok && badProject.error.message).toMatch(/project: must start with a lowercase letter/);
    const colon = await save(h, {
      serverUrl: 'https://couch.example.org',
      project: 'family',
      username: 'a:b',
    });
    expect(!colon.ok && colon.error.message).toMatch(/username: must not contain ":"/);
    expect(await dispatch(h, 'sync.getSettings', {})).toMatchObject({ ok: true, value: { settings: null } });
  });
});
