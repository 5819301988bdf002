/**
 * The rows of the backup format (notes and linkage decisions) as zod schemas, with the limits that keep
 * a hostile file from exhausting memory. backup.ts puts them together into the versioned file; the
 * stores use noteProblem/decisionProblem to refuse a row no backup could hold.
 */
import { z } from 'zod';
import { DECISIONS, type Decision } from '../linkage/types';
import { HIGHLIGHT_COLOURS, type Note } from './model';
import {
  MEDIA_FRAGMENTS,
  parseRegionSelector,
  PHOTOS_NOTE_COLLECTION,
  REGION_LIMITS,
  SHA256_HEX,
} from './region';
import { REGION_OCR_LIMITS } from './region-ocr';
import { OCR_LANGUAGES } from '../ocr/languages';

/** Limits that keep a hostile or broken file from exhausting memory; generous for real use. */
export const BACKUP_LIMITS = {
  /** Characters of JSON text (≈ bytes for mostly-ASCII notes). */
  maxChars: 64 * 1024 * 1024,
  maxNotes: 200_000,
  maxDecisions: 1_000_000,
  maxDecisionNoteChars: 100_000,
  maxBodyChars: 1_000_000,
  maxTags: 200,
  maxTagChars: 200,
  maxQuoteChars: 100_000,
  maxContextChars: 1_000,
  maxIdChars: 256,
} as const;

const L = BACKUP_LIMITS;

/** ISO 8601 UTC with a Z, as `Date.prototype.toISOString()` writes it; compared as strings. */
export const isoInstant = z.iso.datetime({
  message: 'must be an ISO 8601 UTC date-time such as 2026-11-28T18:00:00.000Z',
});

const noteId = z
  .string()
  .min(1, 'must not be empty')
  .max(L.maxIdChars)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-"');

/** Ids of things inside collections; only limited, since collections define their own id rules. */
const itemId = z
  .string()
  .min(1, 'must not be empty')
  .max(L.maxIdChars)
  // Control characters in an id are a sign of a corrupted file, never of real data.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'must not be empty').max(L.maxQuoteChars),
  prefix: z.string().max(L.maxContextChars),
  suffix: z.string().max(L.maxContextChars),
});

const textPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((selector) => selector.end > selector.start, { message: 'end must be greater than start' });

const regionSelectorSchema = z
  .union([
    z.strictObject({
      type: z.literal('FragmentSelector'),
      conformsTo: z.literal(MEDIA_FRAGMENTS),
      value: z.string(),
    }),
    z.strictObject({ type: z.literal('SvgSelector'), value: z.string() }),
  ])
  .superRefine((selector, context) => {
    const parsed = parseRegionSelector(selector);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
  });

const pixels = z
  .number()
  .finite()
  .min(0, 'must be pixels from 0')
  .max(REGION_LIMITS.maxCoordinate, `must be at most ${REGION_LIMITS.maxCoordinate} pixels`);

/** OCR words on a region: `[text, x, y, width, height, confidence]` in the original's pixels. */
const regionOcrSchema = z.strictObject({
  languages: z
    .array(z.enum(OCR_LANGUAGES, { message: `must be one of ${OCR_LANGUAGES.join(', ')}` }))
    .min(1, 'must name at least one language')
    .max(REGION_OCR_LIMITS.maxLanguages),
  words: z
    .array(
      z.tuple([
        z.string().min(1, 'must not be empty').max(REGION_OCR_LIMITS.maxWordChars),
        pixels,
        pixels,
        pixels,
        pixels,
        z.number().min(0, 'must be a confidence from 0 to 1').max(1, 'must be a confidence from 0 to 1'),
      ]),
      { message: 'must be a list of [text, x, y, width, height, confidence]' },
    )
    .max(REGION_OCR_LIMITS.maxWords, `must hold at most ${REGION_OCR_LIMITS.maxWords} words`),
});

const noteTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('record'), collectionId: itemId, recordId: itemId }),
  z.strictObject({ kind: z.literal('bibliography'), collectionId: itemId, entryId: itemId }),
  z.strictObject({ kind: z.literal('collection'), collectionId: itemId }),
  z.strictObject({
    kind: z.literal('passage'),
    collectionId: itemId,
    textId: itemId,
    selectors: z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema]),
  }),
  z.strictObject({
    kind: z.literal('region'),
    collectionId: z.literal(PHOTOS_NOTE_COLLECTION),
    itemId,
    photo: z.string().regex(SHA256_HEX, 'must be a sha256 in lower-case hex (64 characters)'),
    page: z.number().int().nonnegative(),
    selector: regionSelectorSchema,
    transcription: z.string().max(L.maxBodyChars, `must be at most ${L.maxBodyChars} characters`),
    ocr: regionOcrSchema.optional(),
  }),
]);

export const noteSchema = z
  .strictObject({
    id: noteId,
    target: noteTargetSchema,
    body: z.string().max(L.maxBodyChars, `must be at most ${L.maxBodyChars} characters`),
    tags: z.array(z.string().min(1).max(L.maxTagChars)).max(L.maxTags),
    colour: z.enum(HIGHLIGHT_COLOURS).nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    deletedAt: isoInstant.nullable(),
  })
  .refine((note) => note.updatedAt >= note.createdAt, {
    message: 'updatedAt must not be earlier than createdAt',
    path: ['updatedAt'],
  });

/** Null when a note can be stored and backed up, else why not (`body: must be at most …`). */
export function noteProblem(note: Note): string | null {
  const parsed = noteSchema.safeParse(note);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${clip(describePath(issue.path))}: ${clip(issue.message)}`)
    .join('; ');
}

/** A linkage record id, `<collection id>/<record id>`: two item ids and a slash. */
const linkId = z
  .string()
  .min(1, 'must not be empty')
  .max(2 * L.maxIdChars + 1)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const decisionSchema = z
  .strictObject({
    a: linkId,
    b: linkId,
    decision: z.enum(DECISIONS),
    score: z.number().finite().nullable(),
    note: z.string().max(L.maxDecisionNoteChars, `must be at most ${L.maxDecisionNoteChars} characters`),
    created: isoInstant,
    updated: isoInstant,
  })
  // Stored pairs are ordered; anything else was not written by Atmintis.
  .refine((decision) => decision.a < decision.b, {
    message: 'must sort after "a" (a pair is stored with a < b, and never links a record to itself)',
    path: ['b'],
  })
  .refine((decision) => decision.updated >= decision.created, {
    message: 'updated must not be earlier than created',
    path: ['updated'],
  });

/**
 * Null when a decision can be stored and backed up, else why not (`note: must be at most …`). The
 * decisions store checks every write with it, so no stored decision can make a backup be refused.
 */
export function decisionProblem(decision: Decision): string | null {
  const parsed = decisionSchema.safeParse(decision);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${clip(describePath(issue.path))}: ${clip(issue.message)}`)
    .join('; ');
}

/** Issue texts can quote keys from the file (`Unrecognized key: "…"`): keep them short. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(file)';
}
