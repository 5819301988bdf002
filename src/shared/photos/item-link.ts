/**
 * Links from a photo item (or one of its photos: a sheet) to a record of a collection: "this sheet
 * lists this person". The user's own layer, stored in the notes database (store `itemLinks`, schema
 * step 5) and backed up with the notes (backup format 4). A link keeps the record's and the item's
 * titles as they were when linked, so either side can still say what it pointed to when the other is
 * gone (a removed collection, an item missing after a partial restore).
 */
import { z } from 'zod';
import { SHA256_PATTERN, type PhotoRef } from './model';

export interface ItemLink {
  id: string;
  itemId: string;
  /** The photo (sheet) the record is on; null when the link is to the whole item. */
  photo: PhotoRef | null;
  collectionId: string;
  recordId: string;
  /** The record's title when it was linked. */
  recordTitle: string;
  createdAt: string;
  updatedAt: string;
}

export const ITEM_LINK_LIMITS = { maxLinks: 1_000_000, maxTitleChars: 1000, maxIdChars: 256 } as const;

/** The key a record's links are found by: collection id and record id, apart (ids hold no newline). */
export const recordLinkKey = (collectionId: string, recordId: string): string =>
  `${collectionId}\n${recordId}`;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(ITEM_LINK_LIMITS.maxIdChars, `must be at most ${ITEM_LINK_LIMITS.maxIdChars} characters`);
const isoInstant = z.iso.datetime({ message: 'must be an ISO 8601 UTC date-time' });

export const itemLinkSchema = z
  .strictObject({
    id,
    itemId: id,
    photo: z
      .strictObject({
        sha256: z.string().regex(SHA256_PATTERN, 'must be a sha256 in lowercase hex'),
        page: z.number().int().min(0).max(100_000),
      })
      .nullable(),
    collectionId: id,
    recordId: id,
    recordTitle: z.string().max(ITEM_LINK_LIMITS.maxTitleChars),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .refine((link) => link.updatedAt >= link.createdAt, {
    message: 'updatedAt must not be earlier than createdAt',
    path: ['updatedAt'],
  });

/** Null when a link can be stored and backed up, else why not (field and reason). */
export function itemLinkProblem(link: ItemLink): string | null {
  const parsed = itemLinkSchema.safeParse(link);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(link)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Which links of a backup to write: those not here, and those the backup holds a later version of.
 * A link here that the backup lacks stays (restoring never removes the user's work).
 */
export function linksToRestore(
  current: ReadonlyMap<string, ItemLink>,
  incoming: readonly ItemLink[],
): ItemLink[] {
  return incoming.filter((link) => {
    const here = current.get(link.id);
    return !here || link.updatedAt > here.updatedAt;
  });
}
