/**
 * The `searchIndex.*` channels, built from the search index store. Only saving: the index is read back
 * as bytes through serve-index.ts, not as base64 through the contract.
 */
import type { SearchIndexChannel } from '@shared/ipc/channels/search-index';
import type { Handlers } from '@shared/ipc/contract';
import { decodeBase64 } from '../fs/base64';
import type { SearchIndexStore } from './index-store';

export function createSearchIndexHandlers(store: SearchIndexStore): Pick<Handlers, SearchIndexChannel> {
  return {
    'searchIndex.save': async ({ key, contentBase64 }) =>
      store.save(key, decodeBase64(contentBase64, 'The search index snapshot')),
  };
}
