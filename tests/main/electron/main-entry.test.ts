import { describe, expect, it, vi } from 'vitest';
import { BEFORE_CLOSE_EVENT, CLOSE_READY_EVENT } from '@shared/ipc/channel-names';
import { channels, ipcChannelName } from '@shared/ipc/contract';
import type { createElectronMock } from '../../support/electron-mock';

const mock = vi.hoisted(() => ({ current: undefined as ReturnType<typeof createElectronMock> | undefined }));

vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('../../support/electron-mock');
  mock.current = create();
  return { ...mock.current.electron, default: mock.current.electron };
});

async function startMainProcess() {
  // Electron sets this in packaged apps; plain Node does not.
  Object.assign(process, { resourcesPath: '/opt/Atmintis/resources' });
  await import('../../../src/main/index');
  const current = mock.current;
  if (!current) throw new Error('electron mock not created');
  current.fireReady();
  await vi.waitFor(() => expect(current.windows.length).toBe(1));
  return current;
}

describe('Electron main entry (mocked electron)', () => {
  it('configures the app securely', async () => {
    const { electron, windows, appListeners } = await startMainProcess();

    // app:// is registered as a privileged, secure, standard scheme before ready.
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // The same protocol answers the saved search index route (nothing saved in this fake data folder).
    const appHandler = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const index = await appHandler(new Request('app://atmintis/search-index.bin?key=k'));
    expect(index.status).toBe(404);
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(appListeners.has('second-instance')).toBe(true);
    expect(appListeners.has('web-contents-created')).toBe(true);

    // The window is sandboxed and isolated, with the CommonJS preload, and loads the app origin.
    const window = windows[0];
    const prefs = window?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    await vi.waitFor(() => expect(window?.loadURL).toHaveBeenCalledWith('app://atmintis/index.html'));

    // Permissions and network are locked down on the session.
    const session = electron.session.defaultSession;
    const permissionHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void;
    const decide = (permission: string, url: string) => {
      const callback = vi.fn();
      permissionHandler({}, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(decide('persistent-storage', 'app://atmintis/index.html')).toBe(true);
    expect(decide('media', 'app://atmintis/index.html')).toBe(false);
    expect(decide('persistent-storage', 'https://evil.example/')).toBe(false);
    const beforeRequest = session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      let cancel = false;
      beforeRequest({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true);
    expect(cancelled('app://atmintis/assets/index.js')).toBe(false);

    // Every contract channel has an IPC handler, and untrusted frames are refused.
    const registered = electron.ipcMain.handle.mock.calls.map((call) => call[0]);
    expect(registered.sort()).toEqual(channels.map(ipcChannelName).sort());
    const infoHandler = electron.ipcMain.handle.mock.calls.find(
      (call) => call[0] === 'atmintis:app.getInfo',
    )?.[1] as (event: unknown, payload: unknown) => Promise<unknown>;
    expect(
      await infoHandler({ senderFrame: { url: 'app://atmintis/index.html', parent: null } }, {}),
    ).toMatchObject({
      ok: true,
      value: { transport: 'electron', version: '9.9.9' },
    });
    expect(
      await infoHandler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });

    // A standard application menu is installed.
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('holds the window open until the renderer saved its notes, then closes it, or quits when quitting', async () => {
    const { electron, windows, appListeners } = await startMainProcess();
    const readyListener = electron.ipcMain.on.mock.calls.find(
      (call) => call[0] === CLOSE_READY_EVENT,
    )?.[1] as (event: { sender: { id: number } }, token: unknown) => void;
    expect(readyListener).toBeTypeOf('function');

    const window = windows[0] as (typeof windows)[number];
    const close = window.listeners.get('close') as (event: { preventDefault(): void }) => void;
    const first = { preventDefault: vi.fn() };
    close(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(BEFORE_CLOSE_EVENT, 1);
    readyListener({ sender: { id: window.webContents.id + 100 } }, 1); // another window's answer
    expect(window.close).not.toHaveBeenCalled();
    readyListener({ sender: { id: window.webContents.id } }, 1);
    expect(window.close).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    const second = { preventDefault: vi.fn() };
    close(second);
    expect(second.preventDefault).not.toHaveBeenCalled();

    // Quitting (Cmd+Q, menu): the close is held the same way, then the app quits instead.
    windows.splice(0);
    appListeners.get('activate')?.();
    await vi.waitFor(() => expect(windows.length).toBe(1));
    const next = windows[0] as (typeof windows)[number];
    appListeners.get('before-quit')?.();
    const held = { preventDefault: vi.fn() };
    (next.listeners.get('close') as (event: { preventDefault(): void }) => void)(held);
    expect(held.preventDefault).toHaveBeenCalled();
    readyListener({ sender: { id: next.webContents.id } }, 1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(next.close).not.toHaveBeenCalled();
  });
});
