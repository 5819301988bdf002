/** The `searchIndex.*` channels, built from the search index store. */
import type { Handlers } from '../../shared/ipc/contract';
import { HandlerError } from '../ipc/dispatch';
import type { SearchIndexStore } from './index-store';

export type SearchIndexChannels = 'searchIndex.load' | 'searchIndex.save';

/** Buffer.from(…, 'base64') silently skips what is not base64; a snapshot must arrive intact or not at all. */
function decodeBase64(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw new HandlerError('invalid-content', 'The search index snapshot is not valid base64');
  }
  return Buffer.from(content, 'base64');
}

export function createSearchIndexHandlers(store: SearchIndexStore): Pick<Handlers, SearchIndexChannels> {
  return {
    'searchIndex.load': async ({ key }) => {
      const bytes = await store.load(key);
      if (bytes === null) return null;
      return {
        contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      };
    },
    'searchIndex.save': async ({ key, contentBase64 }) => store.save(key, decodeBase64(contentBase64)),
  };
}
