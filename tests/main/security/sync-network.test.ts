/**
 * The one opening in the network lockdown, proved on the real main entry (Electron mocked): with team
 * sync configured and a replication request in flight, the renderer still reaches nothing but its own
 * origin; the way out is app://atmintis/sync/remote, which main forwards to the configured server only.
 */
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_DIRECTIVES } from '../../../src/main/security/csp';
import type { createElectronMock } from '../../support/electron-mock';
import { startTestSyncServer, TEST_PROJECT, WRITER, type TestSyncServer } from '../../support/sync-server';

const mock = vi.hoisted(() => ({
  current: undefined as ReturnType<typeof createElectronMock> | undefined,
  userData: '',
}));

vi.mock('electron', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createElectronMock: create } = await import('../../support/electron-mock');
  mock.current = create();
  mock.userData = mkdtempSync(join(tmpdir(), 'atmintis-sync-electron-'));
  mock.current.electron.app.getPath = (name: string) => join(mock.userData, name);
  // A keychain is available: the password is stored, encrypted (here by a reversible XOR).
  Object.assign(mock.current.electron.safeStorage, {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(Buffer.from(plain).map((byte) => byte ^ 0x5a)),
    decryptString: (encrypted: Buffer) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString(),
  });
  return { ...mock.current.electron, default: mock.current.electron };
});

let server: TestSyncServer;
beforeAll(async () => {
  server = await startTestSyncServer();
});
afterAll(async () => {
  await server.close();
  await rm(mock.userData, { recursive: true, force: true });
});

const trustedSender = { senderFrame: { url: 'app://atmintis/index.html', parent: null } };

async function startMainProcess() {
  Object.assign(process, { resourcesPath: '/opt/Atmintis/resources' });
  await import('../../../src/main/index');
  const current = mock.current;
  if (!current) throw new Error('electron mock not created');
  current.fireReady();
  await vi.waitFor(() => expect(current.windows.length).toBe(1));
  const { electron } = current;
  const ipc = (channel: string) =>
    electron.ipcMain.handle.mock.calls.find((call) => call[0] === `atmintis:${channel}`)?.[1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  const appProtocol = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
  const beforeRequest = electron.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
    details: { url: string },
    callback: (response: { cancel: boolean }) => void,
  ) => void;
  const cancelled = (url: string) => {
    let cancel = false;
    beforeRequest({ url }, (response) => (cancel = response.cancel));
    return cancel;
  };
  return { ipc, appProtocol, cancelled };
}

describe('team sync opens exactly one way out, through main', { timeout: 60_000 }, () => {
  it('forwards app://atmintis/sync/remote to the configured server while every other request stays cancelled', async () => {
    const { ipc, appProtocol, cancelled } = await startMainProcess();

    const saved = await ipc('sync.saveSettings')(trustedSender, {
      serverUrl: server.url,
      project: TEST_PROJECT,
      username: WRITER.name,
      password: WRITER.password,
    });
    expect(saved).toMatchObject({ ok: true, value: { passwordStored: true, passwordStorage: 'encrypted' } });
    const onDisk = await readFile(`${mock.userData}/userData/sync/password.bin`);
    expect(onDisk.toString('latin1')).not.toContain(WRITER.password);

    expect(await ipc('sync.testConnection')(trustedSender, {})).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    });

    // Sync running: a long-poll for changes is in flight through the proxy.
    const longPoll = appProtocol(
      new Request('app://atmintis/sync/remote/_changes?feed=longpoll&timeout=1500'),
    );

    // The renderer's requests: its own origin (the proxy path included) passes...
    expect(cancelled('app://atmintis/sync/remote/_changes?feed=longpoll')).toBe(false);
    expect(cancelled('app://atmintis/index.html')).toBe(false);
    // ...while the configured server itself, its neighbours and any other host stay cancelled: the
    // renderer never talks to the network directly, and so never holds the password.
    expect(cancelled(`${server.url}/${TEST_PROJECT}/_changes`)).toBe(true);
    expect(cancelled(`${server.url}/_users`)).toBe(true);
    expect(cancelled('https://example.org/')).toBe(true);
    expect(cancelled('http://127.0.0.1:9/')).toBe(true);
    expect(cancelled('wss://example.org/socket')).toBe(true);
    // The CSP is unchanged: fetch and XHR only to 'self'.
    expect(CSP_DIRECTIVES['connect-src']).toBe("'self'");

    const answer = await longPoll;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ results: expect.any(Array) });
    const info = await appProtocol(new Request('app://atmintis/sync/remote/'));
    expect(await info.json()).toMatchObject({ db_name: TEST_PROJECT });

    // A server that is not HTTPS (and not this computer) is refused as a setting.
    const refused = await ipc('sync.saveSettings')(trustedSender, {
      serverUrl: 'http://example.org',
      project: TEST_PROJECT,
      username: WRITER.name,
      password: WRITER.password,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(refused.error?.message).toMatch(/must use https:\/\//);
    // And the settings that work are still the ones in force.
    expect(await ipc('sync.getSettings')(trustedSender, {})).toMatchObject({
      ok: true,
      value: { settings: { serverUrl: server.url } },
    });
  });
});
