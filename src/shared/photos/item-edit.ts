/**
 * Edits of an item's photo list, pure so the repository and the tests share them: move a photo
 * (keyboard Alt+←/→ and drag), split an item at a photo, merge two items. Nothing is dropped: a split
 * keeps every photo in one of the two items, a merge keeps both lists and the metadata of both.
 */
import type { FreeField, Item } from './item';
import { ITEM_FIELDS } from './item';
import type { PhotoRef } from './model';

/** The list with the photo at `from` moved to `to` (clamped to the list). */
export function movePhoto(photos: readonly PhotoRef[], from: number, to: number): PhotoRef[] {
  const list = [...photos];
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [moved] = list.splice(from, 1);
  if (moved) list.splice(target, 0, moved);
  return list;
}

/** The photos before `index` and from `index` on; null when either part would be empty. */
export function splitPhotos(
  photos: readonly PhotoRef[],
  index: number,
): { first: PhotoRef[]; second: PhotoRef[] } | null {
  if (index <= 0 || index >= photos.length) return null;
  return { first: photos.slice(0, index), second: photos.slice(index) };
}

/**
 * `target` with `other`'s photos after its own. Metadata `target` lacks is taken from `other`; where
 * both have a value and they differ, `other`'s is kept as a free field ("fond (merged)"), and its
 * title too, so the merge loses nothing the user typed.
 */
export function mergeItems(target: Item, other: Item): Pick<Item, 'photos' | 'metadata' | 'fields'> {
  const metadata = { ...target.metadata };
  const fields: FreeField[] = [...target.fields];
  if (other.title && other.title !== target.title)
    fields.push({ name: 'title (merged)', value: other.title });
  for (const field of ITEM_FIELDS) {
    const theirs = other.metadata[field];
    if (!theirs) continue;
    const mine = metadata[field];
    if (!mine) metadata[field] = theirs;
    else if (mine !== theirs) fields.push({ name: `${field} (merged)`, value: theirs });
  }
  fields.push(...other.fields);
  return { photos: [...target.photos, ...other.photos], metadata, fields };
}
