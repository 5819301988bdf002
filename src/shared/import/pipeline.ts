/**
 * One import from bytes to records, shared by the renderer's import worker and the CLI: detect the
 * format (by file name), the encoding, the CSV layout and a column mapping (inspect), then produce the
 * records in batches (run). Pure: no Node, no DOM.
 */
import { FORMAT_VERSION, type CollectionRecord, type Manifest } from '../collection/schema';
import {
  parseCollectionJson,
  parseCollectionJsonl,
  parseCollectionZip,
  type CollectionSource,
  type PackageFile,
} from './collection-source';
import { previewDelimited, type Delimiter, type DelimitedPreview, type SkippedRow } from './delimited';
import { decodeText, detectEncoding, type ImportEncoding } from './encoding';
import { importDelimitedText } from './csv-import';
import type { ImportError, ImportNote } from './errors';
import { IMPORT_LIMITS, formatBytes } from './limits';
import {
  columnMappingSchema,
  planColumns,
  type ColumnMapping,
  type ColumnMappingInput,
  type ColumnPlan,
  type SuggestionBasis,
} from './mapping';
import type { DateReview } from './row-to-person';
import { suggestMapping } from './suggest';

export const IMPORT_FORMATS = ['delimited', 'json', 'jsonl', 'zip'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function formatOf(fileName: string): ImportFormat | undefined {
  const name = fileName.toLowerCase();
  if (/\.(csv|tsv|tab|txt)$/.test(name)) return 'delimited';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.zip')) return 'zip';
  return undefined;
}

export interface InspectOverrides {
  encoding?: ImportEncoding;
  delimiter?: Delimiter;
  header?: boolean;
}

export type Inspection =
  | {
      ok: true;
      format: 'delimited';
      file: string;
      bytes: number;
      encoding: ImportEncoding;
      /** Why this encoding (English, for the CLI); `encodingNote` is the same, translatable. */
      encodingReason: string;
      encodingNote: ImportNote;
      preview: DelimitedPreview;
      suggested: ColumnMappingInput;
      /** How each suggested column was recognised (by its header or by its values). */
      suggestedBy: Record<string, SuggestionBasis>;
      /** Every column with its fate under the suggested mapping, and sample values. */
      plan: ColumnPlan[];
      /** The decoded text, kept for run(); not sent anywhere. */
      text: string;
    }
  | {
      ok: true;
      format: 'json' | 'jsonl' | 'zip';
      file: string;
      bytes: number;
      manifest?: Manifest;
      recordCount: number;
      source: CollectionSource;
    }
  | { ok: false; file: string; errors: ImportError[] };

export function inspectImport(file: string, bytes: Uint8Array, overrides: InspectOverrides = {}): Inspection {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return {
      ok: false,
      file,
      errors: [
        {
          file,
          code: 'file-too-large',
          params: { size: formatBytes(bytes.length), max: formatBytes(IMPORT_LIMITS.maxFileBytes) },
          reason: `the file is ${formatBytes(bytes.length)}; at most ${formatBytes(IMPORT_LIMITS.maxFileBytes)} can be imported`,
        },
      ],
    };
  }
  const format = formatOf(file);
  if (format === undefined) {
    return {
      ok: false,
      file,
      errors: [
        {
          file,
          code: 'unknown-file-type',
          reason: 'unknown file type: import .csv, .tsv, .json, .jsonl or .zip',
        },
      ],
    };
  }
  if (format === 'zip') {
    const source = parseCollectionZip(bytes, file);
    if (source.errors.length > 0) return { ok: false, file, errors: source.errors };
    return collectionInspection('zip', file, bytes.length, source);
  }
  const guess = detectEncoding(bytes);
  const encoding = overrides.encoding ?? guess.encoding;
  const decoded = decodeText(bytes, encoding, file);
  if (!decoded.ok) return { ok: false, file, errors: [decoded.error] };
  if (format === 'json' || format === 'jsonl') {
    const source =
      format === 'json' ? parseCollectionJson(decoded.text, file) : parseCollectionJsonl(decoded.text, file);
    if (source.errors.length > 0) return { ok: false, file, errors: source.errors };
    return collectionInspection(format, file, bytes.length, source);
  }
  const text = decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
  const layout: { delimiter?: Delimiter; header?: boolean } = {};
  if (overrides.delimiter !== undefined) layout.delimiter = overrides.delimiter;
  else if (/\.(tsv|tab)$/i.test(file)) layout.delimiter = '\t';
  if (overrides.header !== undefined) layout.header = overrides.header;
  const preview = previewDelimited(text, layout);
  if (preview.columns.length === 0) {
    return { ok: false, file, errors: [{ file, code: 'empty-file', reason: 'the file is empty' }] };
  }
  const suggestion = suggestMapping(preview.columns, preview.rows);
  const suggested = columnMappingSchema.parse(suggestion.mapping);
  const encodingNote: ImportNote =
    overrides.encoding === undefined ? guess.note : { code: 'chosen-by-you', text: 'chosen by you' };
  return {
    ok: true,
    format: 'delimited',
    file,
    bytes: bytes.length,
    encoding,
    encodingReason: encodingNote.text,
    encodingNote,
    preview,
    suggested: suggestion.mapping,
    suggestedBy: suggestion.suggestedBy,
    plan: planColumns(suggested, preview.columns, preview.rows, suggestion.suggestedBy),
    text,
  };
}

function collectionInspection(
  format: 'json' | 'jsonl' | 'zip',
  file: string,
  bytes: number,
  source: CollectionSource,
): Inspection {
  return {
    ok: true,
    format,
    file,
    bytes,
    ...(source.manifest ? { manifest: source.manifest } : {}),
    recordCount: source.records.length,
    source,
  };
}

export interface RunCallbacks {
  onBatch: (records: CollectionRecord[]) => void;
  onProgress?: (rowsRead: number, fraction: number) => void;
  batchSize?: number;
  /** CSV/TSV: skip structurally broken rows and list them instead of failing (default: fail). */
  skipBrokenRows?: boolean;
  /** CSV/TSV: collection id and import time written into each record's provenance. */
  collection?: string;
  importedAt?: string;
  /** CSV/TSV: adds the time spent turning rows into records (and in onBatch), ms, for benchmarks. */
  timings?: { mapMs: number };
}

export interface RunResult {
  records: number;
  errors: ImportError[];
  /** Package files to store with the records (bibliography, texts). */
  files: PackageFile[];
  /** Rows skipped on the skipBrokenRows choice (listed up to the error cap; `skippedCount` is all). */
  skippedRows: SkippedRow[];
  skippedCount: number;
  /** Date cells kept verbatim but flagged for review (listed up to the cap; the count is all). */
  dateReviews: DateReview[];
  dateReviewCount: number;
}

const NOTHING_SKIPPED = { skippedRows: [], skippedCount: 0, dateReviews: [], dateReviewCount: 0 };

/** Produce every record in batches. Commit only when `errors` is empty. */
export function runImport(
  inspection: Inspection,
  mapping: ColumnMapping | undefined,
  callbacks: RunCallbacks,
): RunResult {
  if (!inspection.ok) return { records: 0, errors: inspection.errors, files: [], ...NOTHING_SKIPPED };
  const batchSize = callbacks.batchSize ?? 2000;
  if (inspection.format !== 'delimited') {
    const { records, files } = inspection.source;
    for (let i = 0; i < records.length; i += batchSize) {
      callbacks.onBatch(records.slice(i, i + batchSize));
      callbacks.onProgress?.(
        Math.min(records.length, i + batchSize),
        Math.min(1, (i + batchSize) / records.length),
      );
    }
    return { records: records.length, errors: [], files, ...NOTHING_SKIPPED };
  }
  if (mapping === undefined) {
    return {
      records: 0,
      errors: [
        { file: inspection.file, code: 'no-name-column', reason: 'choose which column holds the name' },
      ],
      files: [],
      ...NOTHING_SKIPPED,
    };
  }
  const result = importDelimitedText(inspection.text, {
    delimiter: inspection.preview.delimiter,
    header: inspection.preview.header,
    mapping,
    file: inspection.file,
    batchSize,
    onBatch: callbacks.onBatch,
    ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
    ...(callbacks.skipBrokenRows === undefined ? {} : { skipBrokenRows: callbacks.skipBrokenRows }),
    ...(callbacks.collection === undefined ? {} : { collection: callbacks.collection }),
    ...(callbacks.importedAt === undefined ? {} : { importedAt: callbacks.importedAt }),
    ...(callbacks.timings === undefined ? {} : { timings: callbacks.timings }),
  });
  return {
    records: result.records,
    errors: result.errors,
    files: [],
    skippedRows: result.skippedRows,
    skippedCount: result.skippedCount,
    dateReviews: result.dateReviews,
    dateReviewCount: result.dateReviewCount,
  };
}

/** The manifest for a CSV/TSV (or JSON without one): the user names the collection; the rest is plain. */
export function manifestForImport(details: {
  id: string;
  title: string;
  source: string;
  languages?: string[];
}): Manifest {
  return {
    formatVersion: FORMAT_VERSION,
    id: details.id,
    title: details.title,
    version: '1.0.0',
    description: `Imported from ${details.source}.`,
    languages: details.languages ?? ['lt'],
    license: 'Not stated (imported by the user)',
    compiledBy: `Imported from ${details.source}`,
    texts: [],
  };
}

/** A collection id from a file name: "Tremtiniai 1941.csv" → "tremtiniai-1941". */
export function collectionIdFromFileName(file: string): string {
  const slug = file
    .replace(/\.[^.]+$/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'imported-collection' : slug.slice(0, 60).replace(/-$/, '');
}
