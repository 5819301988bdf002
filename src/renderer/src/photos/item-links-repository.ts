/**
 * Links from photo items (or one of their photos) to records, in the notes database (store
 * `itemLinks`, schema step 5), so they are backed up and restored with the notes. Written through
 * `countedWrite` like every other change to the user's layer (the automatic backups follow it);
 * read live (`useLiveQuery`) by the item's page and the record's page.
 */
import { itemLinkProblem, recordLinkKey, type ItemLink } from '@shared/photos/item-link';
import type { PhotoRef } from '@shared/photos/model';
import { toItemLink, toItemLinkRow, type NotesDatabase } from '../notes/db';
import { countedWrite, NotesStorageError, storageRead } from '../notes/repository';

export interface NewItemLink {
  itemId: string;
  photo: PhotoRef | null;
  collectionId: string;
  recordId: string;
  recordTitle: string;
}

const samePhoto = (a: PhotoRef | null, b: PhotoRef | null): boolean =>
  a === b || (a !== null && b !== null && a.sha256 === b.sha256 && a.page === b.page);

/** Links of an item, in the order they were made. */
export function linksOfItem(db: NotesDatabase, itemId: string): Promise<ItemLink[]> {
  return storageRead(async () =>
    (await db.itemLinks.where('itemId').equals(itemId).sortBy('createdAt')).map(toItemLink),
  );
}

/** Links to a record, in the order they were made. */
export function linksToRecord(
  db: NotesDatabase,
  collectionId: string,
  recordId: string,
): Promise<ItemLink[]> {
  return storageRead(async () =>
    (
      await db.itemLinks.where('recordKey').equals(recordLinkKey(collectionId, recordId)).sortBy('createdAt')
    ).map(toItemLink),
  );
}

export class ItemLinksRepository {
  constructor(
    readonly db: NotesDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Links a record to an item or one of its photos. Linking the same record to the same place again
   * answers the existing link (nothing is written twice).
   */
  add(draft: NewItemLink): Promise<ItemLink> {
    return countedWrite(this.db, this.now, async () => {
      const rows = await this.db.itemLinks.where('itemId').equals(draft.itemId).toArray();
      const existing = rows
        .map(toItemLink)
        .find(
          (link) =>
            link.collectionId === draft.collectionId &&
            link.recordId === draft.recordId &&
            samePhoto(link.photo, draft.photo),
        );
      if (existing) return existing;
      const at = this.now().toISOString();
      const link: ItemLink = { id: `link-${crypto.randomUUID()}`, ...draft, createdAt: at, updatedAt: at };
      const problem = itemLinkProblem(link);
      if (problem) throw new NotesStorageError('invalid', `The link cannot be saved: ${problem}`);
      await this.db.itemLinks.add(toItemLinkRow(link));
      return link;
    });
  }

  /** Removes one link, asked for by the user (the item and the record stay as they are). */
  remove(id: string): Promise<void> {
    return countedWrite(this.db, this.now, () => this.db.itemLinks.delete(id));
  }
}

/**
 * Inside an item write (split, merge): the links of `fromItemId` follow their photos into `toItemId`
 * — all of them when `photos` is null (a merge), else those on one of `photos` (a split). Nothing is
 * deleted: a link always stays on the item that now holds its photo.
 */
export async function moveLinks(
  db: NotesDatabase,
  fromItemId: string,
  toItemId: string,
  photos: readonly PhotoRef[] | null,
  at: string,
): Promise<void> {
  const rows = await db.itemLinks.where('itemId').equals(fromItemId).toArray();
  const moving = rows.filter(
    (row) => photos === null || (row.photo !== null && photos.some((photo) => samePhoto(photo, row.photo))),
  );
  if (moving.length === 0) return;
  await db.itemLinks.bulkPut(
    moving.map((row) => ({ ...row, itemId: toItemId, updatedAt: at > row.updatedAt ? at : row.updatedAt })),
  );
}
