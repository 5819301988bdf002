/**
 * A collection package as the validator sees it: package-relative path → UTF-8 text, whatever container
 * it came from (a folder, a .zip, an import). The fixed file names and the path rule live here.
 */

export type CollectionFiles = ReadonlyMap<string, string>;

export const MANIFEST_FILE = 'manifest.json';
export const BIBLIOGRAPHY_FILE = 'bibliography.json';

/** True for a normalised package-relative path: no leading "/", no drive letter, no "." or ".." segments. */
export function isSafePackagePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false;
  if (path.includes('\0')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** A record file: a .json file directly inside records/. */
export const isRecordFilePath = (path: string): boolean => /^records\/[^/]+\.json$/.test(path);
