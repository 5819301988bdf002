/** Messages between the Import page and its worker (which does all parsing off the UI thread). */
import type { CollectionRecord, Manifest } from '@shared/collection/schema';
import type { DelimitedPreview, SkippedRow } from '@shared/import/delimited';
import type { ImportEncoding } from '@shared/import/encoding';
import type { ImportError, ImportNote } from '@shared/import/errors';
import type { ColumnMapping, ColumnMappingInput, SuggestionBasis } from '@shared/import/mapping';
import type { PackageFile } from '@shared/import/collection-source';
import type { SharedProvenance } from '@shared/import/record-parts';
import type { ImportFormat, InspectOverrides } from '@shared/import/pipeline';

/** What a run needs besides the inspected file: the mapping, the skip choice, and the provenance. */
export interface RunRequest {
  mapping?: ColumnMapping;
  /** The user's explicit choice to skip structurally broken rows and list them. */
  skipBrokenRows?: boolean;
  /** Collection id and import time, stored as each record's provenance. */
  collection?: string;
  importedAt?: string;
  /** Given to the main process at `imports.begin`: records that match it travel without it. */
  sharedProvenance?: SharedProvenance;
}

export type ImportWorkerRequest =
  { type: 'inspect'; file: File; overrides: InspectOverrides } | ({ type: 'run' } & RunRequest);

/** What the page shows after inspection (the decoded text stays in the worker). */
export type InspectionView =
  | {
      format: 'delimited';
      file: string;
      bytes: number;
      encoding: ImportEncoding;
      encodingReason: string;
      encodingNote: ImportNote;
      preview: DelimitedPreview;
      suggested: ColumnMappingInput;
      suggestedBy: Record<string, SuggestionBasis>;
    }
  | {
      format: Exclude<ImportFormat, 'delimited'>;
      file: string;
      bytes: number;
      manifest?: Manifest;
      recordCount: number;
      /** Bibliography and texts to store with the records. */
      files: PackageFile[];
    };

export type ImportWorkerResponse =
  | { type: 'inspected'; inspection: InspectionView }
  /** Records as objects (any sender that has them as such). */
  | { type: 'batch'; records: CollectionRecord[] }
  /**
   * Records as a JSON array, encoded once (@shared/import/record-parts). The worker sends its UTF-8
   * bytes, in a transferred buffer so the page receives them without a copy; text is accepted too.
   */
  | { type: 'part'; json: string | Uint8Array<ArrayBuffer>; count: number }
  | { type: 'progress'; rows: number; fraction: number }
  | {
      type: 'done';
      records: number;
      files: PackageFile[];
      errors: ImportError[];
      skippedRows: SkippedRow[];
      skippedCount: number;
      dateReviewCount: number;
      /** Where the worker's time went, for the import benchmark. */
      timings?: WorkerTimings;
    }
  | { type: 'failed'; errors: ImportError[] };

export interface WorkerTimings {
  /** The whole run, ms. */
  runMs: number;
  /** Of which turning rows into records, encoding and posting them included (the rest is parsing), ms. */
  mapMs: number;
  /** Of which encoding records as JSON parts (and those as UTF-8), ms. */
  encodeMs: number;
  /** Of which posting parts to the page, ms. */
  postMs: number;
}
