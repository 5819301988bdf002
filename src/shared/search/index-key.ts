/**
 * The key a saved search index is stored under: which collections, at which revisions, in which
 * snapshot format. A saved index is used only when the key matches, so importing, removing or
 * updating a collection, or a new snapshot format, makes the next start rebuild it.
 */
import { MAX_SEARCH_INDEX_KEY_CHARS } from '../ipc/channels/search-index';
import { SNAPSHOT_FORMAT } from './snapshot-format';

export function searchIndexKey(collections: readonly { id: string; revision: string }[]): string {
  const key = `format ${SNAPSHOT_FORMAT}: ${collections.map((c) => `${c.id}@${c.revision}`).join(', ')}`;
  if (key.length <= MAX_SEARCH_INDEX_KEY_CHARS) return key;
  // Dozens of collections: a digest of the same text (not secret, only needs to change when it does).
  return `format ${SNAPSHOT_FORMAT}: ${collections.length} collections, ${fnv1a(key)}`;
}

/** 64-bit FNV-1a as hex, over UTF-16 code units. */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
