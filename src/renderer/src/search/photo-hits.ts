/**
 * The photo a search hit shows a thumbnail of: a note on a photo region (a page's OCR text is a region
 * covering the photo) opens `#/items/<item>/photos/<sha256>/region/<note>[?page=n]`, and that address
 * names the photo; a photo item's hit names its first photo in its document id (item-documents.ts).
 * Either way the result needs nothing more than its document.
 */
import { photoUrl } from '@shared/photos/model';
import type { SearchDocument } from '@shared/search/documents';
import { itemHitThumbnail } from '@shared/search/item-documents';

const REGION_PATH = /^\/items\/[^/?#]+\/photos\/([0-9a-f]{64})\/region\/[^/?#]+(?:\?page=([1-9]\d{0,5}))?$/;

/** The thumbnail's address for a hit on a photo region or a photo item, or null for any other hit. */
export function photoThumbOf(document: Pick<SearchDocument, 'id' | 'kind' | 'path'>): string | null {
  if (document.kind === 'item') return itemHitThumbnail(document);
  if (document.kind !== 'note') return null;
  const match = REGION_PATH.exec(document.path);
  return match?.[1] ? photoUrl(match[1], 'thumb', Number(match[2] ?? 0)) : null;
}
