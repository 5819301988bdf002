/**
 * A faithful stand-in for the `electron` module, for loading the BUILT main bundle (out/main/index.js)
 * under plain Node. It keeps Electron's ordering rules (privileged schemes only before `ready`; protocol
 * handlers and windows only after it) and answers with real `Request`/`Response` objects, so bundling
 * mistakes — module format, missing externals, wrong paths — show up here, not on a user's machine.
 *
 * Anything the main process touches that is not modelled throws, naming what is missing: teach this file
 * the new API instead of letting it pass silently.
 *
 * Once the window has loaded its first page, it prints one line `FAKE_ELECTRON_REPORT {json}` and exits.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => void;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;

interface Report {
  privilegedSchemes: unknown[];
  privilegedBeforeReady: boolean;
  handledSchemes: string[];
  ipcChannels: string[];
  windows: { options: Record<string, unknown>; url: string }[];
  pages: { url: string; status: number; headers: Record<string, string>; body: string }[];
  ipcAnswers: Record<string, unknown>;
  sessionHandlers: string[];
  menuItems: number;
  errors: string[];
}

const report: Report = {
  privilegedSchemes: [],
  privilegedBeforeReady: false,
  handledSchemes: [],
  ipcChannels: [],
  windows: [],
  pages: [],
  ipcAnswers: {},
  sessionHandlers: [],
  menuItems: 0,
  errors: [],
};

process.on('uncaughtException', (error) => finish(`uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => finish(`unhandled rejection: ${String(error)}`));

function finish(error?: string): never {
  if (error) report.errors.push(error);
  process.stdout.write(`FAKE_ELECTRON_REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

/** Throws on any property the fake does not model, so new Electron usage cannot slip through untested. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object || property === 'then') {
        return Reflect.get(object, property, receiver);
      }
      throw new Error(`fake electron: ${name}.${property} is not modelled (tests/support/fake-electron)`);
    },
  });
}

let ready = false;
const appEvents = new EventEmitter();
const protocolHandlers = new Map<string, ProtocolHandler>();
const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
const userData = process.env['FAKE_ELECTRON_USER_DATA'] ?? join(process.cwd(), '.fake-user-data');
const version = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string })
  .version;

function requireReady(what: string): void {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready (as in Electron)`);
}

const readyPromise = new Promise<void>((resolve) => {
  // Electron emits `ready` after the main script has run to its end.
  setTimeout(() => {
    ready = true;
    appEvents.emit('ready');
    resolve();
  }, 0);
});

export const app = strict('app', {
  isPackaged: false,
  setName: (_name: string) => undefined,
  getVersion: () => version,
  getAppPath: () => process.cwd(),
  getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
  requestSingleInstanceLock: () => true,
  quit: () => finish(),
  on: (name: string, listener: Listener) => {
    appEvents.on(name, listener);
    return app;
  },
  whenReady: () => readyPromise,
  isReady: () => ready,
});

export const protocol = strict('protocol', {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    report.privilegedBeforeReady = true;
    report.privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: ProtocolHandler) => {
    requireReady('protocol.handle');
    protocolHandlers.set(scheme, handler);
    report.handledSchemes.push(scheme);
  },
});

export const session = strict('session', {
  defaultSession: strict('session.defaultSession', {
    setPermissionRequestHandler: () => void report.sessionHandlers.push('permission-request'),
    setPermissionCheckHandler: () => void report.sessionHandlers.push('permission-check'),
    webRequest: strict('session.defaultSession.webRequest', {
      onBeforeRequest: () => void report.sessionHandlers.push('before-request'),
    }),
  }),
});

export const ipcMain = strict('ipcMain', {
  handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
    ipcHandlers.set(channel, handler);
    report.ipcChannels.push(channel);
  },
  on: (channel: string) => void report.ipcChannels.push(channel),
});

export const Menu = strict('Menu', {
  buildFromTemplate: (template: unknown[]) => {
    report.menuItems = template.length;
    return { items: template };
  },
  setApplicationMenu: () => undefined,
});

export const screen = strict('screen', {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
});

export const dialog = strict('dialog', {
  showErrorBox: (title: string, content: string) => finish(`error box: ${title}: ${content}`),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
});

export const shell = strict('shell', { openExternal: () => Promise.resolve() });

/** No keychain here, as on a Linux machine without a keyring: the sync password is refused. */
export const safeStorage = strict('safeStorage', {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('fake electron: encryption is not available');
  },
  decryptString: () => {
    throw new Error('fake electron: encryption is not available');
  },
});

let nextId = 1;
const windows: BrowserWindow[] = [];

/** Loads a URL the way Chromium would ask Electron for it: through the registered scheme handler. */
async function load(url: string): Promise<Response> {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  const handler = protocolHandlers.get(scheme);
  if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME: nothing handles ${scheme}://`);
  return handler(new Request(url));
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows = () => windows;
  readonly webContents;
  constructor(readonly options: Record<string, unknown>) {
    super();
    requireReady('BrowserWindow');
    const contents = new EventEmitter();
    this.webContents = strict(
      'webContents',
      Object.assign(contents, {
        id: nextId++,
        send: () => undefined,
        setWindowOpenHandler: () => undefined,
        printToPDF: () => Promise.resolve(Buffer.alloc(0)),
      }),
    );
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
    return strict('BrowserWindow', this);
  }
  show = () => undefined;
  focus = () => undefined;
  restore = () => undefined;
  isMinimized = () => false;
  maximize = () => undefined;
  setFullScreen = () => undefined;
  close = () => undefined;
  isDestroyed = () => false;
  isMaximized = () => false;
  isFullScreen = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  loadURL = async (url: string): Promise<void> => {
    report.windows.push({ options: this.options, url });
    const entry = await load(url);
    const html = await entry.text();
    report.pages.push({ url, status: entry.status, headers: Object.fromEntries(entry.headers), body: html });
    // The page's own scripts and styles, as the renderer would fetch them.
    for (const [, asset] of html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)) {
      const assetUrl = new URL(asset ?? '', url).href;
      const response = await load(assetUrl);
      report.pages.push({
        url: assetUrl,
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: '',
      });
    }
    // A call from the app's own top frame, as the preload makes it.
    const getInfo = ipcHandlers.get('atmintis:app.getInfo');
    const topFrame = { url, parent: null };
    report.ipcAnswers['app.getInfo'] = await getInfo?.(
      { senderFrame: topFrame, sender: this.webContents },
      {},
    );
    const list = ipcHandlers.get('atmintis:collections.list');
    report.ipcAnswers['collections.list'] = await list?.(
      { senderFrame: topFrame, sender: this.webContents },
      {},
    );
    setTimeout(() => finish(), 0);
  };
}

export default { app, protocol, session, ipcMain, Menu, screen, dialog, shell, safeStorage, BrowserWindow };
