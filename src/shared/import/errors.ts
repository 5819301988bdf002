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
  reason: string;
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
      ? [...this.errors, { reason: `…and ${this.dropped} more errors not listed` }]
      : this.errors;
  }
}
