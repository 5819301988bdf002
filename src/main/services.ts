/**
 * Composition root shared by the Electron entry and the web harness: one place decides how the
 * handlers are built, so the two transports cannot drift apart.
 */
import { join } from 'node:path';
import type { AppInfo, Handlers } from '../shared/ipc/contract';
import { createBundledCollectionStore } from './collection-store';
import { createHandlers } from './handlers';
import * as collectionLoader from './collection/tmp-placeholder';

export interface ServiceOptions {
  /** The folder holding `collections/`, `csl/` and other bundled assets. */
  resourcesDir: string;
  appInfo: AppInfo;
  openExternal: (url: string) => Promise<boolean>;
}

export function createMainHandlers(options: ServiceOptions): Handlers {
  return createHandlers({
    appInfo: options.appInfo,
    collections: createBundledCollectionStore(join(options.resourcesDir, 'collections'), collectionLoader),
    openExternal: options.openExternal,
  });
}
