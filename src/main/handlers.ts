/**
 * The main-process implementation of the IPC contract: plain functions built from their dependencies,
 * with no Electron import, so the Electron transport, the HTTP harness and the unit tests all run the
 * very same code.
 */
import type { AppInfo, Handlers } from '@shared/ipc/contract';
import type { LoadedCollection } from '@shared/collection/model';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { isSafeExternalUrl } from './security/navigation';
import { HandlerError } from './ipc/dispatch';
import type { BackupChannels } from './backups/handlers';
import type { ImportChannels } from './imports/handlers';
import type { DocumentChannels } from './documents/handlers';
import type { SearchIndexChannels } from './search-index/handlers';

export interface CollectionStore {
  list(): Promise<CollectionSummary[]>;
  /** Resolves to undefined when no collection has that id. */
  get(collectionId: string): Promise<LoadedCollection | undefined>;
}

export interface HandlerDependencies {
  appInfo: AppInfo;
  collections: CollectionStore;
  /** Opens a URL in the user's browser; the Electron edge passes shell.openExternal. */
  openExternal: (url: string) => Promise<boolean>;
}

/**
 * Every channel except the backup, import, document and search index ones, which their own modules
 * build from their stores.
 */
export type CoreHandlers = Omit<
  Handlers,
  BackupChannels | ImportChannels | DocumentChannels | SearchIndexChannels
>;

export function createHandlers(deps: HandlerDependencies): CoreHandlers {
  return {
    'app.getInfo': async () => deps.appInfo,
    'collections.list': () => deps.collections.list(),
    'collections.get': async ({ collectionId }) => {
      const collection = await deps.collections.get(collectionId);
      if (collection === undefined) {
        throw new HandlerError('collection-not-found', `No collection with id "${collectionId}"`);
      }
      return collection;
    },
    'shell.openExternal': async ({ url }) => {
      // The schema already requires http(s); checked again here because this is the last gate before
      // handing a URL to the operating system.
      if (!isSafeExternalUrl(url)) throw new HandlerError('unsafe-url', `Refusing to open ${url}`);
      return { opened: await deps.openExternal(url) };
    },
  };
}
