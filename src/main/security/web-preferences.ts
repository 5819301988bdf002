import type { WebPreferences } from 'electron';

/**
 * Electron security checklist, as code: every renderer is isolated, sandboxed, without Node, with web
 * security on. Tests assert this object; the window factory uses nothing else.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools: true,
  };
}
