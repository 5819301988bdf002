import { createApi, type AtmintisApi } from '@shared/ipc/api';
import { createHttpInvoke } from './http-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the web harness serves the renderer. */
    atmintis?: AtmintisApi;
  }
}

/** The one API object the renderer uses: Electron's preload bridge when present, HTTP otherwise. */
export function resolveApi(win: Window = window): AtmintisApi {
  return win.atmintis ?? createApi(createHttpInvoke(win.location.origin));
}
