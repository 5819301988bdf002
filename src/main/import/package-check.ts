/**
 * The import store's two checks: a part's records when append receives them (the trust boundary),
 * and the whole package at commit, before the rename.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { recordSchema, type CollectionRecord } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { isRecordFilePath } from '@shared/collection/package-paths';
import type { IncrementalRecordValidation } from '@shared/collection/validation/incremental';
import { HandlerError } from '../ipc/dispatch';
import {
  invalidPackageMessage,
  loadCollectionPackage,
  readPackageVouched,
  type LoadOptions,
} from '../collection/load-collection';

export type CheckedPart =
  | { ok: true; bytes: Buffer; digest: string; records: CollectionRecord[] }
  | { ok: false; index: number; issue: z.core.$ZodIssue | undefined };

/** A part's records through the record schema, encoded once: the digest is of the very bytes written. */
export function checkPart(records: unknown[]): CheckedPart {
  const clean: CollectionRecord[] = [];
  for (const [index, value] of records.entries()) {
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) return { ok: false, index, issue: parsed.error.issues[0] };
    clean.push(parsed.data as CollectionRecord);
  }
  const bytes = Buffer.from(JSON.stringify(clean), 'utf8');
  return { ok: true, bytes, digest: createHash('sha256').update(bytes).digest('hex'), records: clean };
}

interface PackageToCheck {
  folder: string;
  /** The folder's name, as the loader's messages give it. */
  name: string;
  /** What the user knows the collection by: replaces `name` in messages. */
  collectionId: string;
  /** sha256 of each part exactly as append wrote it, by package path. */
  partDigests: ReadonlyMap<string, string>;
  /** What the appends gathered: ids, duplicates, per-record checks. */
  validation: IncrementalRecordValidation;
  limits: LoadOptions;
}

/**
 * Everything the loader would check. When every part on disk is byte for byte what append checked
 * and wrote, and no other record file is there, the parts are only read and hashed: ids, duplicates
 * and each record's own checks were gathered as they arrived, and what spans parts (links between
 * records) and the package's other files are checked now. Otherwise the package is loaded in full
 * (parts whose bytes match are then not schema-parsed again), and the loaded collection returned.
 * Throws `import-invalid` with every error (file, record, field) when the package is invalid.
 */
export async function checkPackage(
  pkg: PackageToCheck,
): Promise<{ revision: string; collection?: LoadedCollection }> {
  const invalid = (errors: CollectionError[]): HandlerError =>
    new HandlerError(
      'import-invalid',
      invalidPackageMessage(pkg.folder, errors).replace(`"${pkg.name}"`, `"${pkg.collectionId}"`),
      errors.map((e) => ({ ...e, text: formatCollectionError(e) })),
    );
  const read = await readPackageVouched(pkg.folder, { ...pkg.limits, schemaChecked: pkg.partDigests });
  if (read.errors.length > 0) throw invalid(read.errors);
  const everyPartVouched =
    read.schemaChecked.size === pkg.partDigests.size && ![...read.files.keys()].some(isRecordFilePath);
  if (everyPartVouched) {
    const errors = pkg.validation.finish(read.files);
    if (errors.length > 0) throw invalid(errors);
    return { revision: read.revision };
  }
  const result = await loadCollectionPackage(pkg.folder, { ...pkg.limits, schemaChecked: pkg.partDigests });
  if (!result.ok) {
    throw invalid(Array.isArray(result.error.details) ? (result.error.details as CollectionError[]) : []);
  }
  return result.value;
}
