/** Small durable-write helpers: data reaches the disk (fsync) before a rename makes it visible. */
import { open, rename, rm } from 'node:fs/promises';

export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder so a rename inside it survives a power cut. Some platforms cannot; that is fine. */
export async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open folders for fsync; renames there are durable enough.
  } finally {
    await handle?.close();
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
