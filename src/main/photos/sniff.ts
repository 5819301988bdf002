/**
 * What a file really is, from its first bytes: a file named `.jpg` may be anything, and only the
 * formats the store accepts get near the decoder.
 */
import type { PhotoMediaType } from '@shared/photos/model';

/** Bytes needed to recognise every accepted format. */
export const SNIFF_BYTES = 16;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((value, index) => bytes[at + index] === value);

export function sniffMediaType(bytes: Uint8Array): PhotoMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // Classic TIFF, little- and big-endian (BigTIFF is not accepted: libvips reads it, but nothing
  // a camera or a reading-room scanner makes needs it and it widens what the decoder is shown).
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  // "%PDF-": a PDF's pages are imported as photos (pdf-pages.ts).
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** The first bytes as hex, for a refusal that shows what the file starts with. */
export const describeFirstBytes = (bytes: Uint8Array): string =>
  Array.from(bytes.subarray(0, 8), (value) => value.toString(16).padStart(2, '0')).join(' ');

/** File names the import looks at in a folder or a zip; anything else is listed as skipped. */
export const PHOTO_FILE_NAME = /\.(jpe?g|png|tiff?|webp|pdf)$/i;
