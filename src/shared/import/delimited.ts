/**
 * CSV/TSV parsing with papaparse: delimiter and header detection on a sample, then a chunked parse of
 * the whole text that hands rows to the caller a few thousand at a time (so progress can be reported
 * and the caller can cancel). Pure: no Node, no DOM.
 */
import Papa from 'papaparse';
import type { ErrorList, ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimitedLayout {
  delimiter: Delimiter;
  /** The first row names the columns. */
  header: boolean;
}

export interface DelimitedPreview extends DelimitedLayout {
  /** Column names: the header cells, or "column 1", "column 2"… */
  columns: string[];
  /** The first data rows (after the header). */
  rows: string[][];
}

const SAMPLE_CHARS = 64 * 1024;
const PREVIEW_ROWS = 20;

const isNumeric = (cell: string) => /^\s*[-+]?\d+([.,]\d+)?\s*$/.test(cell);

/** Known column names help decide that row 1 is a header. Lower-case, accents kept. */
const HEADER_WORDS =
  /\b(id|name|names|vardas|pavardė|pavarde|фио|имя|фамилия|born|birth|year|gimimo|metai|год|district|apskritis|уезд|район|operation|operacija|операция|destination|tremties|место|date|data|дата|notes|pastabos|примечание)\b/iu;

/** Row 1 is a header when its cells are all non-empty text and look like names of columns. */
export function looksLikeHeader(first: readonly string[], second: readonly string[] | undefined): boolean {
  if (first.length === 0 || first.some((cell) => cell.trim() === '' || isNumeric(cell))) return false;
  if (new Set(first.map((c) => c.trim().toLowerCase())).size !== first.length) return false;
  if (first.some((cell) => HEADER_WORDS.test(cell))) return true;
  // A column that is numeric below but text in row 1 is a strong hint, too.
  return second !== undefined && second.some((cell, i) => isNumeric(cell) && !isNumeric(first[i] ?? ''));
}

/** Column names; a repeated header gets " (2)", " (3)"… so each column can be mapped on its own. */
export function columnNames(firstRow: readonly string[], header: boolean): string[] {
  const seen = new Map<string, number>();
  return firstRow.map((cell, i) => {
    const name = header ? cell.trim() || `column ${i + 1}` : `column ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** A structurally broken row left out on the user's explicit choice, listed in the result. */
export interface SkippedRow {
  row: number;
  code: 'ragged-row' | 'malformed-quoting' | 'cell-too-long' | 'too-many-columns';
  reason: string;
  /** The row's cells as read (cut to a few hundred characters), so the user can find and fix it. */
  text: string;
}

/** Detect the delimiter and header from the start of the text, and show the first rows. */
export function previewDelimited(text: string, override: Partial<DelimitedLayout> = {}): DelimitedPreview {
  // Cut the sample at a line end so the last sample row is not a fragment.
  let sample = text.slice(0, SAMPLE_CHARS);
  const lastNewline = sample.lastIndexOf('\n');
  if (text.length > SAMPLE_CHARS && lastNewline > 0) sample = sample.slice(0, lastNewline);
  const parsed = Papa.parse<string[]>(sample, {
    delimiter: override.delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    preview: PREVIEW_ROWS + 1,
    skipEmptyLines: true,
  });
  const guessed = parsed.meta.delimiter as Delimiter;
  const delimiter = override.delimiter ?? (DELIMITERS.includes(guessed) ? guessed : ',');
  const rows = parsed.data;
  const header = override.header ?? looksLikeHeader(rows[0] ?? [], rows[1]);
  return {
    delimiter,
    header,
    columns: columnNames(rows[0] ?? [], header),
    rows: (header ? rows.slice(1) : rows).slice(0, PREVIEW_ROWS),
  };
}

export interface ParseDelimitedOptions extends DelimitedLayout {
  file?: string;
  errors: ErrorList;
  /** Receives each batch of well-formed data rows with their 1-based row numbers. Return false to stop. */
  onRows: (rows: { row: number; cells: string[] }[], columns: string[]) => boolean | undefined;
  /** Called after each chunk with the share of the text read (0–1). */
  onChunk?: (fraction: number) => void;
  /** Characters per chunk handed to papaparse. Default 1 MiB. */
  chunkChars?: number;
  /**
   * When given, structurally broken rows (ragged, bad quoting, oversized) are handed here and skipped
   * instead of being errors: the user's explicit "skip and list these rows" choice.
   */
  onSkippedRow?: (skipped: SkippedRow) => void;
}

export interface ParseDelimitedSummary {
  columns: string[];
  /** Data rows read (blank lines skipped). */
  rows: number;
  cancelled: boolean;
}

/**
 * Parse every row. Ragged rows (a different number of cells than the header), unclosed quotes,
 * oversized cells and too many columns are errors with their row number; they are collected (up to
 * the cap) and parsing continues so the user sees all problems at once.
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions): ParseDelimitedSummary {
  const { errors, file } = options;
  const where = file === undefined ? {} : { file };
  let columns: string[] | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  let cancelled = false;

  Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    skipEmptyLines: false,
    chunkSize: options.chunkChars ?? 1024 * 1024,
    // A string input is parsed synchronously, chunk by chunk, before Papa.parse returns.
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      const quoteErrors = new Map<number, string>();
      for (const e of results.errors) if (e.row !== undefined) quoteErrors.set(e.row, e.message);
      const batch: { row: number; cells: string[] }[] = [];
      const broken = (cells: string[], error: ImportError & { code: SkippedRow['code'] }) => {
        if (options.onSkippedRow === undefined) errors.add(error);
        else {
          const raw = cells.join(options.delimiter);
          options.onSkippedRow({
            row: rowNumber,
            code: error.code,
            reason: error.reason,
            text: raw.length > 300 ? `${raw.slice(0, 300)}…` : raw,
          });
        }
      };
      results.data.forEach((cells, index) => {
        rowNumber += 1;
        if (cells.length === 1 && cells[0] === '') return; // blank line
        const quoteError = quoteErrors.get(index);
        if (quoteError !== undefined) {
          broken(cells, {
            ...where,
            row: rowNumber,
            code: 'malformed-quoting',
            params: { message: quoteError },
            reason: `malformed quoting: ${quoteError}`,
          });
          return;
        }
        if (cells.length > IMPORT_LIMITS.maxColumns) {
          broken(cells, {
            ...where,
            row: rowNumber,
            code: 'too-many-columns',
            params: { cells: cells.length, max: IMPORT_LIMITS.maxColumns },
            reason: `${cells.length} cells; at most ${IMPORT_LIMITS.maxColumns} columns are accepted`,
          });
          return;
        }
        if (columns === null) {
          columns = columnNames(cells, options.header);
          if (options.header) return;
        }
        if (cells.length !== columns.length) {
          broken(cells, {
            ...where,
            row: rowNumber,
            code: 'ragged-row',
            params: { cells: cells.length, expected: columns.length },
            reason: `${cells.length} cells but the ${options.header ? 'header has' : 'first row has'} ${columns.length} (ragged row; check the delimiter and quotes)`,
          });
          return;
        }
        const long = cells.findIndex((cell) => cell.length > IMPORT_LIMITS.maxCellChars);
        if (long !== -1) {
          broken(cells, {
            ...where,
            row: rowNumber,
            column: columns[long] ?? `column ${long + 1}`,
            code: 'cell-too-long',
            params: { max: IMPORT_LIMITS.maxCellChars },
            reason: `cell longer than ${IMPORT_LIMITS.maxCellChars} characters`,
          });
          return;
        }
        dataRows += 1;
        batch.push({ row: rowNumber, cells });
      });
      options.onChunk?.(text.length === 0 ? 1 : Math.min(1, results.meta.cursor / text.length));
      if (batch.length > 0 && columns !== null && options.onRows(batch, columns) === false) {
        cancelled = true;
        parser.abort();
      }
      // A file that is all errors is garbage: stop reading once the list is full.
      if (errors.full) parser.abort();
    },
  });
  return { columns: columns ?? [], rows: dataRows, cancelled };
}
