/**
 * The whole CSV/TSV import as one pure function: decode → parse in chunks → map rows to person records
 * → check ids are unique, handing records on in batches. All-or-nothing is the caller's part: it must
 * commit only when `errors` comes back empty.
 */
import type { PersonRecord } from '../collection/schema';
import { parseDelimited, type DelimitedLayout } from './delimited';
import { ErrorList, type ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';
import { checkMapping, rowToPerson, type ColumnMapping } from './mapping';

export interface CsvImportOptions extends DelimitedLayout {
  mapping: ColumnMapping;
  file?: string;
  /** Records per batch handed to onBatch. Default 2,000. */
  batchSize?: number;
  onBatch: (records: PersonRecord[]) => void;
  /** Called after each parsed chunk with the rows read so far and the share of the text read. */
  onProgress?: (rowsRead: number, fraction: number) => void;
}

export interface CsvImportSummary {
  records: number;
  errors: ImportError[];
  cancelled: boolean;
}

export function importDelimitedText(text: string, options: CsvImportOptions): CsvImportSummary {
  const errors = new ErrorList(IMPORT_LIMITS.maxErrors);
  const where = options.file === undefined ? {} : { file: options.file };
  const seen = new Map<string, number>();
  const batchSize = options.batchSize ?? 2000;
  let pending: PersonRecord[] = [];
  let columnIndex: Map<string, number> | null = null;
  let mappingChecked = false;
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
    onChunk: (fraction) => options.onProgress?.(rowsRead, fraction),
    onRows: (rows, columns) => {
      if (!mappingChecked) {
        mappingChecked = true;
        columnIndex = new Map(columns.map((c, i) => [c, i]));
        const missing = checkMapping(options.mapping, columns);
        if (missing.length > 0) {
          for (const e of missing) errors.add({ ...where, row: 1, ...e });
          return false;
        }
      }
      for (const { row, cells } of rows) {
        rowsRead += 1;
        const result = rowToPerson(cells, columnIndex as Map<string, number>, options.mapping, {
          row,
          ...where,
        });
        if (!result.ok) {
          for (const e of result.errors) errors.add(e);
          continue;
        }
        const earlier = seen.get(result.record.id);
        if (earlier !== undefined) {
          errors.add({
            ...where,
            row,
            ...(options.mapping.id === undefined ? {} : { column: options.mapping.id }),
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
          errors.add({ ...where, row, reason: `more than ${IMPORT_LIMITS.maxRecords} records` });
          return false;
        }
        pending.push(result.record);
        if (pending.length >= batchSize) flush();
      }
      return undefined;
    },
  });
  if (!summary.cancelled || errors.count > 0) flush();
  if (summary.rows === 0 && errors.count === 0) {
    errors.add({ ...where, reason: 'the file has no data rows' });
  }
  const cancelled = summary.cancelled && errors.count === 0;
  return { records, errors: errors.list(), cancelled };
}
