/**
 * Durable writes for files and folders that a rename makes visible later: the data reaches the disk
 * (fsync) first, and a replaced folder is never missing.
 */
import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes and flushes `path`. `exclusive` refuses an existing file and keeps it private to the user
 * (0600), for content written once into a fresh work folder.
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const handle = options.exclusive === true ? await open(path, 'wx', 0o600) : await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Put `source` at `target`, replacing whatever is there, so that at every moment either the old or the
 * new folder is complete at `target` or parked at `parked` (recoverable at the next start).
 */
export async function replaceFolder(source: string, target: string, parked: string): Promise<void> {
  let hadOld = true;
  try {
    await rename(target, parked);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(source, target);
  } catch (error) {
    if (hadOld) await rename(parked, target);
    throw error;
  }
  if (hadOld) await rm(parked, { recursive: true, force: true });
}
