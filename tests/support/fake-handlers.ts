import type { AppInfo, Handlers } from '../../src/shared/ipc/contract';
import { createHandlers, type CollectionStore } from '../../src/main/handlers';
import { createBackupHandlers } from '../../src/main/backups/handlers';
import type { BackupStore } from '../../src/main/backups/backup-store';
import { noSaveDialog } from '../../src/main/backups/save-file';

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

export function testHandlers(overrides: Partial<Parameters<typeof createHandlers>[0]> = {}): Handlers {
  return {
    ...createHandlers({
      appInfo: testAppInfo,
      collections: emptyCollections,
      openExternal: async () => true,
      ...overrides,
    }),
    ...createBackupHandlers({ store: noBackups, saveFile: noSaveDialog }),
  };
}
