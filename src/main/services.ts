/**
 * Composition root shared by the Electron entry and the web harness: one place decides how the
 * handlers are built, so the two transports cannot drift apart.
 */
import { join } from 'node:path';
import type { AppInfo, Handlers } from '@shared/ipc/contract';
import { createBundledCollectionStore } from './collection/collection-store';
import { createHandlers, recordIndexFolder } from './handlers';
import { createRecordService } from './collection/record-service';
import * as collectionLoader from './collection/load-collection';
import { createBackupStore } from './backups/backup-store';
import { createBackupHandlers } from './backups/handlers';
import { noSaveDialog, type SaveFile } from './backups/save-file';
import { createCompositeCollectionStore, createImportStore } from './import/import-store';
import { createImportHandlers } from './import/handlers';
import { createDocumentStore } from './documents/document-store';
import { createDocumentHandlers, noPdfPrinter, type PrintToPdf } from './documents/handlers';
import { createSearchIndexStore, type SearchIndexStore } from './search-index/index-store';
import { createSyncHandlers } from './sync/handlers';
import { createSyncService, type SyncService } from './sync/sync-service';
import { createPhotoStore, type PhotoStore } from './photos/photo-store';
import { createPhotoImports } from './photos/import-session';
import { createPhotoHandlers } from './photos/handlers';
import { noPhotoPicker, type PhotoPicker } from './photos/picker';

export interface ServiceOptions {
  /** The folder holding `collections/`, `csl/` and other bundled assets. */
  resourcesDir: string;
  appInfo: AppInfo;
  openExternal: (url: string) => Promise<boolean>;
  /** Saves an exported file where the user chooses (Electron: a save dialog). Default: none, so the
   *  renderer downloads the file instead (the web harness). */
  saveFile?: SaveFile;
  /** More folders of collections, listed before `<resourcesDir>/collections` (the web harness's
   *  `--collections-dir`, for tests). Default: none. */
  extraCollectionDirs?: readonly string[];
  /** Prints the window to a PDF (Electron: webContents.printToPDF + save dialog). Default: none, so the
   *  renderer opens the browser's print dialog instead (the web harness). */
  printToPdf?: PrintToPdf;
  /** Team sync's settings store and proxy, when the transport also serves /sync/remote from them: both
   *  must share ONE service. Default: one over the data folder with the password in memory only. */
  sync?: SyncService;
  /** The photo store, when the transport also serves photos from it (photos/serve-photo.ts). Default:
   *  one over the data folder (see createMainPhotoStore). */
  photoStore?: PhotoStore;
  /** Chooses the files a photo import reads (Electron: the open dialog; the web harness: its
   *  test-only `--photos-pick-dir`). Default: none, so nothing is ever picked. */
  pickPhotos?: PhotoPicker;
}

/** The saved search index over the data folder: a transport creates it once and reads and writes the
 *  index through it (serve-index.ts, save-index.ts); ONE store serialises its reads and writes. */
export function createMainSearchIndexStore(appInfo: Pick<AppInfo, 'dataDirectory'>): SearchIndexStore {
  return createSearchIndexStore({ dataDirectory: appInfo.dataDirectory });
}

/** The photo store the handlers default to; a transport creates it once and serves photos from it. */
export function createMainPhotoStore(appInfo: Pick<AppInfo, 'dataDirectory'>): PhotoStore {
  return createPhotoStore({ dataDirectory: appInfo.dataDirectory });
}

export function createMainHandlers(options: ServiceOptions): Handlers {
  const bundled = createBundledCollectionStore(
    // Extra folders first: the views that show "the first collection" then show the test one.
    [...(options.extraCollectionDirs ?? []), join(options.resourcesDir, 'collections')],
    collectionLoader,
  );
  // User imports live under the data folder; an import may not take a bundled collection's id.
  const imports = createImportStore({
    dataDirectory: options.appInfo.dataDirectory,
    isReservedId: async (id) => (await bundled.get(id)) !== undefined,
  });
  const collections = createCompositeCollectionStore(bundled, imports.collections);
  // Built here rather than by createHandlers, so a commit can start the new collection's records index.
  const records = createRecordService(collections, recordIndexFolder(options.appInfo.dataDirectory));
  const importHandlers = createImportHandlers(imports);
  return {
    ...createHandlers({ appInfo: options.appInfo, collections, records, openExternal: options.openExternal }),
    ...importHandlers,
    // A 200,000-person import's record index takes seconds to write: begun now, in the background, so
    // the first record page opened does not wait for it.
    'imports.commit': async (request) => {
      const summary = await importHandlers['imports.commit'](request);
      void records.warm(summary.id);
      return summary;
    },
    ...createDocumentHandlers({
      store: createDocumentStore({ dataDirectory: options.appInfo.dataDirectory }),
      printToPdf: options.printToPdf ?? noPdfPrinter,
    }),
    ...createBackupHandlers({
      store: createBackupStore({ folder: join(options.appInfo.dataDirectory, 'backups') }),
      saveFile: options.saveFile ?? noSaveDialog,
    }),
    ...createSyncHandlers(
      options.sync ?? createSyncService({ dataDirectory: options.appInfo.dataDirectory }),
    ),
    ...photoHandlers(options),
  };
}

function photoHandlers(options: ServiceOptions): ReturnType<typeof createPhotoHandlers> {
  const store = options.photoStore ?? createMainPhotoStore(options.appInfo);
  return createPhotoHandlers({
    store,
    imports: createPhotoImports(store),
    pick: options.pickPhotos ?? noPhotoPicker,
  });
}
