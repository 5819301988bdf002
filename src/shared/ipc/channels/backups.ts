/**
 * Channels for keeping notes safe outside the renderer's storage: automatic JSON backups in the
 * user-data folder, and saving exported files where the user chooses.
 */
import { z } from 'zod';
import { BACKUP_LIMITS } from '../../notes/backup-rows';

/** `notes-2026-11-28T18-00-00Z.json`, with `-2`, `-3`… when two backups fall in the same second. */
export const BACKUP_FILE_NAME = /^notes-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d{1,3})?\.json$/;

const BACKUP_REASONS = ['scheduled', 'final', 'manual', 'before-import'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Exports bigger than this are refused (a .zip of Markdown travels as base64). */
export const MAX_SAVE_CHARS = 96 * 1024 * 1024;

export interface BackupFileInfo {
  name: string;
  /** When it was written (from its name), ISO 8601. */
  createdAt: string;
  bytes: number;
  /** Number of notes it holds (trash included); -1 when the file is not a valid backup. */
  notes: number;
  /** Number of linkage decisions it holds (0 in a version-1 backup); -1 when not a valid backup. */
  decisions: number;
}

export const backupRequests = {
  'backups.write': z
    .object({
      json: z.string().min(1).max(BACKUP_LIMITS.maxChars),
      /** scheduled: the 5-minute timer; final: the window is closing; manual: the user asked. */
      reason: z.enum(BACKUP_REASONS),
    })
    .strict(),
  'backups.list': z.object({}).strict(),
  'backups.read': z
    .object({ name: z.string().max(64).regex(BACKUP_FILE_NAME, 'must be the name of an automatic backup') })
    .strict(),
  'files.save': z
    .object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        // A name, never a path: the user picks the folder in the save dialog.
        // eslint-disable-next-line no-control-regex
        .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'must be a file name without a folder'),
      content: z.string().max(MAX_SAVE_CHARS),
      encoding: z.enum(['utf8', 'base64']),
      mimeType: z
        .string()
        .max(100)
        .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type'),
    })
    .strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type BackupChannel = keyof typeof backupRequests;

export interface BackupResponses {
  'backups.write':
    | { written: true; file: BackupFileInfo }
    /** Too soon after the previous backup: retry after `retryAfter` (ISO 8601). */
    | { written: false; retryAfter: string };
  'backups.list': { folder: string; backups: BackupFileInfo[] };
  'backups.read': { name: string; json: string };
  /** `saved: false, cancelled: false`: this host has no save dialog; the renderer downloads instead. */
  'files.save': { saved: true; path: string } | { saved: false; cancelled: boolean };
}
