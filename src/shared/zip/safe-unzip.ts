/**
 * Reading a .zip from a stranger without letting it exhaust memory (a "zip bomb") or name files
 * outside the folder it is unpacked into ("zip slip"). Pure (fflate only): usable by the main process
 * and the renderer alike — for collection packages and anything else that arrives zipped.
 *
 * The sizes an archive declares in its headers can lie, so they are not trusted: entries are inflated
 * as a stream, fed a small slice of the archive at a time (a slice of deflate data inflates to at most
 * ~1,032 times its size), and the real output is counted. The moment an entry, the total or the entry
 * count passes its limit, reading stops and nothing is returned but the reason.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

interface UnzipLimits {
  /** Most entries (files and folders). */
  maxEntries: number;
  /** Largest single file once inflated, in bytes. */
  maxEntryBytes: number;
  /** Largest total of all files once inflated, in bytes. */
  maxTotalBytes: number;
}

/** The collection loader's limits (src/main/collection/load-collection.ts): 5 MiB a file, 50 MiB in all. */
const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 5 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
};

/** Bytes of the archive fed to the inflater at a time; bounds how much one step can inflate. */
const SLICE_BYTES = 16 * 1024;

type UnzipResult =
  | { ok: true; files: Map<string, Uint8Array> }
  | {
      ok: false;
      error: string;
      /** Bytes inflated before reading stopped (for tests and diagnostics). */
      inflatedBytes: number;
    };

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);

/** Why an entry name is unsafe to unpack, or null. Folder entries ("dir/") are fine. */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return 'an entry has no name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'an entry name contains control characters';
  if (name.includes('\\')) return 'an entry name contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an entry name is an absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.'))
    return 'an entry name contains "." or ".."';
  return null;
}

/**
 * Unpacks `archive` in memory within `limits`. Never throws: a corrupt archive, an unsupported
 * compression method, an unsafe name or a limit passed all come back as `{ ok: false, error }`.
 * `include` picks the files to keep (others are still inflated and counted, but not kept).
 */
export function unzipWithLimits(
  archive: Uint8Array,
  limits: Partial<UnzipLimits> = {},
  include: (name: string) => boolean = () => true,
): UnzipResult {
  const { maxEntries, maxEntryBytes, maxTotalBytes } = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  let failure: string | null = null;
  const stop = (reason: string) => {
    failure ??= reason;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    entries += 1;
    if (entries > maxEntries) return stop(`the archive has more than ${maxEntries} entries`);
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) return stop(`${unsafe}: "${file.name.slice(0, 200)}"`);
    const keep = !file.name.endsWith('/') && include(file.name);
    const chunks: Uint8Array[] = [];
    let entryBytes = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return stop(`"${file.name.slice(0, 200)}" cannot be read: ${error.message}`);
      entryBytes += chunk.length;
      total += chunk.length;
      if (entryBytes > maxEntryBytes) {
        file.terminate();
        return stop(`"${file.name.slice(0, 200)}" inflates to more than ${size(maxEntryBytes)}`);
      }
      if (total > maxTotalBytes) {
        file.terminate();
        return stop(`the archive inflates to more than ${size(maxTotalBytes)}`);
      }
      if (keep) chunks.push(chunk);
      if (final && keep) files.set(file.name, concat(chunks, entryBytes));
    };
    try {
      file.start();
    } catch (error) {
      stop(`"${file.name.slice(0, 200)}" uses an unsupported compression: ${(error as Error).message}`);
    }
  });
  unzip.register(UnzipInflate);

  try {
    for (let offset = 0; offset < archive.length && !failure; offset += SLICE_BYTES) {
      const end = Math.min(offset + SLICE_BYTES, archive.length);
      unzip.push(archive.subarray(offset, end), end === archive.length);
    }
    if (archive.length === 0) stop('the file is empty');
  } catch (error) {
    stop(`the file is not a readable zip archive: ${(error as Error).message}`);
  }
  if (!failure && entries === 0) stop('the file is not a zip archive (no entries found)');
  if (failure) return { ok: false, error: `Refusing the archive: ${failure}.`, inflatedBytes: total };
  return { ok: true, files };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
