/**
 * The window's way of receiving what teammates shared, over the app's API: collections through the
 * validated import path (then every collection list refreshes), photo originals through main's
 * checked photo import. Used by the background checks and by the Sync view's "Check now".
 */
import type { AtmintisApi } from '@shared/ipc/api';
import { collectionsChanged } from '../api/collections-changed';
import { apiCollectionPort } from './api-collection-port';
import { receiveDatasets } from './datasets';
import { receivePhotos } from './photo-originals';
import type { ReplicaDb } from './replica';
import type { ReceivePorts } from './shared-receiver';

export function apiReceivePorts(api: AtmintisApi, replica: ReplicaDb): ReceivePorts {
  return {
    async datasets() {
      const result = await receiveDatasets(replica, apiCollectionPort(api));
      if (result.imported.length > 0) collectionsChanged(api);
      return result;
    },
    photos() {
      return receivePhotos(
        replica,
        async (sha256) => {
          const answer = await api.call('photos.get', { sha256 });
          return answer.ok && answer.value !== null;
        },
        async (request) => {
          const answer = await api.call('photos.importBytes', {
            ...request,
            bytes: request.bytes as Uint8Array<ArrayBuffer>,
          });
          if (!answer.ok) throw new Error(answer.error.message);
        },
      );
    },
  };
}
