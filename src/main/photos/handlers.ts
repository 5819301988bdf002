/** The `photos.*` channels, built from the photo store, its import sessions and the host's picker. */
import type { Handlers } from '@shared/ipc/contract';
import type { PhotoChannel } from '@shared/ipc/channels/photos';
import { HandlerError } from '../ipc/dispatch';
import { importPhotoBytes } from './import-bytes';
import type { PhotoImports } from './import-session';
import type { PhotoPicker } from './picker';
import type { PhotoStore } from './photo-store';
import { listSourceFiles } from './sources';

interface PhotoHandlerDependencies {
  store: PhotoStore;
  imports: PhotoImports;
  pick: PhotoPicker;
}

export function createPhotoHandlers(deps: PhotoHandlerDependencies): Pick<Handlers, PhotoChannel> {
  return {
    'photos.begin': async ({ source }) => {
      const pick = await deps.pick(source);
      if (!pick) return { started: false };
      let listing;
      try {
        listing = await listSourceFiles(pick);
      } catch (error) {
        throw new HandlerError('unreadable-source', (error as Error).message);
      }
      return { started: true, ...(await deps.imports.begin(listing)) };
    },
    'photos.progress': async ({ sessionId }) => deps.imports.progress(sessionId),
    'photos.cancel': ({ sessionId }) => deps.imports.cancel(sessionId),
    'photos.commit': ({ sessionId }) => deps.imports.commit(sessionId),
    'photos.get': ({ sha256 }) => deps.store.record(sha256),
    'photos.importBytes': (request) => importPhotoBytes(deps.store, deps.imports, request),
  };
}
