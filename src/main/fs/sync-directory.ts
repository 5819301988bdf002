/**
 * Flushing a folder to disk so a rename inside it survives a power cut. Every caller has already renamed
 * complete, flushed data into place, so this is best effort: a failure here must not report the write
 * as failed (the new data is there and readable), and the caller would have nothing to undo.
 */
import { open } from 'node:fs/promises';

export async function syncDirectory(path: string): Promise<void> {
  // Windows cannot open folders for syncing; NTFS journals renames.
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Some file systems (network and FUSE mounts) refuse to sync a folder; the rename stands anyway.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
