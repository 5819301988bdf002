/**
 * Import errors and notes are data: where (file, row, column), a stable `code` with its `params` for the
 * UI to render through i18n (`import.error.<code>` / `import.note.<code>`), and an English `reason` for
 * the CLI and logs.
 */

/** Every kind of import error. The UI has a translation for each (`import.error.<code>`). */
export const IMPORT_ERROR_CODES = [
  'file-too-large',
  'unknown-file-type',
  'empty-file',
  'no-data-rows',
  'binary-file',
  'control-characters',
  'invalid-utf8',
  'malformed-quoting',
  'too-many-columns',
  'ragged-row',
  'cell-too-long',
  'missing-column',
  'no-name-column',
  'empty-name',
  'empty-id',
  'duplicate-id',
  'too-many-records',
  'invalid-record',
  'invalid-json',
  'too-deeply-nested',
  'not-a-collection',
  'invalid-manifest',
  'invalid-zip',
  'zip-path',
  'zip-too-large',
  'invalid-collection',
  'invalid-mapping',
  'no-file',
  'more-errors',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type ImportParams = Record<string, string | number>;

/** Import errors are data: where (file, row, column) and why, so the UI and the CLI can list them. */
export interface ImportError {
  /** Source file name, or a path inside a zip package. */
  file?: string;
  /** 1-based line of the source (the header is row 1 when there is one). */
  row?: number;
  /** Column name (or "column 3" when the file has no header). */
  column?: string;
  /** Byte offset for encoding errors. */
  offset?: number;
  /** What went wrong, for i18n; every error the shared pipeline makes has one. */
  code?: ImportErrorCode;
  /** Values for the translated message (counts, cell text, limits). */
  params?: ImportParams;
  /** The English message (CLI, logs, and the fallback when a code has no translation). */
  reason: string;
}

/** Notes on what was detected (encoding, header, column suggestions), translatable like errors. */
export const IMPORT_NOTE_CODES = [
  'utf8-bom',
  'valid-utf8',
  'cyrillic-runs',
  'accented-latin',
  'chosen-by-you',
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export interface ImportNote {
  code: ImportNoteCode;
  params?: ImportParams;
  /** English text for the CLI. */
  text: string;
}

export function formatImportError(error: ImportError): string {
  const where = [
    error.file,
    error.row === undefined ? undefined : `row ${error.row}`,
    error.column === undefined ? undefined : `column "${error.column}"`,
    error.offset === undefined ? undefined : `byte ${error.offset}`,
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${error.reason}` : error.reason;
}

/** Collects errors up to a cap; past it, only counts, so a file with a million bad rows stays cheap. */
export class ErrorList {
  readonly errors: ImportError[] = [];
  private dropped = 0;
  constructor(private readonly max: number) {}
  add(error: ImportError): void {
    if (this.errors.length < this.max) this.errors.push(error);
    else this.dropped += 1;
  }
  get count(): number {
    return this.errors.length + this.dropped;
  }
  get full(): boolean {
    return this.errors.length >= this.max;
  }
  /** The errors, with a closing line saying how many more were not listed. */
  list(): ImportError[] {
    return this.dropped > 0
      ? [
          ...this.errors,
          {
            code: 'more-errors',
            params: { count: this.dropped },
            reason: `…and ${this.dropped} more errors not listed`,
          },
        ]
      : this.errors;
  }
}
