/**
 * Disk loader for collection packages. It only reads a folder into an in-memory map of
 * package-relative path → text and hands it to the pure validator (src/shared/collection/validate.ts),
 * which any other container (an imported .zip or JSON package) reuses unchanged.
 *
 * Safety: symbolic links are refused (a link could point outside the folder), every path must stay
 * inside the folder, files over `maxFileBytes` and packages over `maxTotalBytes` or `maxFiles` are
 * refused before they are read. Only .json and .md files are read; other files are ignored.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LoadedCollection } from '@shared/collection/model';
import {
  COLLECTION_PSEUDO_FILE,
  formatCollectionError,
  type CollectionError,
} from '@shared/collection/collection-error';
import { MANIFEST_FILE, isRecordFilePath } from '@shared/collection/package-paths';
import { validateCollection } from '@shared/collection/validate';
import { fail, ok, type Result } from '@shared/result';

export const COLLECTION_INVALID = 'collection-invalid';

export interface LoadOptions {
  /** Largest single file accepted, in bytes. Default 5 MiB. */
  maxFileBytes?: number;
  /** Largest total of all files read, in bytes. Default 50 MiB. */
  maxTotalBytes?: number;
  /** Most files read. Default 2,000. */
  maxFiles?: number;
  /** Deepest folder nesting walked. Default 4. */
  maxDepth?: number;
  /** Passed to the validator. Default 200. */
  maxErrors?: number;
  /**
   * Record files already checked against the record schema by whoever wrote them (the import store's
   * append), as package path → sha256 hex of the exact bytes written. A file read back with exactly
   * those bytes is not schema-parsed again; any other byte, or a file not listed, is parsed in full.
   */
  schemaChecked?: ReadonlyMap<string, string>;
}

const DEFAULTS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxFiles: 2000,
  maxDepth: 4,
  maxErrors: 200,
} satisfies Required<Omit<LoadOptions, 'schemaChecked'>>;

const READ_EXTENSIONS = ['.json', '.md'];

const formatBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toFixed(1)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${n} bytes`;

const toPackagePath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
};

/** Hex digits of the sha256 kept as a collection's revision: plenty to tell two versions apart. */
const REVISION_HEX_CHARS = 16;

export interface CollectionFiles {
  files: Map<string, string>;
  errors: CollectionError[];
  /**
   * Short hex hash of every file read (package path and exact bytes, in reading order). It is taken
   * while reading, so it describes exactly the bytes that were validated, at no extra read.
   */
  revision: string;
  /** Files listed in `schemaChecked` whose bytes, as read here, hash to the digest given there. */
  schemaChecked: Set<string>;
}

/** Read a collection folder into a package map. Errors are collected, not thrown. */
async function readCollectionFiles(
  dir: string,
  options: LoadOptions = {},
  decodeVouchedRecords = true,
): Promise<CollectionFiles> {
  const limits = { ...DEFAULTS, ...options };
  const files = new Map<string, string>();
  const errors: CollectionError[] = [];
  const hash = createHash('sha256');
  const schemaChecked = new Set<string>();
  const done = (): CollectionFiles => ({
    files,
    errors,
    revision: hash.digest('hex').slice(0, REVISION_HEX_CHARS),
    schemaChecked,
  });
  let root: string;
  try {
    root = await realpath(resolve(dir));
    const st = await lstat(root);
    if (!st.isDirectory()) {
      errors.push({ file: COLLECTION_PSEUDO_FILE, message: `"${dir}" is not a folder` });
      return done();
    }
  } catch {
    errors.push({ file: COLLECTION_PSEUDO_FILE, message: `cannot open folder "${dir}"` });
    return done();
  }

  let total = 0;
  let count = 0;
  const walk = async (folder: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch {
      errors.push({ file: toPackagePath(root, folder) || '.', message: 'cannot read folder' });
      return;
    }
    for (const name of names) {
      const full = join(folder, name);
      const packagePath = toPackagePath(root, full);
      if (!isInside(root, full)) {
        errors.push({ file: packagePath, message: 'path escapes the collection folder' });
        continue;
      }
      let st;
      try {
        st = await lstat(full);
      } catch {
        errors.push({ file: packagePath, message: 'cannot read file information' });
        continue;
      }
      if (st.isSymbolicLink()) {
        errors.push({
          file: packagePath,
          message: 'symbolic links are not allowed in a collection (they can point outside the folder)',
        });
        continue;
      }
      if (st.isDirectory()) {
        if (depth >= limits.maxDepth) {
          errors.push({ file: packagePath, message: `folder nesting deeper than ${limits.maxDepth} levels` });
        } else {
          await walk(full, depth + 1);
        }
        continue;
      }
      if (!st.isFile() || !READ_EXTENSIONS.some((ext) => name.endsWith(ext))) continue;
      if (st.size > limits.maxFileBytes) {
        errors.push({
          file: packagePath,
          message: `file is too large (${formatBytes(st.size)}; the limit is ${formatBytes(limits.maxFileBytes)})`,
        });
        continue;
      }
      count += 1;
      total += st.size;
      if (count > limits.maxFiles) {
        errors.push({
          file: COLLECTION_PSEUDO_FILE,
          message: `more than ${limits.maxFiles} files; refusing to read more`,
        });
        return;
      }
      if (total > limits.maxTotalBytes) {
        errors.push({
          file: COLLECTION_PSEUDO_FILE,
          message: `collection is larger than ${formatBytes(limits.maxTotalBytes)}; refusing to read more`,
        });
        return;
      }
      try {
        const bytes = await readFile(full);
        // Path and length go in too: renaming a file, or moving bytes from one file to the next,
        // is a different collection.
        hash.update(`${packagePath}\0${bytes.length}\0`).update(bytes);
        // Hashed from the very buffer that is decoded and validated: no window for the file to change.
        const expected = options.schemaChecked?.get(packagePath);
        if (expected !== undefined && createHash('sha256').update(bytes).digest('hex') === expected) {
          schemaChecked.add(packagePath);
          if (!decodeVouchedRecords && isRecordFilePath(packagePath)) continue;
        }
        files.set(packagePath, bytes.toString('utf8'));
      } catch {
        errors.push({ file: packagePath, message: 'cannot read file' });
      }
    }
  };
  await walk(root, 0);
  return done();
}

/** A validated collection and the revision of the bytes it was read from. */
export interface LoadedPackage {
  collection: LoadedCollection;
  revision: string;
}

/**
 * Load and validate the collection package in `dir`. On failure the error has code
 * `collection-invalid`, a message naming the folder, and `details`: the list of CollectionError.
 */
export async function loadCollectionPackage(
  dir: string,
  options: LoadOptions = {},
): Promise<Result<LoadedPackage>> {
  const { files, errors, revision, schemaChecked } = await readCollectionFiles(dir, options);
  const name = basename(resolve(dir));
  if (errors.length > 0) {
    return fail(COLLECTION_INVALID, summary(name, errors), errors);
  }
  const result = validateCollection(files, {
    maxErrors: options.maxErrors ?? DEFAULTS.maxErrors,
    schemaCheckedRecordFiles: schemaChecked,
  });
  if (!result.ok) return fail(COLLECTION_INVALID, summary(name, result.errors), result.errors);
  return ok({ collection: result.collection, revision });
}

/** loadCollectionPackage without the revision, for callers that only want the collection. */
export async function loadCollectionFromDirectory(
  dir: string,
  options: LoadOptions = {},
): Promise<Result<LoadedCollection>> {
  const result = await loadCollectionPackage(dir, options);
  return result.ok ? ok(result.value.collection) : result;
}

/**
 * For the import store's commit: reads and hashes every file as the loader does (same limits, same
 * revision), but a record file whose bytes match the digest it was written with is only hashed, not
 * decoded (it is listed in `schemaChecked` and left out of `files`): its records were checked when they
 * were written. Every other file is in `files` as the loader would read it.
 */
export async function readPackageVouched(
  dir: string,
  options: LoadOptions & { schemaChecked: ReadonlyMap<string, string> },
): Promise<CollectionFiles> {
  return readCollectionFiles(dir, options, false);
}

/** The loader's message for an invalid package, naming it by its folder. */
export function invalidPackageMessage(dir: string, errors: CollectionError[]): string {
  return summary(basename(resolve(dir)), errors);
}

function summary(name: string, errors: CollectionError[]): string {
  const first = errors[0];
  const head = `Collection "${name}" is invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return first ? `${head}; first: ${formatCollectionError(first)}` : head;
}

/** Sub-folders of `root` that hold a manifest.json, as absolute paths, sorted. [] when root is missing. */
export async function listCollectionDirectories(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const name of names.sort()) {
    const full = resolve(root, name);
    try {
      const st = await lstat(full);
      if (!st.isDirectory()) continue;
      const manifest = await lstat(join(full, MANIFEST_FILE));
      if (manifest.isFile()) dirs.push(full);
    } catch {
      // not a collection folder
    }
  }
  return dirs;
}
