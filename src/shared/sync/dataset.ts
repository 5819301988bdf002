/**
 * Imported collections as immutable, content-hashed datasets (docs/sync.md, "Datasets").
 *
 * A collection revision becomes one package (JSON lines: a header with the manifest and the package's
 * other files, then one record a line), cut into parts of at most PART_BYTES, each with its own sha256.
 * The document `dataset:<sha256 of the package>` holds the parts as attachments and the collection's
 * title, version and record count in its body. Its only revision is derived from the package's sha256,
 * so two machines sharing the same collection write the same revision: never a conflict. Pure: the
 * renderer and the bench both use it, and nothing here knows PouchDB or the import path.
 */
import { z } from 'zod';

export const DATASET_PREFIX = 'dataset:';
export const DATASET_FORMAT = 'atmintis-dataset';
export const DATASET_FORMAT_VERSION = 1;
/** Attachment size: large enough to keep the number of parts small, small enough for any transport. */
export const PART_BYTES = 8 * 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;

export interface DatasetFile {
  path: string;
  text: string;
}

/** What a package holds: exactly what the import path takes (imports.begin, then the records). */
export interface DatasetContent {
  manifest: { id: string; title: string; version: string } & Record<string, unknown>;
  files: DatasetFile[];
  records: unknown[];
}

const partSchema = z.strictObject({
  name: z.string().regex(/^part-\d{5}$/),
  bytes: z.number().int().min(1).max(PART_BYTES),
  sha256: z.string().regex(SHA256),
});

export const datasetBodySchema = z.strictObject({
  type: z.literal('dataset'),
  collectionId: z.string().min(1).max(128),
  title: z.string().max(1000),
  version: z.string().max(200),
  recordCount: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(SHA256),
  parts: z.array(partSchema).max(100_000),
  sharedBy: z.string().min(1).max(200),
  sharedAt: z.iso.datetime(),
});

export type DatasetBody = z.infer<typeof datasetBodySchema>;
export type DatasetPart = z.infer<typeof partSchema>;

export const datasetDocId = (sha256: string): string => `${DATASET_PREFIX}${sha256}`;
export const isDatasetDocId = (id: string): boolean => id.startsWith(DATASET_PREFIX);
/** The one revision every machine writes for this content (PouchDB rev hashes are 32 hex digits). */
export const datasetRev = (sha256: string): string => `1-${sha256.slice(0, 32)}`;
export const partName = (index: number): string => `part-${String(index).padStart(5, '0')}`;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The package's bytes: deterministic for the same content (same manifest, files and records in order). */
export function encodeDataset(content: DatasetContent): Uint8Array {
  const header = {
    format: DATASET_FORMAT,
    version: DATASET_FORMAT_VERSION,
    manifest: content.manifest,
    files: content.files,
    recordCount: content.records.length,
  };
  const lines = [JSON.stringify(header), ...content.records.map((record) => JSON.stringify(record))];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads a package back; the manifest and records are checked again by the import path itself. */
export function decodeDataset(bytes: Uint8Array): Decoded<DatasetContent> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the package is not UTF-8 text' };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'line 1 (the header) is not JSON' };
  }
  if (header.format !== DATASET_FORMAT || header.version !== DATASET_FORMAT_VERSION)
    return {
      ok: false,
      error: `line 1: not an ${DATASET_FORMAT} package of version ${DATASET_FORMAT_VERSION}`,
    };
  const manifest = header.manifest as DatasetContent['manifest'] | undefined;
  if (!manifest || typeof manifest !== 'object' || typeof manifest.id !== 'string')
    return { ok: false, error: 'line 1: the manifest is missing or has no id' };
  const files = header.files;
  if (
    !Array.isArray(files) ||
    !files.every((f: DatasetFile) => typeof f?.path === 'string' && typeof f?.text === 'string')
  )
    return { ok: false, error: 'line 1: files must be a list of { path, text }' };
  if (header.recordCount !== lines.length - 1)
    return {
      ok: false,
      error: `the header announces ${String(header.recordCount)} records, the package holds ${lines.length - 1}`,
    };
  const records: unknown[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    try {
      records.push(JSON.parse(lines[index] ?? ''));
    } catch {
      return { ok: false, error: `line ${index + 1} is not JSON` };
    }
  }
  return { ok: true, value: { manifest, files: files as DatasetFile[], records } };
}

/** Cuts the package into parts of at most `partBytes` (views, not copies). */
export function splitParts(bytes: Uint8Array, partBytes = PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < bytes.byteLength; start += partBytes)
    parts.push(bytes.subarray(start, Math.min(bytes.byteLength, start + partBytes)));
  return parts;
}

/** The document body for a package, with each part's size and sha256. */
export async function datasetBody(
  bytes: Uint8Array,
  content: Pick<DatasetContent, 'manifest'> & { recordCount: number },
  sharedBy: string,
  sharedAt: Date,
  partBytes = PART_BYTES,
): Promise<{ sha256: string; body: DatasetBody; parts: Uint8Array[] }> {
  const parts = splitParts(bytes, partBytes);
  const described: DatasetPart[] = [];
  for (const [index, part] of parts.entries())
    described.push({ name: partName(index), bytes: part.byteLength, sha256: await sha256Hex(part) });
  const sha256 = await sha256Hex(bytes);
  const body: DatasetBody = {
    type: 'dataset',
    collectionId: content.manifest.id,
    title: content.manifest.title,
    version: content.manifest.version,
    recordCount: content.recordCount,
    bytes: bytes.byteLength,
    sha256,
    parts: described,
    sharedBy,
    sharedAt: sharedAt.toISOString(),
  };
  return { sha256, body, parts };
}

/** Reads a dataset document's body, or says why it is not one. */
export function readDatasetBody(id: string, raw: unknown): Decoded<DatasetBody> {
  const parsed = datasetBodySchema.safeParse(
    Object.fromEntries(Object.entries((raw ?? {}) as object).filter(([key]) => !key.startsWith('_'))),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `"${id}" › ${issue?.path.join('.') || '(document)'}: ${issue?.message ?? ''}`,
    };
  }
  if (id !== datasetDocId(parsed.data.sha256))
    return { ok: false, error: `"${id}" › sha256: does not match the _id` };
  const total = parsed.data.parts.reduce((sum, part) => sum + part.bytes, 0);
  if (total !== parsed.data.bytes)
    return {
      ok: false,
      error: `"${id}" › parts: add up to ${total} bytes, the package has ${parsed.data.bytes}`,
    };
  return { ok: true, value: parsed.data };
}

/**
 * Joins the parts as received and checks every part's and the whole package's sha256 before decoding:
 * anything changed or damaged on the way is refused, naming the part.
 */
export async function assembleDataset(
  body: DatasetBody,
  received: readonly Uint8Array[],
): Promise<Decoded<DatasetContent>> {
  if (received.length !== body.parts.length)
    return { ok: false, error: `${received.length} of its ${body.parts.length} parts arrived` };
  const whole = new Uint8Array(body.bytes);
  let offset = 0;
  for (const [index, part] of received.entries()) {
    const expected = body.parts[index] as DatasetPart;
    if (part.byteLength !== expected.bytes || (await sha256Hex(part)) !== expected.sha256)
      return {
        ok: false,
        error: `part ${index + 1} of ${body.parts.length} does not match its sha256 (changed or damaged on the way)`,
      };
    whole.set(part, offset);
    offset += part.byteLength;
  }
  if ((await sha256Hex(whole)) !== body.sha256)
    return { ok: false, error: 'the package does not match its sha256 (changed or damaged on the way)' };
  const decoded = decodeDataset(whole);
  if (!decoded.ok) return decoded;
  if (decoded.value.manifest.id !== body.collectionId)
    return {
      ok: false,
      error: `the package holds collection "${decoded.value.manifest.id}", not "${body.collectionId}"`,
    };
  if (decoded.value.records.length !== body.recordCount)
    return {
      ok: false,
      error: `the package holds ${decoded.value.records.length} records, the document says ${body.recordCount}`,
    };
  return decoded;
}
