/**
 * The main-process implementation of the IPC contract: plain functions built from their dependencies,
 * with no Electron import, so the Electron transport, the HTTP harness and the unit tests all run the
 * very same code.
 */
import type { AppChannel } from '@shared/ipc/channels/app';
import type { CollectionChannel } from '@shared/ipc/channels/collections';
import type { AppInfo, Handlers } from '@shared/ipc/contract';
import type { CollectionStore } from './collection/collection-store';
import { isSafeExternalUrl } from './security/navigation';
import { HandlerError } from './ipc/dispatch';

interface HandlerDependencies {
  appInfo: AppInfo;
  collections: CollectionStore;
  /** Opens a URL in the user's browser; the Electron edge passes shell.openExternal. */
  openExternal: (url: string) => Promise<boolean>;
}

/**
 * The app and collection channels. The backup, import, document and search index ones are built by
 * their own modules from their stores.
 */
type CoreHandlers = Pick<Handlers, AppChannel | CollectionChannel>;

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
