/**
 * The one CSL worker of the window, started the first time Bibliography or a "Cite this" dialog needs
 * it (never at app start: citation-js and citeproc are about 1 MB of script and a style takes seconds
 * to compile).
 *
 * Module-level on purpose: the worker holds compiled styles built from files of the build, which never
 * change while the app runs, so every view and test may share it. Where there is no Worker (the jsdom
 * tests), or the benchmark asks for the old way (`atmintis.csl.inline` in localStorage), the same
 * handler runs on the page's own thread.
 */
import { CslClient, type CslPort } from './csl-client';
import { bundledPrecomputedLookup } from './csl-precomputed';
import type { CslResponseMessage } from './csl-protocol';

/**
 * localStorage key: "1" formats on the UI thread, the whole list at once, citeproc as published: the
 * view as it was before the worker (the "before" of `npm run bench:bibliography`).
 */
export const INLINE_CSL_KEY = 'atmintis.csl.inline';

let client: CslClient | null = null;

export function getCslClient(): CslClient {
  client ??= createClient();
  return client;
}

function inlineRequested(): boolean {
  try {
    return localStorage.getItem(INLINE_CSL_KEY) === '1';
  } catch {
    return false;
  }
}

function createClient(): CslClient {
  const inline = inlineRequested();
  if (typeof Worker === 'undefined' || inline) return new CslClient(inlinePort(!inline), !inline);
  const worker = new Worker(new URL('./csl.worker.ts', import.meta.url), { type: 'module', name: 'csl' });
  const created = new CslClient(worker, true, bundledPrecomputedLookup);
  // A worker that cannot load its script (or dies) answers nothing: say so to every waiting view, and
  // start a new one on the next request.
  worker.addEventListener('error', (event) => {
    created.fail(`the citation worker stopped (${event.message || 'it could not be loaded'})`);
    created.dispose();
    if (client === created) client = null;
  });
  return created;
}

/**
 * The worker's handler on this thread, behind the same message interface. For the benchmark's "before"
 * also without the macro index, so it measures the view as it was before the worker.
 */
function inlinePort(indexMacros: boolean): CslPort {
  const listeners = new Set<(event: MessageEvent<CslResponseMessage>) => void>();
  const handler = Promise.all([import('./csl-handler'), import('./csl-sources')]).then(
    ([{ createCslHandler }, { loadBundledCslSources }]) =>
      createCslHandler(loadBundledCslSources, indexMacros),
  );
  return {
    postMessage: (message) => {
      void handler
        .then((handle) => handle(message))
        .then((response) => {
          for (const listener of listeners) listener({ data: response } as MessageEvent<CslResponseMessage>);
        });
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    terminate: () => listeners.clear(),
  };
}
