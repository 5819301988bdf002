import { vi } from 'vitest';

/**
 * A recording stand-in for the parts of Electron the main process touches. Tests assert what the app
 * configured (window options, session handlers, IPC channels) without launching Electron.
 */
export function createElectronMock() {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  let nextContentsId = 1;

  class FakeWindow {
    static getAllWindows = () => windows;
    readonly options: Record<string, unknown>;
    readonly listeners = new Map<string, (...args: unknown[]) => void>();
    readonly webContents = { id: nextContentsId++, send: vi.fn() };
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    maximize = vi.fn();
    setFullScreen = vi.fn();
    close = vi.fn();
    isDestroyed = vi.fn(() => false);
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    on(name: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(name, listener);
      return this;
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      return this.on(name, listener);
    }
  }

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const electron = {
    app: {
      isPackaged: true,
      setName: vi.fn(),
      getVersion: () => '9.9.9',
      getAppPath: () => '/app',
      getPath: (name: string) => `/user-data/${name}`,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
        appListeners.set(name, listener);
      }),
      whenReady: () => ready,
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
  };

  return { electron, appListeners, windows, fireReady: resolveReady };
}
