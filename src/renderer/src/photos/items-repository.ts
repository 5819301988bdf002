/**
 * The user's photo items, stored in the notes database (store `items`, schema step 3) so they are
 * backed up, exported and restored with the notes. Every write goes through `countedWrite` (the
 * change revision the automatic backups watch) and is checked against the backup schema first, so no
 * stored item can make a backup be refused.
 */
import { itemProblem, type Item, type ItemTemplate } from '@shared/photos/item';
import { mergeItems, movePhoto, splitPhotos } from '@shared/photos/item-edit';
import type { ItemDraft } from '@shared/photos/grouping';
import { createSignal, type Signal } from '../api/signal';
import { toItem, toItemRow, type NotesDatabase } from '../notes/db';
import { countedWrite, NotesStorageError, storageRead } from '../notes/repository';
import { moveLinks } from './item-links-repository';

export type ItemChanges = Partial<Pick<Item, 'title' | 'template' | 'metadata' | 'fields'>>;

const newId = (): string => `item-${crypto.randomUUID()}`;

/** Every item in the database, oldest first (also read live by Search, which holds no repository). */
export function allItems(db: NotesDatabase): Promise<Item[]> {
  return storageRead(async () =>
    (await db.items.orderBy('updatedAt').toArray())
      .map(toItem)
      .sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      ),
  );
}

export class ItemsRepository {
  /** Fires after every write (useResult(..., { refetchOn: repo.changes }) reloads). */
  readonly changes: Signal = createSignal();

  constructor(
    readonly db: NotesDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Teammates' item edits arrive through the sync bridge, not through this repository.
    db.externalChanges.subscribe(() => this.changes.notify());
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    const result = await countedWrite(this.db, this.now, work);
    this.changes.notify();
    return result;
  }

  /** A later instant than `previous`, so every edit makes the item strictly newer (restores rely on it). */
  private stamp(previous?: string): string {
    const now = this.now().toISOString();
    return previous && now <= previous ? new Date(Date.parse(previous) + 1).toISOString() : now;
  }

  private checked(item: Item): Item {
    const problem = itemProblem(item);
    if (problem)
      throw new NotesStorageError('invalid', `The item "${item.title}" cannot be saved: ${problem}`);
    return item;
  }

  /** Every item, oldest first. */
  all(): Promise<Item[]> {
    return allItems(this.db);
  }

  get(id: string): Promise<Item | undefined> {
    return storageRead(async () => {
      const row = await this.db.items.get(id);
      return row ? toItem(row) : undefined;
    });
  }

  /** The items holding a page of this original. */
  forPhoto(sha256: string): Promise<Item[]> {
    return storageRead(async () =>
      (await this.db.items.where('photoShas').equals(sha256).toArray()).map(toItem),
    );
  }

  /** Creates one item per draft, all in one transaction: an import makes all its items or none. */
  create(drafts: readonly ItemDraft[], template: ItemTemplate = 'archival-file'): Promise<Item[]> {
    // One millisecond apart, so the items list in the order the import made them.
    const first = Date.parse(this.stamp());
    const items = drafts.map((draft, index) => {
      const at = new Date(first + index).toISOString();
      return this.checked({
        id: newId(),
        template,
        title: draft.title,
        metadata: {},
        fields: [],
        photos: draft.photos,
        createdAt: at,
        updatedAt: at,
      });
    });
    return this.write(async () => {
      await this.db.items.bulkAdd(items.map(toItemRow));
      return items;
    });
  }

  /** Applies `change` to the stored item (read inside the write, so concurrent edits are not lost). */
  private change(id: string, change: (item: Item) => Partial<Item>): Promise<Item> {
    return this.write(async () => {
      const row = await this.db.items.get(id);
      if (!row) throw new NotesStorageError('invalid', `There is no item ${id}`);
      const current = toItem(row);
      const next = this.checked({ ...current, ...change(current), updatedAt: this.stamp(current.updatedAt) });
      await this.db.items.put(toItemRow(next));
      return next;
    });
  }

  update(id: string, changes: ItemChanges): Promise<Item> {
    return this.change(id, () => changes);
  }

  /** Moves the photo at `from` to `to` (keyboard and drag reordering). */
  movePhoto(id: string, from: number, to: number): Promise<Item> {
    return this.change(id, (item) => ({ photos: movePhoto(item.photos, from, to) }));
  }

  /**
   * Splits an item before the photo at `index`: the photos from there on become a new item with the
   * same metadata, titled "<title> (2)". Both are written in one transaction.
   */
  split(id: string, index: number): Promise<{ first: Item; second: Item }> {
    return this.write(async () => {
      const row = await this.db.items.get(id);
      if (!row) throw new NotesStorageError('invalid', `There is no item ${id}`);
      const item = toItem(row);
      const parts = splitPhotos(item.photos, index);
      if (!parts)
        throw new NotesStorageError('invalid', 'An item can only be split between two of its photos');
      const at = this.stamp(item.updatedAt);
      const first = this.checked({ ...item, photos: parts.first, updatedAt: at });
      const second = this.checked({
        ...item,
        id: newId(),
        title: `${item.title} (2)`,
        photos: parts.second,
        createdAt: at,
        updatedAt: at,
      });
      await this.db.items.bulkPut([toItemRow(first), toItemRow(second)]);
      // Links to a photo that moved go with it; links to the whole item stay on the first part.
      await moveLinks(this.db, item.id, second.id, parts.second, at);
      return { first, second };
    });
  }

  /** Moves `otherId`'s photos (and any metadata `id` lacks) into `id`, then removes `otherId`. */
  merge(id: string, otherId: string): Promise<Item> {
    if (id === otherId)
      return Promise.reject(new NotesStorageError('invalid', 'An item cannot be merged with itself'));
    return this.write(async () => {
      const [row, otherRow] = await this.db.items.bulkGet([id, otherId]);
      if (!row || !otherRow) throw new NotesStorageError('invalid', 'Both items must exist to be merged');
      const item = toItem(row);
      const merged = this.checked({
        ...item,
        ...mergeItems(item, toItem(otherRow)),
        updatedAt: this.stamp(item.updatedAt > otherRow.updatedAt ? item.updatedAt : otherRow.updatedAt),
      });
      await this.db.items.put(toItemRow(merged));
      // The merged item's links are kept on the item that now holds its photos, never dropped with it.
      await moveLinks(this.db, otherId, id, null, merged.updatedAt);
      await this.db.items.delete(otherId);
      return merged;
    });
  }
}
