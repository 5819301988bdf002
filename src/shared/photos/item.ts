/**
 * Items: one archival file or document, made of an ordered list of photos (pages of originals in the
 * photo store) and the metadata the user gives it. Items are the user's own layer, stored in the notes
 * database beside notes and decisions, and backed up with them (backup format 3).
 */
import { z } from 'zod';
import { parseEdtf } from '../collection/edtf';
import { SHA256_PATTERN, type PhotoRef } from './model';

/** Which metadata form an item shows: an archival file (fond/opis/delo) or any other document. */
export const ITEM_TEMPLATES = ['archival-file', 'document'] as const;
export type ItemTemplate = (typeof ITEM_TEMPLATES)[number];

/** The named metadata fields, in form order. `date` is EDTF (e.g. `1948-05`, `1949?`, `1945/1947`). */
export const ITEM_FIELDS = [
  'archive',
  'fond',
  'opis',
  'delo',
  'sheets',
  'date',
  'language',
  'creator',
  'rights',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** The fields each template shows (the others are kept, just not shown). */
export const TEMPLATE_FIELDS: Readonly<Record<ItemTemplate, readonly ItemField[]>> = {
  'archival-file': ITEM_FIELDS,
  document: ['date', 'creator', 'language', 'rights'],
};

export interface FreeField {
  name: string;
  value: string;
}

export interface Item {
  id: string;
  template: ItemTemplate;
  title: string;
  metadata: Partial<Record<ItemField, string>>;
  /** Fields of the user's own naming, in their order. */
  fields: FreeField[];
  photos: PhotoRef[];
  createdAt: string;
  updatedAt: string;
}

export const ITEM_LIMITS = {
  maxTitleChars: 1000,
  maxFieldChars: 10_000,
  maxFreeFields: 100,
  maxPhotos: 10_000,
  maxItems: 100_000,
} as const;

const isoInstant = z.iso.datetime({ message: 'must be an ISO 8601 UTC date-time' });

const edtfDate = z.string().superRefine((value, context) => {
  if (value === '') return;
  const parsed = parseEdtf(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: `is not an EDTF date: ${parsed.error}` });
});

const fieldText = z.string().max(ITEM_LIMITS.maxFieldChars);

export const itemSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/, 'must be letters, digits, ".", "_", ":" or "-"'),
    template: z.enum(ITEM_TEMPLATES),
    title: z.string().max(ITEM_LIMITS.maxTitleChars),
    metadata: z.strictObject({
      archive: fieldText.optional(),
      fond: fieldText.optional(),
      opis: fieldText.optional(),
      delo: fieldText.optional(),
      sheets: fieldText.optional(),
      date: edtfDate.optional(),
      language: fieldText.optional(),
      creator: fieldText.optional(),
      rights: fieldText.optional(),
    }),
    fields: z
      .array(z.strictObject({ name: z.string().min(1).max(200), value: fieldText }))
      .max(ITEM_LIMITS.maxFreeFields),
    photos: z
      .array(
        z.strictObject({
          sha256: z.string().regex(SHA256_PATTERN, 'must be a sha256 in lowercase hex'),
          page: z.number().int().min(0).max(100_000),
        }),
      )
      .max(ITEM_LIMITS.maxPhotos),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .refine((item) => item.updatedAt >= item.createdAt, {
    message: 'updatedAt must not be earlier than createdAt',
    path: ['updatedAt'],
  });

/** Null when an item can be stored and backed up, else why not (field and reason). */
export function itemProblem(item: Item): string | null {
  const parsed = itemSchema.safeParse(item);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`)
    .join('; ');
}

/** The key of a photo in an item (a page of an original). */
export const photoKey = (photo: PhotoRef): string => `${photo.sha256}:${photo.page}`;
