/** The `imports.*` channels, built from the import store. */
import type { ImportChannel } from '@shared/ipc/channels/imports';
import type { Handlers } from '@shared/ipc/contract';
import type { ImportStore } from './import-store';

export function createImportHandlers(store: ImportStore): Pick<Handlers, ImportChannel> {
  return {
    'imports.begin': (request) => store.begin(request),
    'imports.appendRecords': ({ sessionId, records }) => store.append(sessionId, records),
    'imports.commit': ({ sessionId }) => store.commit(sessionId),
    'imports.abort': ({ sessionId }) => store.abort(sessionId),
    'imports.list': () => store.list(),
    'imports.remove': ({ collectionId }) => store.remove(collectionId),
  };
}
