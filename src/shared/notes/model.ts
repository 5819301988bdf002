/**
 * The note model shared by the renderer (which stores notes in IndexedDB) and the main process (which
 * validates and keeps backups of them). Pure types and small helpers: no Dexie, no DOM, no Node.
 *
 * A note attaches to one target. Passages of long texts are anchored the way the W3C Web Annotation
 * model does it (and Hypothesis with it): a TextQuoteSelector (the quoted words with a little context)
 * plus a TextPositionSelector (character offsets), so a note can find its words again after the text
 * changes (see anchoring.ts).
 */

import type { PHOTOS_NOTE_COLLECTION, RegionSelector } from './region';
import type { RegionOcr } from './region-ocr';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets into the text's rendered plain text, in UTF-16 code units; `end` is exclusive. */
  start: number;
  end: number;
}

export type PassageSelectors = [TextQuoteSelector, TextPositionSelector];

/**
 * A region drawn on a photo (see region.ts): its W3C selector, the item it was drawn in (where its link
 * opens) and what the region says, typed or read by OCR. The transcription lives on the target, not the
 * note, because it describes the region itself; the note's body stays the user's comment.
 */
export interface RegionTarget {
  kind: 'region';
  collectionId: typeof PHOTOS_NOTE_COLLECTION;
  itemId: string;
  /** sha256 (lower-case hex) of the photo's original bytes. */
  photo: string;
  /** The page of a multi-page original (0 = the first; every other photo has only page 0). */
  page: number;
  selector: RegionSelector;
  transcription: string;
  /** The words OCR read that are still in the transcription, with their boxes (see region-ocr.ts). */
  ocr?: RegionOcr;
}

export type NoteTarget =
  | { kind: 'record'; collectionId: string; recordId: string }
  | { kind: 'bibliography'; collectionId: string; entryId: string }
  | { kind: 'collection'; collectionId: string }
  | { kind: 'passage'; collectionId: string; textId: string; selectors: PassageSelectors }
  | RegionTarget;

export type TargetKind = NoteTarget['kind'];
export const TARGET_KINDS: readonly TargetKind[] = [
  'record',
  'bibliography',
  'collection',
  'passage',
  'region',
];

export interface Note {
  /** A random UUID, stable across export, import and backups: merges match notes by it. */
  id: string;
  target: NoteTarget;
  /** Markdown. */
  body: string;
  tags: string[];
  /** Highlight colour; null = the default colour. */
  colour: HighlightColour | null;
  /** ISO 8601 UTC timestamps (`2026-11-28T18:00:00.000Z`). */
  createdAt: string;
  updatedAt: string;
  /** When the note was moved to the trash; null while it is live. */
  deletedAt: string | null;
}

/**
 * One string per target, identical for every note on the same record/entry/collection/text: the
 * index notes are looked up by. Passages share their text's key, so a text's notes load in one query.
 */
export function targetKey(target: NoteTarget): string {
  switch (target.kind) {
    case 'record':
      return `record/${target.collectionId}/${target.recordId}`;
    case 'bibliography':
      return `bibliography/${target.collectionId}/${target.entryId}`;
    case 'collection':
      return `collection/${target.collectionId}`;
    case 'passage':
      return `text/${target.collectionId}/${target.textId}`;
    case 'region':
      return `photo/${target.photo}/${target.page}`;
  }
}

/** The id of the target inside its collection (record id, entry id, text id), or null for a collection. */
export function targetItemId(target: NoteTarget): string | null {
  switch (target.kind) {
    case 'record':
      return target.recordId;
    case 'bibliography':
      return target.entryId;
    case 'collection':
      return null;
    case 'passage':
      return target.textId;
    case 'region':
      return target.photo;
  }
}

/** The words a passage note quotes or a region's transcription, or null for other targets. */
export function quoteOf(target: NoteTarget): string | null {
  if (target.kind === 'passage') return target.selectors[0].exact;
  if (target.kind === 'region') return target.transcription.trim() === '' ? null : target.transcription;
  return null;
}

/** Tags are trimmed, without a leading "#", de-duplicated case-insensitively, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (!tag) continue;
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Deep equality of everything a note holds, for import planning ("is this the same note?"). */
export function sameNote(a: Note, b: Note): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted, so equal notes serialise equally whatever order their keys were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      );
    }
    return inner;
  });
}
