/** How a link's place in an item is named: "whole item", or "photo 3, sheet 14". */
import { useTranslation } from 'react-i18next';
import { sheetNumber } from '@shared/photos/cite';
import type { Item } from '@shared/photos/item';
import type { PhotoRef } from '@shared/photos/model';

/** The photo's index in the item, or -1 when the item no longer holds it. */
export const photoIndex = (item: Item, photo: PhotoRef): number =>
  item.photos.findIndex((p) => p.sha256 === photo.sha256 && p.page === photo.page);

export function useSheetLabel(item: Item | undefined): (photo: PhotoRef | null) => string {
  const { t } = useTranslation();
  return (photo) => {
    if (photo === null) return t('photos.links.wholeItem');
    const index = item ? photoIndex(item, photo) : -1;
    if (!item || index < 0) return t('photos.links.photoGone');
    return t('photos.links.sheet', { n: index + 1, sheet: sheetNumber(item, index) });
  };
}
