import type { AppInfo, Handlers } from '@shared/ipc/contract';
import type { CollectionStore } from '../../src/main/collection/collection-store';
import { createHandlers } from '../../src/main/handlers';
import { createBackupHandlers } from '../../src/main/backups/handlers';
import type { BackupStore } from '../../src/main/backups/backup-store';
import { noSaveDialog } from '../../src/main/backups/save-file';
import { createImportHandlers } from '../../src/main/import/handlers';
import type { ImportStore } from '../../src/main/import/import-store';
import { createDocumentHandlers, noPdfPrinter } from '../../src/main/documents/handlers';
import type { DocumentStore } from '../../src/main/documents/document-store';
import { createSyncHandlers } from '../../src/main/sync/handlers';
import type { SyncSettingsStore } from '../../src/main/sync/sync-settings-store';
import { createPhotoHandlers } from '../../src/main/photos/handlers';
import { createPhotoImports } from '../../src/main/photos/import-session';
import { createPhotoStore } from '../../src/main/photos/photo-store';
import { noPhotoPicker } from '../../src/main/photos/picker';

export const testAppInfo: AppInfo = {
  name: 'Atmintis',
  version: '0.0.0-test',
  license: 'AGPL-3.0-or-later',
  transport: 'http',
  dataDirectory: '/tmp/atmintis-test',
};

export const emptyCollections: CollectionStore = {
  list: async () => [],
  get: async () => undefined,
};

/** A backup store that keeps nothing: tests that exercise backups build a real one in a temp folder. */
const noBackups: BackupStore = {
  folder: '/tmp/atmintis-test/backups',
  write: async () => {
    throw new Error('backups are not available in this test');
  },
  list: async () => [],
  read: async () => {
    throw new Error('backups are not available in this test');
  },
};

/** An import store that refuses every import: tests that exercise imports build a real one. */
const noImports: ImportStore = {
  begin: async () => {
    throw new Error('imports are not available in this test');
  },
  append: async () => ({ received: 0 }),
  commit: async () => {
    throw new Error('imports are not available in this test');
  },
  abort: async () => ({ aborted: false }),
  list: async () => [],
  remove: async () => ({ removed: false }),
  collections: emptyCollections,
};

/** A document store with no documents: tests that exercise documents build a real one. */
const noDocuments: DocumentStore = {
  folder: '/tmp/atmintis-test/documents',
  import: async () => {
    throw new Error('documents are not available in this test');
  },
  list: async () => [],
  get: async (documentId) => {
    throw new Error(`no document ${documentId} in this test`);
  },
  remove: async () => ({ removed: false }),
  updateMetadata: async (documentId) => {
    throw new Error(`no document ${documentId} in this test`);
  },
};

/** Sync that is never set up: tests that exercise sync build a real store in a temp folder. */
const noSync: SyncSettingsStore = {
  view: async () => ({
    settings: null,
    passwordStored: false,
    canStorePassword: true,
    passwordStorage: 'memory',
  }),
  credentials: async () => null,
  save: async () => {
    throw new Error('sync settings are not available in this test');
  },
  forget: async () => noSync.view(),
};

/** A photo store over a folder no test writes to: no picker is given, so nothing is ever imported. */
const noPhotos = createPhotoStore({ dataDirectory: '/tmp/atmintis-test' });

export function testHandlers(overrides: Partial<Parameters<typeof createHandlers>[0]> = {}): Handlers {
  return {
    ...createHandlers({
      appInfo: testAppInfo,
      collections: emptyCollections,
      openExternal: async () => true,
      ...overrides,
    }),
    ...createBackupHandlers({ store: noBackups, saveFile: noSaveDialog }),
    ...createImportHandlers(noImports),
    ...createDocumentHandlers({ store: noDocuments, printToPdf: noPdfPrinter }),
    ...createSyncHandlers({
      store: noSync,
      proxy: { forward: async () => new Response(null, { status: 503 }) },
    }),
    ...createPhotoHandlers({ store: noPhotos, imports: createPhotoImports(noPhotos), pick: noPhotoPicker }),
  };
}
