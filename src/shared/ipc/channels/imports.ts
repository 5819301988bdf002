/**
 * Importing user collections. The renderer parses the file (in a worker) and sends records in
 * batches, because the HTTP transport caps one request's size and a 200,000-row import must never be
 * one giant message: imports.begin → imports.appendRecords (many) → imports.commit, or imports.abort.
 * Records and the manifest are validated again in the main process; the schemas here only bound sizes.
 */
import { z } from 'zod';
import type { CollectionSummary } from '../payloads';
import { collectionId } from './collections';
import { PACKED_RECORDS_FORMAT } from '../../import/record-pack';

/** Records per appendRecords request: a few hundred KB of JSON, well under the request cap. */
export const MAX_RECORDS_PER_BATCH = 5000;
/** Characters of one appendRecordsJson part: a few MB of records, far below the transport's request cap. */
export const MAX_PART_JSON_CHARS = 16 * 1024 * 1024;
/** The same part as UTF-8 bytes: a character takes at most three. */
export const MAX_PART_JSON_BYTES = 3 * MAX_PART_JSON_CHARS;
/**
 * An append's place in its session (0, 1, 2 …). The page keeps more than one append in flight, and
 * HTTP requests on separate connections may arrive out of order: the main process applies them in
 * this order, so records are stored (and errors numbered) as the file had them.
 */
const seq = z.number().int().min(0).max(10_000_000).optional();

const sessionId = z.uuid();

export const importRequests = {
  'imports.begin': z
    .object({
      manifest: z.unknown(),
      /** Package files besides the manifest and records (bibliography.json, texts/*.md). */
      files: z
        .array(
          z.object({ path: z.string().min(1).max(300), text: z.string().max(16 * 1024 * 1024) }).strict(),
        )
        .max(1000)
        .default([]),
      /** Name of the imported file, shown in the list. */
      source: z.string().max(300),
      /**
       * Every record's collection, file and import time, sent once: records whose provenance gives
       * only its row get these (record-parts.ts, `withSharedProvenance`).
       */
      provenance: z
        .object({
          collection: z.string().min(1).max(300),
          file: z.string().min(1).max(300),
          importedAt: z.string().min(1).max(100),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'imports.appendRecords': z
    .object({ sessionId, seq, records: z.array(z.unknown()).min(1).max(MAX_RECORDS_PER_BATCH) })
    .strict(),
  /**
   * The same records encoded once in the import worker (see record-parts.ts): JSON text (an array of
   * records, or a packed part: import/record-pack.ts), its UTF-8 bytes (what the worker hands over;
   * Electron IPC copies them as they are), or — over HTTP, where the transport splices those bytes into
   * the request body unchanged — the array or packed part the server parsed from them. A packed part is
   * only recognised here; the handler checks every table and code of it (a zod walk over its hundreds
   * of thousands of codes would cost more than unpacking them).
   */
  'imports.appendRecordsJson': z
    .object({
      sessionId,
      seq,
      json: z.union([
        z.string().min(2).max(MAX_PART_JSON_CHARS),
        z
          .instanceof(Uint8Array)
          .refine((bytes) => bytes.byteLength >= 2 && bytes.byteLength <= MAX_PART_JSON_BYTES, {
            message: `must be 2 to ${MAX_PART_JSON_BYTES} bytes`,
          }),
        z.array(z.unknown()).min(1).max(MAX_RECORDS_PER_BATCH),
        z.looseObject({ format: z.literal(PACKED_RECORDS_FORMAT) }),
      ]),
    })
    .strict(),
  'imports.commit': z.object({ sessionId }).strict(),
  'imports.abort': z.object({ sessionId }).strict(),
  'imports.list': z.object({}).strict(),
  'imports.remove': z.object({ collectionId }).strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type ImportChannel = keyof typeof importRequests;

export interface ImportedCollectionSummary extends CollectionSummary {
  importedAt: string;
  source: string;
}

export interface ImportResponses {
  'imports.begin': { sessionId: string; replaces: boolean };
  'imports.appendRecords': { received: number };
  'imports.appendRecordsJson': { received: number };
  'imports.commit': ImportedCollectionSummary;
  'imports.abort': { aborted: boolean };
  'imports.list': ImportedCollectionSummary[];
  'imports.remove': { removed: boolean };
}
