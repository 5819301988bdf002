/**
 * The JSON backup format: versioned, lossless (every field of every note, trash included) and
 * validated field by field, so a corrupted, foreign or oversized file is refused with a message that
 * says where and why before anything is written.
 *
 *   { "format": "atmintis-notes-backup", "version": 4, "exportedAt": "…Z", "notes": [ Note, … ],
 *     "decisions": [ Decision, … ], "items": [ Item, … ], "itemLinks": [ ItemLink, … ] }
 *
 * Version 2 added the record-linkage decisions (docs/linkage.md), kept beside the notes because they
 * are the user's own work too. Version 3 added the photo items (docs/photos.md; the photos themselves
 * stay in the photo store). Version 4 added the links from items to records (photos/item-link.ts).
 * Version-1 files (notes only), version-2 and version-3 files still restore, with no decisions, items
 * or links as they lack them.
 *
 * Used by both sides: the renderer for export/import, the main process to refuse to store anything
 * that is not a valid backup.
 */
import { z } from 'zod';
import { describeExcessiveNesting, findExcessiveNesting } from '../json/nesting';
import type { Decision } from '../linkage/types';
import type { Note } from './model';
import { BACKUP_LIMITS, clip, decisionSchema, describePath, isoInstant, noteSchema } from './backup-rows';
import { ITEM_LIMITS, itemSchema, type Item } from '../photos/item';
import { ITEM_LINK_LIMITS, itemLinkSchema, type ItemLink } from '../photos/item-link';

export const BACKUP_FORMAT = 'atmintis-notes-backup';
const BACKUP_VERSION = 4;
const L = BACKUP_LIMITS;

const notesList = z.array(noteSchema).max(L.maxNotes, `must hold at most ${L.maxNotes} notes`);

const backupV1Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: isoInstant,
  notes: notesList,
});

const decisionsList = z
  .array(decisionSchema)
  .max(L.maxDecisions, `must hold at most ${L.maxDecisions} decisions`);

const backupV2Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  exportedAt: isoInstant,
  notes: notesList,
  decisions: decisionsList,
});

const itemsList = z
  .array(itemSchema)
  .max(ITEM_LIMITS.maxItems, `must hold at most ${ITEM_LIMITS.maxItems} items`);

const backupV3Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(3),
  exportedAt: isoInstant,
  notes: notesList,
  decisions: decisionsList,
  items: itemsList,
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoInstant,
  notes: notesList,
  decisions: decisionsList,
  items: itemsList,
  itemLinks: z
    .array(itemLinkSchema)
    .max(ITEM_LINK_LIMITS.maxLinks, `must hold at most ${ITEM_LINK_LIMITS.maxLinks} links`),
});

const SCHEMAS = { 1: backupV1Schema, 2: backupV2Schema, 3: backupV3Schema } as const;

interface NotesBackup {
  format: typeof BACKUP_FORMAT;
  /** The version the file was written in (a version-1 file is read with no decisions, 1 and 2 with
   *  no items, 1 to 3 with no item links). */
  version: 1 | 2 | 3 | typeof BACKUP_VERSION;
  exportedAt: string;
  notes: Note[];
  decisions: Decision[];
  items: Item[];
  itemLinks: ItemLink[];
}

type BackupParseResult = { ok: true; backup: NotesBackup } | { ok: false; error: string };

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The backup of these notes and linkage decisions, as pretty-printed JSON (readable and diff-friendly). */
export function serializeBackup(
  notes: readonly Note[],
  exportedAt: Date,
  decisions: readonly Decision[] = [],
  items: readonly Item[] = [],
  itemLinks: readonly ItemLink[] = [],
): string {
  const backup: NotesBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    notes: [...notes].sort((a, b) => byText(a.id, b.id)),
    decisions: [...decisions].sort((x, y) => byText(x.a, y.a) || byText(x.b, y.b)),
    items: [...items].sort((a, b) => byText(a.id, b.id)),
    itemLinks: [...itemLinks].sort((a, b) => byText(a.id, b.id)),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A short description of a value from an untrusted file: never its whole (possibly huge) content. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Smaller than this many bytes for sure when a backup's text is within BACKUP_LIMITS.maxChars: UTF-8
 *  takes at most 3 bytes per UTF-16 unit. Lets a reader refuse a huge file before reading it. */
export const MAX_BACKUP_FILE_BYTES = BACKUP_LIMITS.maxChars * 3;

/** Null when a file of `bytes` may be a backup, else why not (checked before reading the file). */
export function backupFileSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_BACKUP_FILE_BYTES) return null;
  const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MiB`;
  return `The file is too large to be a notes backup (${mib(bytes)}; the limit is ${mib(MAX_BACKUP_FILE_BYTES)}).`;
}

/**
 * Parses and validates backup text. Never throws. Errors name the first problems found, with the
 * note's position and id when a note is at fault: `notes[12] (id "…") › target.kind: …`.
 */
export function parseBackup(text: string, limits: { maxChars?: number } = {}): BackupParseResult {
  const maxChars = limits.maxChars ?? L.maxChars;
  if (text.length > maxChars) {
    return {
      ok: false,
      error: `The file is too large to be a notes backup (${text.length} characters; the limit is ${maxChars}).`,
    };
  }
  // Before parsing: deep nesting would crash the validation below (stack overflow), not fail it.
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) {
    return {
      ok: false,
      error: `The file is not an Atmintis notes backup: its JSON is ${describeExcessiveNesting(tooDeep)}.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'The file is not an Atmintis notes backup: it is not a JSON object.' };
  }
  const header = data as { format?: unknown; version?: unknown };
  if (header.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: `The file is not an Atmintis notes backup: "format" is ${describeValue(header.format)}, expected "${BACKUP_FORMAT}".`,
    };
  }
  if (typeof header.version === 'number' && header.version > BACKUP_VERSION) {
    return {
      ok: false,
      error: `The backup was made by a newer version of Atmintis (backup format ${header.version}; this version reads format ${BACKUP_VERSION}). Update Atmintis to restore it.`,
    };
  }
  const parsed = (
    header.version === 1 || header.version === 2 || header.version === 3
      ? SCHEMAS[header.version]
      : backupSchema
  ).safeParse(data);
  if (!parsed.success) {
    const { notes, decisions, items, itemLinks } = data as {
      notes?: unknown;
      decisions?: unknown;
      items?: unknown;
      itemLinks?: unknown;
    };
    const issues = parsed.error.issues.slice(0, 5).map((issue) => {
      const [first, index, ...rest] = issue.path;
      if (first === 'notes' && typeof index === 'number' && Array.isArray(notes)) {
        const id = (notes[index] as { id?: unknown } | undefined)?.id;
        const which = typeof id === 'string' ? ` (id "${id.slice(0, 80)}")` : '';
        return `notes[${index}]${which} › ${clip(describePath(rest))}: ${clip(issue.message)}`;
      }
      if (first === 'decisions' && typeof index === 'number' && Array.isArray(decisions)) {
        const { a, b } = (decisions[index] ?? {}) as { a?: unknown; b?: unknown };
        const which =
          typeof a === 'string' && typeof b === 'string'
            ? ` (records "${a.slice(0, 80)}" and "${b.slice(0, 80)}")`
            : '';
        return `decisions[${index}]${which} › ${clip(describePath(rest))}: ${clip(issue.message)}`;
      }
      if (first === 'items' && typeof index === 'number' && Array.isArray(items)) {
        const id = (items[index] as { id?: unknown } | undefined)?.id;
        const which = typeof id === 'string' ? ` (id "${id.slice(0, 80)}")` : '';
        return `items[${index}]${which} › ${clip(describePath(rest))}: ${clip(issue.message)}`;
      }
      if (first === 'itemLinks' && typeof index === 'number' && Array.isArray(itemLinks)) {
        const id = (itemLinks[index] as { id?: unknown } | undefined)?.id;
        const which = typeof id === 'string' ? ` (id "${id.slice(0, 80)}")` : '';
        return `itemLinks[${index}]${which} › ${clip(describePath(rest))}: ${clip(issue.message)}`;
      }
      return `${clip(describePath(issue.path))}: ${clip(issue.message)}`;
    });
    const more =
      parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more problems)` : '';
    return { ok: false, error: `The backup is damaged or incomplete: ${issues.join('; ')}${more}.` };
  }
  const seen = new Set<string>();
  for (const [index, note] of parsed.data.notes.entries()) {
    if (seen.has(note.id)) {
      return { ok: false, error: `The backup is damaged: notes[${index}] repeats the id "${note.id}".` };
    }
    seen.add(note.id);
  }
  const decisions = 'decisions' in parsed.data ? parsed.data.decisions : [];
  const pairs = new Set<string>();
  for (const [index, decision] of decisions.entries()) {
    const pair = `${decision.a}\n${decision.b}`;
    if (pairs.has(pair)) {
      return {
        ok: false,
        error: `The backup is damaged: decisions[${index}] repeats the pair "${decision.a}" and "${decision.b}".`,
      };
    }
    pairs.add(pair);
  }
  const items = 'items' in parsed.data ? parsed.data.items : [];
  const itemIds = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (itemIds.has(item.id)) {
      return { ok: false, error: `The backup is damaged: items[${index}] repeats the id "${item.id}".` };
    }
    itemIds.add(item.id);
  }
  const itemLinks = 'itemLinks' in parsed.data ? parsed.data.itemLinks : [];
  const linkIds = new Set<string>();
  for (const [index, link] of itemLinks.entries()) {
    if (linkIds.has(link.id)) {
      return { ok: false, error: `The backup is damaged: itemLinks[${index}] repeats the id "${link.id}".` };
    }
    linkIds.add(link.id);
  }
  return { ok: true, backup: { ...parsed.data, decisions, items, itemLinks } as NotesBackup };
}
