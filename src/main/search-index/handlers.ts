/**
 * The `searchIndex.*` channels, built from the search index store. Only saving: the index is read back
 * as bytes through serve-index.ts, not as base64 through the contract.
 */
import type { Handlers } from '@shared/ipc/contract';
import { HandlerError } from '../ipc/dispatch';
import type { SearchIndexStore } from './index-store';

export type SearchIndexChannels = 'searchIndex.save';

/** Buffer.from(…, 'base64') silently skips what is not base64; a snapshot must arrive intact or not at all. */
function decodeBase64(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw new HandlerError('invalid-content', 'The search index snapshot is not valid base64');
  }
  return Buffer.from(content, 'base64');
}

export function createSearchIndexHandlers(store: SearchIndexStore): Pick<Handlers, SearchIndexChannels> {
  return {
    'searchIndex.save': async ({ key, contentBase64 }) => store.save(key, decodeBase64(contentBase64)),
  };
}
