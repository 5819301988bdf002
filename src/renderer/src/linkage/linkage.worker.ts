/**
 * The linkage worker: scoring hundreds of thousands of pairs happens here, never on the UI thread.
 * The logic is in worker-host.ts (tested in-process); this file only connects it to the message port.
 */
import type { LinkageWorkerRequest, LinkageWorkerResponse } from './protocol';
import { createLinkageWorkerHost } from './worker-host';

/** The part of DedicatedWorkerGlobalScope used here (the renderer is typed with the DOM library). */
interface WorkerScope {
  postMessage(message: LinkageWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LinkageWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const host = createLinkageWorkerHost((message) => scope.postMessage(message));

scope.addEventListener('message', (event) => void host.receive(event.data));
