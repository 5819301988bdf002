/**
 * Turning the photos of an import into items: one item per folder (or one for the whole import),
 * photos ordered by file name (numbers compared as numbers: "2.jpg" before "10.jpg") or by EXIF capture
 * time (photos without one after those with, by name). Pages of one file stay together, in order.
 */
import type { ImportedPhoto } from '../ipc/channels/photos';
import type { PhotoRef } from './model';

export type Grouping = 'folder' | 'single';
export type PhotoOrder = 'name' | 'captured';

export interface ItemDraft {
  /** The folder's last part, or the import's name for a single item. */
  title: string;
  photos: PhotoRef[];
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(order: PhotoOrder) {
  return (a: ImportedPhoto, b: ImportedPhoto): number => {
    if (order === 'captured' && a.capturedAt !== b.capturedAt) {
      if (a.capturedAt === undefined) return 1;
      if (b.capturedAt === undefined) return -1;
      return a.capturedAt < b.capturedAt ? -1 : 1;
    }
    return byName.compare(a.fileName, b.fileName) || a.page - b.page;
  };
}

const lastPart = (folder: string): string => folder.split('/').filter(Boolean).pop() ?? folder;

export function groupPhotos(
  photos: readonly ImportedPhoto[],
  grouping: Grouping,
  order: PhotoOrder,
  singleTitle: string,
): ItemDraft[] {
  const groups = new Map<string, ImportedPhoto[]>();
  for (const photo of photos) {
    const key = grouping === 'folder' ? photo.folder : '';
    groups.set(key, [...(groups.get(key) ?? []), photo]);
  }
  return [...groups]
    .sort(([a], [b]) => byName.compare(a, b))
    .map(([folder, members]) => ({
      title: grouping === 'folder' ? lastPart(folder) || singleTitle : singleTitle,
      photos: [...members].sort(compare(order)).map(({ sha256, page }) => ({ sha256, page })),
    }));
}
