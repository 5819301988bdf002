import type { MenuItemConstructorOptions } from 'electron';
import { BACK_ROUTE } from '@shared/ipc/channel-names';

interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  isDevelopment: boolean;
  /** Opens a view in the renderer by its route (e.g. "search"); wired to the focused window. */
  openView: (route: string) => void;
  showAbout: () => void;
}

export const VIEW_SHORTCUTS: readonly { route: string; label: string; accelerator: string }[] = [
  { route: 'search', label: 'Search', accelerator: 'CmdOrCtrl+1' },
  { route: 'browse', label: 'Browse', accelerator: 'CmdOrCtrl+2' },
  { route: 'reader', label: 'Reader', accelerator: 'CmdOrCtrl+3' },
  { route: 'bibliography', label: 'Bibliography', accelerator: 'CmdOrCtrl+4' },
  { route: 'notes', label: 'Notes', accelerator: 'CmdOrCtrl+5' },
];

/**
 * The standard application menu, built from Electron roles so every platform gets its native
 * shortcuts (copy/paste, undo, zoom, full screen, quit). Reload and developer tools only in development:
 * a reload in a reading room must never be one mistyped shortcut away from losing an unsaved note.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { label: `About ${options.appName}`, click: options.showAbout },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({ role: 'fileMenu', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({ role: 'editMenu' });
  template.push({
    label: 'View',
    submenu: [
      // The renderer goes back in its own history (the app has no toolbar of its own for that).
      {
        label: 'Back',
        accelerator: isMac ? 'Cmd+[' : 'Alt+Left',
        click: () => options.openView(BACK_ROUTE),
      },
      { type: 'separator' },
      ...VIEW_SHORTCUTS.map((view): MenuItemConstructorOptions => ({
        label: view.label,
        accelerator: view.accelerator,
        click: () => options.openView(view.route),
      })),
      { type: 'separator' },
      ...(options.isDevelopment
        ? ([
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: isMac ? [] : [{ label: `About ${options.appName}`, click: options.showAbout }],
  });
  return template;
}
