/** A photo item's first thumbnail beside its search result; nothing for any other result. */
import type { SearchDocument } from '@shared/search/documents';
import { itemHitThumbnail } from '@shared/search/item-documents';

export function ItemHitThumbnail({ doc }: { doc: SearchDocument }) {
  const src = itemHitThumbnail(doc);
  // Decorative: the link is named by the item's title, which the result shows beside it.
  return src ? <img className="search-result-thumbnail" src={src} alt="" loading="lazy" /> : null;
}
