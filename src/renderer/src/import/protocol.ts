/** Messages between the Import page and its worker (which does all parsing off the UI thread). */
import type { CollectionRecord, Manifest } from '../../../shared/collection/schema';
import type { DelimitedPreview } from '../../../shared/import/delimited';
import type { ImportEncoding } from '../../../shared/import/encoding';
import type { ImportError } from '../../../shared/import/errors';
import type { ColumnMapping, ColumnMappingInput } from '../../../shared/import/mapping';
import type { PackageFile } from '../../../shared/import/collection-source';
import type { ImportFormat, InspectOverrides } from '../../../shared/import/pipeline';

export type ImportWorkerRequest =
  { type: 'inspect'; file: File; overrides: InspectOverrides } | { type: 'run'; mapping?: ColumnMapping };

/** What the page shows after inspection (the decoded text stays in the worker). */
export type InspectionView =
  | {
      format: 'delimited';
      file: string;
      bytes: number;
      encoding: ImportEncoding;
      encodingReason: string;
      preview: DelimitedPreview;
      suggested: ColumnMappingInput;
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
  | { type: 'batch'; records: CollectionRecord[] }
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'done'; records: number; files: PackageFile[]; errors: ImportError[] }
  | { type: 'failed'; errors: ImportError[] };
