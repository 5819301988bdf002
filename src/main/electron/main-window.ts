/**
 * The main window's Electron side: its constructor options (secure web preferences, the remembered
 * geometry where it is still visible) and reading and saving that geometry. The parsing is pure and
 * lives in ../window-state.ts.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { secureWebPreferences } from '../security/web-preferences';
import { MIN_SIZE, parseWindowState, restoreBounds, type WindowState } from '../window-state';

interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  workAreas: Rectangle[];
  title: string;
}

export async function readWindowState(stateFile: string): Promise<WindowState | null> {
  try {
    return parseWindowState(JSON.parse(await readFile(stateFile, 'utf8')));
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash mid-write never leaves a half-written state file. */
async function writeWindowState(stateFile: string, state: WindowState): Promise<void> {
  await mkdir(dirname(stateFile), { recursive: true });
  const temp = `${stateFile}.tmp`;
  await writeFile(temp, JSON.stringify(state));
  await rename(temp, stateFile);
}

export function mainWindowConstructorOptions(
  options: MainWindowOptions,
  saved: WindowState | null,
): BrowserWindowConstructorOptions {
  return {
    ...restoreBounds(saved, options.workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#1c1b1a',
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

/** Saves geometry when the window closes, using the normal (un-maximised) bounds. */
export function rememberWindowState(window: BrowserWindow, stateFile: string): void {
  window.on('close', () => {
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    };
    void writeWindowState(stateFile, state).catch((error: unknown) => {
      console.error('Could not save window state:', error);
    });
  });
}
