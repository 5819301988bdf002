/**
 * The automatic backups of notes (and linkage decisions, kept in the same file): JSON files in `<user data>/backups`, written atomically, at most one
 * scheduled backup per 5 minutes, the newest 20 kept.
 *
 * Only files this store names (`notes-<UTC time>Z.json`) are ever listed, read or deleted, and only in
 * its own folder: a file the user put there under another name is left alone. Nothing that is not a
 * valid notes backup is written.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBackup } from '@shared/notes/backup';
import { BACKUP_LIMITS } from '@shared/notes/backup-rows';
import { BACKUP_FILE_NAME, type BackupFileInfo, type BackupReason } from '@shared/ipc/channels/backups';
import { HandlerError } from '../ipc/dispatch';
import { TEMP_PREFIX, writeFileAtomic } from '../fs/atomic-write';

interface BackupStoreOptions {
  folder: string;
  now?: () => Date;
  /** Backups kept; older ones are deleted after each write. */
  keep?: number;
  /** Minimum time between two scheduled backups. */
  scheduledIntervalMs?: number;
  /** Minimum time between any two backups (final, manual…), against a flood of writes. */
  minIntervalMs?: number;
  maxChars?: number;
}

const DEFAULT_KEEP = 20;
const SCHEDULED_INTERVAL_MS = 5 * 60 * 1000;
const MIN_INTERVAL_MS = 2000;

/** `2026-11-28T18:00:00.123Z` → `notes-2026-11-28T18-00-00Z.json` */
export function backupFileName(at: Date, suffix = 0): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `notes-${stamp}Z${suffix > 0 ? `-${suffix + 1}` : ''}.json`;
}

/** The time a backup's name records, ISO 8601. */
function backupTime(name: string): string {
  const match = /^notes-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(name);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}Z` : '';
}

/** Oldest first: by time, then by same-second suffix. */
function compareNames(a: string, b: string): number {
  const suffix = (name: string) => Number(/Z-(\d+)\.json$/.exec(name)?.[1] ?? 1);
  return backupTime(a).localeCompare(backupTime(b)) || suffix(a) - suffix(b);
}

export interface BackupStore {
  readonly folder: string;
  write(
    json: string,
    reason: BackupReason,
  ): Promise<{ written: true; file: BackupFileInfo } | { written: false; retryAfter: string }>;
  list(): Promise<BackupFileInfo[]>;
  read(name: string): Promise<string>;
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const folder = options.folder;
  const now = options.now ?? (() => new Date());
  const keep = options.keep ?? DEFAULT_KEEP;
  const scheduledInterval = options.scheduledIntervalMs ?? SCHEDULED_INTERVAL_MS;
  const minInterval = options.minIntervalMs ?? MIN_INTERVAL_MS;
  const maxChars = options.maxChars ?? BACKUP_LIMITS.maxChars;
  let lastWrite: number | null = null;
  // One write at a time, so rotation and same-second naming never race.
  let queue: Promise<unknown> = Promise.resolve();

  async function names(): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return entries.filter((name) => BACKUP_FILE_NAME.test(name)).sort(compareNames);
  }

  async function info(name: string, counts?: { notes: number; decisions: number }): Promise<BackupFileInfo> {
    const path = join(folder, name);
    const size = (await stat(path)).size;
    let held = counts;
    if (held === undefined) {
      const parsed = size <= maxChars * 4 ? parseBackup(await readFile(path, 'utf8'), { maxChars }) : null;
      held = parsed?.ok
        ? { notes: parsed.backup.notes.length, decisions: parsed.backup.decisions.length }
        : { notes: -1, decisions: -1 };
    }
    return { name, createdAt: backupTime(name), bytes: size, ...held };
  }

  async function rotate(): Promise<void> {
    const all = await names();
    for (const name of all.slice(0, Math.max(0, all.length - keep)))
      await rm(join(folder, name), { force: true });
    // Leftovers of a write interrupted by a crash: never a complete backup (the rename did not happen).
    for (const entry of await readdir(folder)) {
      if (entry.startsWith(`${TEMP_PREFIX}notes-`)) await rm(join(folder, entry), { force: true });
    }
  }

  async function write(json: string, reason: BackupReason) {
    const parsed = parseBackup(json, { maxChars });
    if (!parsed.ok) throw new HandlerError('invalid-backup', `Refusing to store the backup. ${parsed.error}`);
    const at = now();
    const interval = reason === 'scheduled' ? scheduledInterval : minInterval;
    if (lastWrite !== null && at.getTime() - lastWrite < interval) {
      return { written: false as const, retryAfter: new Date(lastWrite + interval).toISOString() };
    }
    await mkdir(folder, { recursive: true });
    const existing = new Set(await names());
    let suffix = 0;
    while (existing.has(backupFileName(at, suffix))) suffix++;
    const name = backupFileName(at, suffix);
    await writeFileAtomic(join(folder, name), json);
    lastWrite = at.getTime();
    await rotate();
    const counts = { notes: parsed.backup.notes.length, decisions: parsed.backup.decisions.length };
    return { written: true as const, file: await info(name, counts) };
  }

  return {
    folder,
    write: (json, reason) => {
      const run = queue.then(() => write(json, reason));
      queue = run.catch(() => undefined);
      return run;
    },
    list: async () => {
      const result: BackupFileInfo[] = [];
      for (const name of (await names()).reverse()) result.push(await info(name));
      return result;
    },
    read: async (name) => {
      if (!BACKUP_FILE_NAME.test(name))
        throw new HandlerError('invalid-backup-name', `"${name}" is not an automatic backup`);
      const path = join(folder, name);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch {
        throw new HandlerError('backup-not-found', `There is no backup named "${name}" in ${folder}`);
      }
      if (size > maxChars * 4)
        throw new HandlerError('backup-too-large', `The backup "${name}" is too large (${size} bytes)`);
      return readFile(path, 'utf8');
    },
  };
}
