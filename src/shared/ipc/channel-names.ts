/**
 * Wire names of the IPC channels. Kept free of zod and every other dependency because the sandboxed
 * preload bundles this file and may only `require('electron')`.
 */

/** Contract channel names look like "collections.get": dotted lower-camel segments. */
export function isWellFormedChannelName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/.test(value);
}

/** Namespaced so they can't collide with Electron's or a library's channels. */
export const ipcChannelName = (channel: string): string => `atmintis:${channel}`;

/** Main → renderer event: open a view by route (sent by the application menu). */
export const OPEN_VIEW_EVENT = 'atmintis:open-view';
/** The OPEN_VIEW_EVENT route that goes back in the renderer's history (the menu's Back). */
export const BACK_ROUTE = 'back';

/**
 * Main → renderer: the window is about to close; save pending edits and write the final notes backup,
 * then answer with CLOSE_READY_EVENT and the same token (see src/main/electron/close-guard.ts).
 */
export const BEFORE_CLOSE_EVENT = 'atmintis:before-close';
/** Renderer → main: done with BEFORE_CLOSE_EVENT; carries its token. */
export const CLOSE_READY_EVENT = 'atmintis:close-ready';
