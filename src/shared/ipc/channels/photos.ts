/**
 * Importing photographs and scans. The files are chosen in the main process (a dialog in Electron,
 * the web harness's test-only `--photos-pick-dir`), never named by the renderer:
 * photos.begin (the user picks) → photos.progress (polled) → photos.commit, or photos.cancel.
 * Nothing reaches the store before commit; the renderer creates items from what commit returns.
 */
import { z } from 'zod';
import type { PhotoRecord } from '../../photos/model';

const sessionId = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lowercase hex');

export const PHOTO_SOURCES = ['files', 'folder', 'zip'] as const;
export type PhotoSource = (typeof PHOTO_SOURCES)[number];

export const photoRequests = {
  'photos.begin': z.object({ source: z.enum(PHOTO_SOURCES) }).strict(),
  'photos.progress': z.object({ sessionId }).strict(),
  'photos.cancel': z.object({ sessionId }).strict(),
  'photos.commit': z.object({ sessionId }).strict(),
  'photos.get': z.object({ sha256 }).strict(),
  /**
   * An original received through team sync, with the sha256 it was sent under (checked in main).
   * Bytes travel as they are over Electron IPC; the web harness's JSON transport cannot carry them.
   */
  'photos.importBytes': z
    .object({
      sha256,
      fileName: z.string().min(1).max(300),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0, { message: 'must not be empty' }),
    })
    .strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type PhotoChannel = keyof typeof photoRequests;

/** A file left out of an import, and why, in words naming the problem. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** One page of one imported file, ready to be put into an item. */
export interface ImportedPhoto {
  sha256: string;
  page: number;
  pageCount: number;
  /** The file's name or its path below the picked folder or zip. */
  fileName: string;
  /** The folder it came from (items are grouped by it). */
  folder: string;
  width: number;
  height: number;
  capturedAt?: string;
}

export type PhotoImportState = 'running' | 'ready' | 'failed' | 'cancelled' | 'committed';

export interface PhotoImportProgress {
  state: PhotoImportState;
  /** Files looked at so far, of `total`. */
  done: number;
  total: number;
  /** The file being read now. */
  current?: string;
  skipped: SkippedFile[];
  /** Present once the state is `ready` (or `committed`): the photos in the order they were found. */
  photos?: ImportedPhoto[];
  /** Why the whole import failed (state `failed`): the source could not be read at all. */
  error?: string;
}

export type PhotoBeginResult = { started: false } | { started: true; sessionId: string; total: number };

export interface PhotoResponses {
  /** `started: false` when the user closed the dialog without choosing. */
  'photos.begin': PhotoBeginResult;
  'photos.progress': PhotoImportProgress;
  'photos.cancel': { cancelled: boolean };
  'photos.commit': { photos: ImportedPhoto[]; skipped: SkippedFile[] };
  'photos.get': PhotoRecord | null;
  /** `already`: the store held this original before (nothing was done). */
  'photos.importBytes': { photos: ImportedPhoto[]; already: boolean };
}
