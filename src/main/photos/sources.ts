/**
 * The files an import reads, from what the user picked: several files, a folder (walked below, up to
 * MAX_FOLDER_DEPTH) or a .zip (unpacked in memory within limits). Each file keeps the folder it came
 * from, which the renderer groups items by.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { unzipWithLimits } from '@shared/zip/safe-unzip';
import type { SkippedFile } from '@shared/ipc/channels/photos';
import { MAX_FILES, MAX_FOLDER_DEPTH, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES } from './limits';
import { PHOTO_FILE_NAME } from './sniff';

/** What the user picked: the Electron dialog or the web harness's test picker (picker.ts). */
export type PhotoPick =
  | { kind: 'files'; paths: readonly string[] }
  | { kind: 'folder'; path: string }
  | { kind: 'zip'; path: string };

/** One file to import: on disk (`path`) or unpacked from a zip (`bytes`). */
export interface SourceFile {
  /** Shown in progress and reasons, and kept as the photo's file name: a name or a relative path. */
  name: string;
  /** The folder it was found in, as the user would name it ("Fond K-1/ap. 58"). */
  folder: string;
  path?: string;
  bytes?: Uint8Array;
}

export interface SourceListing {
  files: SourceFile[];
  skipped: SkippedFile[];
}

/** Hidden files (".DS_Store", "._IMG_0001.JPG" from macOS) are not the user's photos; never listed. */
const isHidden = (name: string): boolean => name.startsWith('.') || name === 'Thumbs.db';

const notPhotoName = (file: string): SkippedFile => ({
  file,
  reason: 'its name does not end in .jpg, .jpeg, .png, .tif, .tiff, .webp or .pdf',
});

export async function listSourceFiles(pick: PhotoPick): Promise<SourceListing> {
  if (pick.kind === 'files') {
    return {
      files: pick.paths.map((path) => ({ name: basename(path), folder: basename(dirname(path)), path })),
      skipped: [],
    };
  }
  if (pick.kind === 'zip') return listZip(pick.path);
  const listing: SourceListing = { files: [], skipped: [] };
  await walk(pick.path, basename(pick.path), 0, listing);
  if (listing.files.length > MAX_FILES) {
    throw new Error(
      `The folder holds more than ${MAX_FILES.toLocaleString('en')} photos; import it in parts`,
    );
  }
  return listing;
}

async function walk(dir: string, label: string, depth: number, listing: SourceListing): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(dir, entry.name);
    const name = `${label}/${entry.name}`;
    if (entry.isDirectory()) {
      if (depth < MAX_FOLDER_DEPTH) await walk(path, name, depth + 1, listing);
      else listing.skipped.push({ file: name, reason: `it is more than ${MAX_FOLDER_DEPTH} folders deep` });
    } else if (entry.isFile()) {
      if (PHOTO_FILE_NAME.test(entry.name)) listing.files.push({ name, folder: label, path });
      else listing.skipped.push(notPhotoName(name));
    }
    if (listing.files.length > MAX_FILES) return;
  }
}

async function listZip(path: string): Promise<SourceListing> {
  const size = (await stat(path)).size;
  if (size > MAX_ZIP_TOTAL_BYTES) {
    throw new Error(
      `${basename(path)} is larger than ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MiB; unpack it and import the folder`,
    );
  }
  const unzipped = unzipWithLimits(
    await readFile(path),
    { maxEntries: MAX_FILES, maxEntryBytes: MAX_ZIP_ENTRY_BYTES, maxTotalBytes: MAX_ZIP_TOTAL_BYTES },
    (name) => !isHidden(posix.basename(name)) && !name.startsWith('__MACOSX/'),
  );
  if (!unzipped.ok) throw new Error(`${basename(path)}: ${unzipped.error}`);
  const zipName = basename(path).replace(/\.zip$/i, '');
  const listing: SourceListing = { files: [], skipped: [] };
  for (const [entry, bytes] of [...unzipped.files].sort(([a], [b]) => a.localeCompare(b))) {
    const name = `${zipName}/${entry}`;
    if (!PHOTO_FILE_NAME.test(entry)) {
      listing.skipped.push(notPhotoName(name));
      continue;
    }
    const folder = posix.dirname(entry);
    listing.files.push({ name, folder: folder === '.' ? zipName : `${zipName}/${folder}`, bytes });
  }
  return listing;
}
