/**
 * One problem found in a collection package, located by file, record and field, and its one-line
 * wording. Shared by the validator, the disk loader and the import store.
 */
import { BIBLIOGRAPHY_FILE } from './package-paths';

export interface CollectionError {
  /** Package-relative path of the file concerned, e.g. "records/operations.json". */
  file: string;
  /** Record id (or bibliography entry id in bibliography.json) when the error concerns one. */
  recordId?: string;
  /** Path to the field inside the record/entry/file, e.g. "claims[2].source" or "line 14". */
  field?: string;
  message: string;
}

/** Pseudo-file name for errors about the package as a whole. */
export const COLLECTION_PSEUDO_FILE = '(collection)';

/** `records/operations.json › record "op-vesna" › claims[2].source: no bibliography entry "xyz"` */
export function formatCollectionError(error: CollectionError): string {
  let out = error.file;
  if (error.recordId !== undefined) {
    const noun = error.file === BIBLIOGRAPHY_FILE ? 'entry' : 'record';
    out += ` › ${noun} "${error.recordId}"`;
  }
  if (error.field !== undefined && error.field !== '') out += ` › ${error.field}`;
  return `${out}: ${error.message}`;
}

/** "claims[2].source" from a zod/issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
