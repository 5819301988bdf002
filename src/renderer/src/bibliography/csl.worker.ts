/**
 * The CSL worker: citeproc (through citation-js) compiles styles and formats references here, off the
 * UI thread, so the Bibliography view and "Cite this" stay responsive while a style compiles. The
 * logic is csl-handler.ts; this file only connects it to messages.
 */
import { createCslHandler } from './csl-handler';
import type { CslRequestMessage, CslResponseMessage } from './csl-protocol';
import { loadBundledCslSources } from './csl-sources';

interface WorkerScope {
  postMessage(message: CslResponseMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CslRequestMessage>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createCslHandler(loadBundledCslSources);

scope.addEventListener('message', (event) => {
  void handle(event.data).then((response) => scope.postMessage(response));
});
