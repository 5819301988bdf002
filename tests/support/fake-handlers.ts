import type { AppInfo, Handlers } from '../../src/shared/ipc/contract';
import { createHandlers, type CollectionStore } from '../../src/main/handlers';

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

export function testHandlers(overrides: Partial<Parameters<typeof createHandlers>[0]> = {}): Handlers {
  return createHandlers({
    appInfo: testAppInfo,
    collections: emptyCollections,
    openExternal: async () => true,
    ...overrides,
  });
}
