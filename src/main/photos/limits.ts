/**
 * The limits that keep a hostile or broken file from exhausting memory or time. Each is checked
 * before the work it bounds: sizes and pixel counts from the header, before anything is decoded.
 */

/** Largest original accepted, in bytes (a 100 MP uncompressed 16-bit TIFF is about 600 MB). */
export const MAX_PHOTO_BYTES = 1024 * 1024 * 1024;
/**
 * Most pixels one page may declare: 250 MP covers a 100 MP medium-format scan with room to spare. A
 * decompression bomb (a PNG declaring 50,000 × 50,000 = 2,500 MP in a few KB) is refused from its
 * header; sharp's `limitInputPixels` enforces the same limit again while decoding.
 */
export const MAX_PIXELS = 250_000_000;
/** Most pages in one TIFF: a scanned file of a few hundred sheets fits; thousands means split it. */
export const MAX_PAGES = 500;
/** Most files in one import (a folder walked recursively or a zip). */
export const MAX_FILES = 10_000;
/** A zip is unpacked in memory with these limits (src/shared/zip/safe-unzip.ts). */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Folder depth walked below the chosen folder. */
export const MAX_FOLDER_DEPTH = 8;
