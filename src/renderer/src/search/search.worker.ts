/**
 * The search worker: indexing and every search run here, never on the UI thread. The logic lives in
 * src/shared/search/protocol.ts; this file only connects it to the worker's message port.
 */
import {
  createSearchWorkerHost,
  type SearchWorkerRequest,
  type SearchWorkerResponse,
} from '@shared/search/protocol';

/** The part of DedicatedWorkerGlobalScope used here (the renderer is typed with the DOM library). */
interface WorkerScope {
  postMessage(message: SearchWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const host = createSearchWorkerHost((message) => scope.postMessage(message));

scope.addEventListener('message', (event) => host.receive(event.data));
