/**
 * Each main-process module implements exactly the channels its feature declares in the contract
 * (src/shared/ipc/channels/*): the channel-name unions are derived from there, not typed again by hand.
 */
import { describe, expect, it } from 'vitest';
import { appRequests } from '@shared/ipc/channels/app';
import { backupRequests } from '@shared/ipc/channels/backups';
import { collectionRequests } from '@shared/ipc/channels/collections';
import { documentRequests } from '@shared/ipc/channels/documents';
import { importRequests } from '@shared/ipc/channels/imports';
import { searchIndexRequests } from '@shared/ipc/channels/search-index';
import { photoRequests } from '@shared/ipc/channels/photos';
import { channels } from '@shared/ipc/contract';
import type { BackupStore } from '../../src/main/backups/backup-store';
import { createBackupHandlers } from '../../src/main/backups/handlers';
import { noSaveDialog } from '../../src/main/backups/save-file';
import type { DocumentStore } from '../../src/main/documents/document-store';
import { createDocumentHandlers, noPdfPrinter } from '../../src/main/documents/handlers';
import { createHandlers } from '../../src/main/handlers';
import { createImportHandlers } from '../../src/main/import/handlers';
import type { ImportStore } from '../../src/main/import/import-store';
import { createSearchIndexHandlers } from '../../src/main/search-index/handlers';
import type { SearchIndexStore } from '../../src/main/search-index/index-store';
import { createPhotoHandlers } from '../../src/main/photos/handlers';
import type { PhotoImports } from '../../src/main/photos/import-session';
import type { PhotoStore } from '../../src/main/photos/photo-store';
import { noPhotoPicker } from '../../src/main/photos/picker';

const names = (o: object): string[] => Object.keys(o).sort();

describe('main-process channel modules', () => {
  const modules = [
    {
      built: createHandlers({
        appInfo: {
          name: 'Atmintis',
          version: '0.0.0',
          license: 'x',
          transport: 'http',
          dataDirectory: '/tmp',
        },
        collections: { list: async () => [], get: async () => undefined },
        openExternal: async () => false,
      }),
      declared: { ...appRequests, ...collectionRequests },
    },
    {
      built: createBackupHandlers({ store: {} as BackupStore, saveFile: noSaveDialog }),
      declared: backupRequests,
    },
    { built: createImportHandlers({} as ImportStore), declared: importRequests },
    {
      built: createDocumentHandlers({ store: {} as DocumentStore, printToPdf: noPdfPrinter }),
      declared: documentRequests,
    },
    { built: createSearchIndexHandlers({} as SearchIndexStore), declared: searchIndexRequests },
    {
      built: createPhotoHandlers({
        store: {} as PhotoStore,
        imports: {} as PhotoImports,
        pick: noPhotoPicker,
      }),
      declared: photoRequests,
    },
  ];

  it('each implements exactly the channels its feature declares', () => {
    for (const { built, declared } of modules) expect(names(built)).toEqual(names(declared));
  });

  it('together cover the whole contract, each channel once', () => {
    const all = modules.flatMap(({ built }) => Object.keys(built));
    expect(all.sort()).toEqual([...channels].sort());
  });
});
