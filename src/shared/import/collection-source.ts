/**
 * Collections that arrive already in the collection format: one JSON document, JSON Lines (one record
 * per line, optionally a first line `{"manifest": {...}}`), or a .zip package. Each becomes the same
 * shape: a manifest (when the source has one), the records, and the other package files (bibliography,
 * texts) to store alongside. Pure.
 */
import { unzipSync } from 'fflate';
import { unzipWithLimits } from '../zip/safe-unzip';
import { describeExcessiveNesting, findExcessiveNesting } from '../json/nesting';
import { formatPath } from '../collection/collection-error';
import { BIBLIOGRAPHY_FILE, MANIFEST_FILE, isSafePackagePath } from '../collection/package-paths';
import { validateCollection } from '../collection/validate';
import { manifestSchema, recordSchema, type CollectionRecord, type Manifest } from '../collection/schema';
import { ErrorList, type ImportError } from './errors';
import { IMPORT_LIMITS, formatBytes, type ImportLimits } from './limits';

export interface PackageFile {
  path: string;
  text: string;
}

export interface CollectionSource {
  manifest?: Manifest;
  records: CollectionRecord[];
  /** Package files other than the manifest and records: bibliography.json, texts/*.md. */
  files: PackageFile[];
  errors: ImportError[];
}

const empty = (errors: ImportError[]): CollectionSource => ({ records: [], files: [], errors });

/** Strip the computed `earliest`/`latest` the validator adds: only source fields are stored. */
function sourceRecord(record: CollectionRecord & { earliest?: unknown; latest?: unknown }): CollectionRecord {
  const { earliest: _e, latest: _l, ...rest } = record;
  return rest as CollectionRecord;
}

function checkRecord(value: unknown, errors: ErrorList, where: ImportError): CollectionRecord | undefined {
  const parsed = recordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? ` (record "${String((value as { id: string }).id).slice(0, 80)}")`
      : '';
  for (const issue of parsed.error.issues.slice(0, 5)) {
    errors.add({
      ...where,
      column: formatPath(issue.path) || '(record)',
      code: 'invalid-record',
      params: { message: `${issue.message}${id}` },
      reason: `${issue.message}${id}`,
    });
  }
  return undefined;
}

function checkUniqueIds(records: CollectionRecord[], rows: number[], errors: ErrorList, file: string) {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const earlier = seen.get(record.id);
    if (earlier !== undefined) {
      errors.add({
        file,
        row: rows[i],
        column: 'id',
        code: 'duplicate-id',
        params: { id: record.id, earlier },
        reason: `duplicate record id "${record.id}" (same as row ${earlier})`,
      });
    } else seen.set(record.id, rows[i] as number);
  });
}

/** `{ "manifest": {...}, "records": [...], "bibliography": [...] }` */
export function parseCollectionJson(text: string, file: string): CollectionSource {
  let doc: unknown;
  // JSON.parse recurses: refuse pathological nesting before it can exhaust the stack.
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep)
    return empty([
      { file, code: 'too-deeply-nested', reason: `not accepted: ${describeExcessiveNesting(tooDeep)}` },
    ]);
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return empty([
      {
        file,
        code: 'invalid-json',
        params: { message: (error as Error).message },
        reason: `not valid JSON: ${(error as Error).message}`,
      },
    ]);
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { records?: unknown }).records)) {
    return empty([
      {
        file,
        code: 'not-a-collection',
        reason: 'expected an object with a "records" array (and a "manifest")',
      },
    ]);
  }
  const { manifest, records, bibliography } = doc as {
    manifest?: unknown;
    records: unknown[];
    bibliography?: unknown;
  };
  const errors = new ErrorList(IMPORT_LIMITS.maxErrors);
  let parsedManifest: Manifest | undefined;
  if (manifest !== undefined) {
    const m = manifestSchema.safeParse(manifest);
    if (m.success) parsedManifest = m.data;
    else
      for (const issue of m.error.issues)
        errors.add({
          file,
          column: `manifest.${formatPath(issue.path)}`,
          code: 'invalid-manifest',
          params: { message: issue.message },
          reason: issue.message,
        });
  }
  const out: CollectionRecord[] = [];
  const rows: number[] = [];
  records.forEach((value, i) => {
    const record = checkRecord(value, errors, { file, row: i + 1, reason: '' });
    if (record) {
      out.push(record);
      rows.push(i + 1);
    }
  });
  checkUniqueIds(out, rows, errors, file);
  const files =
    bibliography === undefined ? [] : [{ path: BIBLIOGRAPHY_FILE, text: JSON.stringify(bibliography) }];
  return {
    ...(parsedManifest ? { manifest: parsedManifest } : {}),
    records: out,
    files,
    errors: errors.list(),
  };
}

/** One record per line; the first line may be `{"manifest": {...}}`. Errors name the line. */
export function parseCollectionJsonl(text: string, file: string): CollectionSource {
  const errors = new ErrorList(IMPORT_LIMITS.maxErrors);
  const records: CollectionRecord[] = [];
  const rows: number[] = [];
  let manifest: Manifest | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && !errors.full; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let value: unknown;
    const tooDeep = findExcessiveNesting(line);
    if (tooDeep) {
      errors.add({
        file,
        row: i + 1,
        code: 'too-deeply-nested',
        reason: `not accepted: ${describeExcessiveNesting(tooDeep)}`,
      });
      continue;
    }
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.add({
        file,
        row: i + 1,
        code: 'invalid-json',
        params: { message: (error as Error).message },
        reason: `not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    if (
      records.length === 0 &&
      manifest === undefined &&
      typeof value === 'object' &&
      value !== null &&
      'manifest' in value
    ) {
      const m = manifestSchema.safeParse((value as { manifest: unknown }).manifest);
      if (m.success) manifest = m.data;
      else
        for (const issue of m.error.issues)
          errors.add({
            file,
            row: i + 1,
            column: `manifest.${formatPath(issue.path)}`,
            code: 'invalid-manifest',
            params: { message: issue.message },
            reason: issue.message,
          });
      continue;
    }
    const record = checkRecord(value, errors, { file, row: i + 1, reason: '' });
    if (record) {
      records.push(record);
      rows.push(i + 1);
    }
  }
  checkUniqueIds(records, rows, errors, file);
  return { ...(manifest ? { manifest } : {}), records, files: [], errors: errors.list() };
}

const TEXT_ENTRY = /\.(json|md)$/;

/**
 * A .zip collection package. Zip bombs are refused twice: first from the central directory, before
 * anything is inflated (too many entries, or a declared uncompressed total over the cap), then while
 * inflating, because declared sizes can lie (a streamed zip declares none): `unzipWithLimits` counts
 * the real output and stops at the cap. Paths that are absolute or climb out with ".." are refused by
 * name.
 */
export function parseCollectionZip(
  bytes: Uint8Array,
  file: string,
  limits: Pick<ImportLimits, 'maxZipEntries' | 'maxZipUncompressedBytes'> = IMPORT_LIMITS,
): CollectionSource {
  const errors: ImportError[] = [];
  let entries = 0;
  let total = 0;
  try {
    // A filter that keeps nothing reads the central directory only.
    unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (entry.name.endsWith('/')) return false;
        if (!isSafePackagePath(entry.name)) {
          errors.push({
            file: `${file}: ${entry.name.slice(0, 200)}`,
            code: 'zip-path',
            reason: 'path escapes the package (absolute, or contains "..")',
          });
          return false;
        }
        if (TEXT_ENTRY.test(entry.name)) total += entry.originalSize;
        return false;
      },
    });
  } catch (error) {
    return empty([
      {
        file,
        code: 'invalid-zip',
        params: { message: (error as Error).message },
        reason: `not a readable zip file: ${(error as Error).message}`,
      },
    ]);
  }
  if (entries > limits.maxZipEntries) {
    return empty([
      {
        file,
        code: 'zip-too-large',
        params: { entries, max: limits.maxZipEntries },
        reason: `${entries} entries; at most ${limits.maxZipEntries} are accepted`,
      },
    ]);
  }
  if (total > limits.maxZipUncompressedBytes) {
    return empty([
      {
        file,
        code: 'zip-too-large',
        params: { size: formatBytes(total), max: formatBytes(limits.maxZipUncompressedBytes) },
        reason: `unpacks to ${formatBytes(total)}; at most ${formatBytes(limits.maxZipUncompressedBytes)} is accepted (zip bomb?)`,
      },
    ]);
  }
  if (errors.length > 0) return empty(errors);
  const inflated = unzipWithLimits(
    bytes,
    {
      maxEntries: limits.maxZipEntries,
      maxEntryBytes: limits.maxZipUncompressedBytes,
      maxTotalBytes: limits.maxZipUncompressedBytes,
    },
    (name) => TEXT_ENTRY.test(name),
  );
  if (!inflated.ok)
    return empty([
      {
        file,
        code: 'zip-too-large',
        params: { message: inflated.error },
        reason: `${inflated.error} (zip bomb?)`,
      },
    ]);
  return collectionFromFiles(Object.fromEntries(inflated.files), file);
}

/** Entries may sit in one top folder ("my-collection/manifest.json"): strip it. */
function collectionFromFiles(unpacked: Record<string, Uint8Array>, file: string): CollectionSource {
  const names = Object.keys(unpacked);
  const top = names.find((n) => n.endsWith(MANIFEST_FILE))?.slice(0, -MANIFEST_FILE.length) ?? '';
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const name of names) {
    if (!name.startsWith(top)) continue;
    try {
      files.set(name.slice(top.length), decoder.decode(unpacked[name]));
    } catch {
      return empty([{ file: `${file}: ${name}`, code: 'invalid-utf8', reason: 'not valid UTF-8 text' }]);
    }
  }
  const result = validateCollection(files, { maxErrors: IMPORT_LIMITS.maxErrors });
  if (!result.ok) {
    return empty(
      result.errors.map((e) => ({
        file: `${file}: ${e.file}`,
        ...(e.field === undefined ? {} : { column: e.recordId ? `${e.recordId}.${e.field}` : e.field }),
        code: 'invalid-collection' as const,
        params: { message: e.message },
        reason: e.recordId && e.field === undefined ? `record "${e.recordId}": ${e.message}` : e.message,
      })),
    );
  }
  const { manifest, records } = result.collection;
  const extra = [...files].filter(([path]) => path !== MANIFEST_FILE && !path.startsWith('records/'));
  return {
    manifest,
    records: records.map(sourceRecord),
    files: extra.map(([path, text]) => ({ path, text })),
    errors: [],
  };
}
