/**
 * The main-process implementation of the IPC contract: plain functions built from their dependencies,
 * with no Electron import, so the Electron transport, the HTTP harness and the unit tests all run the
 * very same code.
 */
import type { AppChannel } from '@shared/ipc/channels/app';
import type { CollectionChannel } from '@shared/ipc/channels/collections';
import type { AppInfo, Handlers } from '@shared/ipc/contract';
import { join } from 'node:path';
import type { CollectionStore } from './collection/collection-store';
import { createRecordService, type RecordService } from './collection/record-service';
import { isSafeExternalUrl } from './security/navigation';
import { HandlerError } from './ipc/dispatch';

interface HandlerDependencies {
  appInfo: AppInfo;
  collections: CollectionStore;
  /** Records on demand; default: over `collections`, its index cached under the data folder. */
  records?: RecordService;
  /** Opens a URL in the user's browser; the Electron edge passes shell.openExternal. */
  openExternal: (url: string) => Promise<boolean>;
}

/**
 * The app and collection channels. The backup, import, document and search index ones are built by
 * their own modules from their stores.
 */
type CoreHandlers = Pick<Handlers, AppChannel | CollectionChannel>;

/** Where the record-offset indexes are kept: a cache, rebuilt when missing (record-index.ts). */
export const recordIndexFolder = (dataDirectory: string) => join(dataDirectory, 'record-index');

export function createHandlers(deps: HandlerDependencies): CoreHandlers {
  const records =
    deps.records ?? createRecordService(deps.collections, recordIndexFolder(deps.appInfo.dataDirectory));
  return {
    'app.getInfo': async () => deps.appInfo,
    'collections.list': () => deps.collections.list(),
    'collections.get': async ({ collectionId }) => {
      const collection = await deps.collections.get(collectionId);
      if (collection === undefined) {
        throw new HandlerError('collection-not-found', `No collection with id "${collectionId}"`);
      }
      // The collection is in memory now: its record index (a cache on disk) is checked or built in the
      // background, so a record page opened later does not wait for it.
      void records.warm(collectionId);
      return collection;
    },
    'collections.summary': ({ collectionId }) => records.summary(collectionId),
    'collections.getRecord': ({ collectionId, recordId }) => records.getRecord(collectionId, recordId),
    'collections.getRecords': ({ collectionId, recordIds }) => records.getRecords(collectionId, recordIds),
    'collections.page': ({ collectionId, offset, limit, sort, browse }) =>
      records.page(collectionId, { offset, limit, sort, browse }),
    'collections.browseOptions': ({ collectionId }) => records.browseOptions(collectionId),
    'shell.openExternal': async ({ url }) => {
      // The schema already requires http(s); checked again here because this is the last gate before
      // handing a URL to the operating system.
      if (!isSafeExternalUrl(url)) throw new HandlerError('unsafe-url', `Refusing to open ${url}`);
      return { opened: await deps.openExternal(url) };
    },
  };
}
