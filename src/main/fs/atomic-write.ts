/**
 * Writing a file so that, whatever happens (crash, power cut, full disk), the path holds either the old
 * content or the complete new content, never a mix: write a temporary file in the same folder, flush it
 * to disk (fsync), rename it over the target (atomic on one file system), then flush the folder so the
 * rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from './sync-directory';

/** Temporary files start with this, so a crash leftover is recognisable (and cleaned up by the store). */
export const TEMP_PREFIX = '.tmp-';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeAtomic(path, (handle) => handle.writeFile(data));
}

/**
 * The same, for content written piece by piece (a stream that may be larger than memory): `write`
 * fills the fresh temp file through its handle. If it throws (the stream broke, the content failed a
 * check), the temp file is removed and `path` keeps what it had.
 */
export async function writeAtomic(path: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  let handle = await open(temp, 'wx', 0o600);
  try {
    await write(handle);
    await handle.sync();
    await handle.close();
    handle = undefined as never;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}
