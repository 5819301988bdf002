/**
 * Composition root shared by the Electron entry and the web harness: one place decides how the
 * handlers are built, so the two transports cannot drift apart.
 */
import { join } from 'node:path';
import type { AppInfo, Handlers } from '../shared/ipc/contract';
import { createBundledCollectionStore } from './collection-store';
import { createHandlers } from './handlers';
import * as collectionLoader from './collection/load-collection';
import { createBackupStore } from './backups/backup-store';
import { createBackupHandlers } from './backups/handlers';
import { noSaveDialog, type SaveFile } from './backups/save-file';

export interface ServiceOptions {
  /** The folder holding `collections/`, `csl/` and other bundled assets. */
  resourcesDir: string;
  appInfo: AppInfo;
  openExternal: (url: string) => Promise<boolean>;
  /** Saves an exported file where the user chooses (Electron: a save dialog). Default: none, so the
   *  renderer downloads the file instead (the web harness). */
  saveFile?: SaveFile;
}

export function createMainHandlers(options: ServiceOptions): Handlers {
  return {
    ...createHandlers({
      appInfo: options.appInfo,
      collections: createBundledCollectionStore(join(options.resourcesDir, 'collections'), collectionLoader),
      openExternal: options.openExternal,
    }),
    ...createBackupHandlers({
      store: createBackupStore({ folder: join(options.appInfo.dataDirectory, 'backups') }),
      saveFile: options.saveFile ?? noSaveDialog,
    }),
  };
}
