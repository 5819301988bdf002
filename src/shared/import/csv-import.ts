/**
 * The whole CSV/TSV import as one pure function: decode → parse in chunks → map rows to person records
 * → check ids are unique, handing records on in batches. All-or-nothing is the caller's part: it must
 * commit only when `errors` comes back empty. Structurally broken rows are errors unless the caller
 * chose to skip them (`skipBrokenRows`); then they are listed in `skippedRows`.
 */
import type { PersonRecord } from '../collection/schema';
import { parseDelimited, type DelimitedLayout, type SkippedRow } from './delimited';
import { ErrorList, type ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';
import { checkMapping, type ColumnMapping } from './mapping';
import { compileMapping, rowToPerson, type DateReview, type RowPlan } from './row-to-person';

export interface CsvImportOptions extends DelimitedLayout {
  mapping: ColumnMapping;
  file?: string;
  /** For each record's provenance: the collection id and the import time (ISO 8601). */
  collection?: string;
  importedAt?: string;
  /** Skip structurally broken rows and list them, instead of failing the file. Default false. */
  skipBrokenRows?: boolean;
  /** Records per batch handed to onBatch. Default 2,000. */
  batchSize?: number;
  onBatch: (records: PersonRecord[]) => void;
  /** Called after each parsed chunk with the rows read so far and the share of the text read. */
  onProgress?: (rowsRead: number, fraction: number) => void;
  /** Adds the time spent turning rows into records (onBatch included), ms: the rest is parsing. */
  timings?: { mapMs: number };
}

export interface CsvImportSummary {
  records: number;
  errors: ImportError[];
  cancelled: boolean;
  /** Rows left out on the skipBrokenRows choice, in file order (at most IMPORT_LIMITS.maxErrors listed). */
  skippedRows: SkippedRow[];
  skippedCount: number;
  /** Date cells kept verbatim but not (fully) read (at most IMPORT_LIMITS.maxErrors listed). */
  dateReviews: DateReview[];
  dateReviewCount: number;
}

export function importDelimitedText(text: string, options: CsvImportOptions): CsvImportSummary {
  const errors = new ErrorList(IMPORT_LIMITS.maxErrors);
  const where = options.file === undefined ? {} : { file: options.file };
  const context = {
    ...where,
    ...(options.collection === undefined ? {} : { collection: options.collection }),
    ...(options.importedAt === undefined ? {} : { importedAt: options.importedAt }),
  };
  const seen = new Map<string, number>();
  const batchSize = options.batchSize ?? 2000;
  const skippedRows: SkippedRow[] = [];
  let skippedCount = 0;
  const dateReviews: DateReview[] = [];
  let dateReviewCount = 0;
  let pending: PersonRecord[] = [];
  let plan: RowPlan | null = null;
  let records = 0;
  let rowsRead = 0;

  const flush = () => {
    // After the first error nothing more is handed on: the import will be aborted anyway.
    if (pending.length > 0 && errors.count === 0) options.onBatch(pending);
    pending = [];
  };

  const summary = parseDelimited(text, {
    delimiter: options.delimiter,
    header: options.header,
    errors,
    ...where,
    ...(options.skipBrokenRows === true
      ? {
          onSkippedRow: (skipped: SkippedRow) => {
            skippedCount += 1;
            if (skippedRows.length < IMPORT_LIMITS.maxErrors) skippedRows.push(skipped);
          },
        }
      : {}),
    onChunk: (fraction) => options.onProgress?.(rowsRead, fraction),
    onRows: (rows, columns) => {
      const began = options.timings ? performance.now() : 0;
      try {
        return mapRows(rows, columns);
      } finally {
        if (options.timings) options.timings.mapMs += performance.now() - began;
      }
    },
  });
  // A function of its own so its time can be told apart from the parser's.
  function mapRows(
    rows: readonly { row: number; cells: string[] }[],
    columns: readonly string[],
  ): false | undefined {
    if (plan === null) {
      const problems = checkMapping(options.mapping, columns);
      if (problems.length > 0) {
        for (const e of problems) errors.add({ ...where, row: 1, ...e });
        return false;
      }
      plan = compileMapping(options.mapping, columns);
    }
    for (const { row, cells } of rows) {
      rowsRead += 1;
      const result = rowToPerson(cells, plan, { row, ...context });
      if (!result.ok) {
        for (const e of result.errors) errors.add(e);
        continue;
      }
      for (const review of result.reviews) {
        dateReviewCount += 1;
        if (dateReviews.length < IMPORT_LIMITS.maxErrors) dateReviews.push(review);
      }
      const earlier = seen.get(result.record.id);
      if (earlier !== undefined) {
        errors.add({
          ...where,
          row,
          ...(options.mapping.id === undefined ? {} : { column: options.mapping.id }),
          code: 'duplicate-id',
          params: { id: result.record.id, earlier },
          reason:
            `duplicate record id "${result.record.id}" (same as row ${earlier})` +
            (options.mapping.id === undefined
              ? '; the two rows have identical identifying fields: map an id column to tell them apart'
              : ''),
        });
        continue;
      }
      seen.set(result.record.id, row);
      records += 1;
      if (records > IMPORT_LIMITS.maxRecords) {
        errors.add({
          ...where,
          row,
          code: 'too-many-records',
          params: { max: IMPORT_LIMITS.maxRecords },
          reason: `more than ${IMPORT_LIMITS.maxRecords} records`,
        });
        return false;
      }
      pending.push(result.record);
      if (pending.length >= batchSize) flush();
    }
    return undefined;
  }
  if (!summary.cancelled || errors.count > 0) flush();
  if (summary.rows === 0 && errors.count === 0) {
    errors.add({ ...where, code: 'no-data-rows', reason: 'the file has no data rows' });
  }
  const cancelled = summary.cancelled && errors.count === 0;
  return {
    records,
    errors: errors.list(),
    cancelled,
    skippedRows,
    skippedCount,
    dateReviews,
    dateReviewCount,
  };
}
