/**
 * Electron entry point: the thin edge that wires Electron's objects to the plain modules beside it.
 * Anything with logic worth testing lives elsewhere and is tested in Node.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { OPEN_VIEW_EVENT } from '@shared/ipc/contract';
import { CLOSE_READY_EVENT } from '@shared/ipc/channel-names';
import { guardWindowClose, type CloseGuard } from './electron/close-guard';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './electron/app-protocol';
import { registerIpcHandlers } from './electron/ipc-transport';
import { mainWindowConstructorOptions, readWindowState, rememberWindowState } from './electron/main-window';
import { applySessionPolicy } from './electron/session-policy';
import { buildMenuTemplate } from './menu';
import { hardenWebContents } from './security/harden-web-contents';
import { isSafeExternalUrl } from './security/navigation';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './security/origin';
import { createMainHandlers, createMainPhotoStore, createMainSearchIndexStore } from './services';
import { createDialogPicker } from './photos/picker';
import { createDialogSaveFile } from './backups/save-file';
import { createDialogPdfPrinter } from './documents/print-to-pdf';

const APP_NAME = 'Atmintis';
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])].filter(Boolean);

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.setName(APP_NAME);

let mainWindow: BrowserWindow | null = null;
/** Set by 'before-quit': a window that finished its final save then quits the app instead of closing. */
let quitting = false;
/** Each window's close guard, by webContents id, for the renderer's CLOSE_READY_EVENT answer. */
const closeGuards = new Map<number, CloseGuard>();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigins));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
  void app.whenReady().then(start);
}

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

function start(): void {
  const dataDirectory = app.getPath('userData');
  // ONE store for the save channel and the app:// index route: it serialises reads and writes.
  const searchIndexStore = createMainSearchIndexStore({ dataDirectory });
  const photoStore = createMainPhotoStore({ dataDirectory });
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'), searchIndexStore, photoStore);
  applySessionPolicy(session.defaultSession, trustedOrigins);
  const handlers = createMainHandlers({
    resourcesDir: resourcesDir(),
    appInfo: {
      name: APP_NAME,
      version: app.getVersion(),
      license: 'AGPL-3.0-or-later',
      transport: 'electron',
      dataDirectory,
    },
    searchIndexStore,
    photoStore,
    // Photos are chosen here in main: the renderer never names a path.
    pickPhotos: createDialogPicker((options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    ),
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    saveFile: createDialogSaveFile((options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    ),
    // The Reader's "Print or save as PDF": the window through its print stylesheet, highlights included.
    printToPdf: createDialogPdfPrinter(
      () => mainWindow?.webContents.printToPDF({ printBackground: true }),
      (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    ),
  });
  registerIpcHandlers(ipcMain, handlers, trustedOrigins);
  ipcMain.on(CLOSE_READY_EVENT, (event, token: unknown) =>
    closeGuards.get(event.sender.id)?.ready(event.sender.id, token),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: APP_NAME,
        isDevelopment: !app.isPackaged,
        openView: (route) => mainWindow?.webContents.send(OPEN_VIEW_EVENT, route),
        showAbout: () => mainWindow?.webContents.send(OPEN_VIEW_EVENT, 'about'),
      }),
    ),
  );
  void createMainWindow();
}

async function createMainWindow(): Promise<void> {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const saved = await readWindowState(stateFile);
  const window = new BrowserWindow(
    mainWindowConstructorOptions(
      {
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        stateFile,
        workAreas: screen.getAllDisplays().map((display) => display.workArea),
        title: APP_NAME,
      },
      saved,
    ),
  );
  mainWindow = window;
  rememberWindowState(window, stateFile);
  // Notes: the renderer saves pending edits and writes the final backup before the window goes.
  const contentsId = window.webContents.id;
  closeGuards.set(
    contentsId,
    guardWindowClose(window, { finish: () => (quitting ? app.quit() : window.close()) }),
  );
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    if (saved?.fullScreen) window.setFullScreen(true);
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    closeGuards.delete(contentsId);
  });
  try {
    await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  } catch (error) {
    dialog.showErrorBox(APP_NAME, `The interface could not be loaded: ${(error as Error).message}`);
  }
}
