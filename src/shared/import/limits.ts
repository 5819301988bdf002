/**
 * Size caps for imports. Every parser checks them before doing work, so a hostile or mistaken file
 * (50 MB of random bytes, a zip bomb) fails at once with a clear message instead of exhausting memory.
 */
export const IMPORT_LIMITS = {
  /** Largest source file read, in bytes (a 200,000-row registry CSV is about 30 MB). */
  maxFileBytes: 256 * 1024 * 1024,
  /** Most records in one collection. */
  maxRecords: 2_000_000,
  /** Most cells in one row, and most characters in one cell: beyond these the file is not a registry. */
  maxColumns: 200,
  maxCellChars: 20_000,
  /** Zip packages: most entries, and most bytes once every entry is uncompressed. */
  maxZipEntries: 10_000,
  maxZipUncompressedBytes: 512 * 1024 * 1024,
  /** Stop collecting errors after this many (the last one says how many more there were). */
  maxErrors: 200,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toFixed(1)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${n} bytes`;
