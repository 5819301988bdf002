/**
 * Photographs and scans: what a stored photo is, how it is addressed and served. Pure, shared by the
 * main process (store, import, serving) and the renderer (items, viewer).
 *
 * An original is stored once under the sha256 of its bytes; a multi-page TIFF is one original with
 * several pages, and every page is a photo of its own (`{ sha256, page }`).
 */

/** A sha256 as lowercase hex: the only form accepted in a URL or a request (no path can escape). */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export const isSha256 = (value: string): boolean => SHA256_PATTERN.test(value);

/** The media types a photo may have, found from its first bytes (never from its file name). */
/** A PDF is stored as the original of its pages, each rendered as a photo (like a multi-page TIFF). */
export const PHOTO_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
  'application/pdf',
] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** The copies served for a photo: the stored bytes, a browser-decodable copy and a small thumbnail. */
export const PHOTO_VARIANTS = ['original', 'display', 'thumb'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

/** The route both transports answer: `/photos/<sha256>/<variant>` (`?page=n` for a page after the first). */
export const PHOTOS_PATH_PREFIX = '/photos/';

/** Long side of the thumbnail, in pixels. */
export const THUMB_SIZE = 256;
/** Long side of the display copy at most, in pixels: larger originals are scaled down for it. */
export const DISPLAY_MAX_SIZE = 4096;

/** The address of one variant of a photo, relative to the app's origin. */
export function photoUrl(sha256: string, variant: PhotoVariant, page = 0): string {
  const base = `${PHOTOS_PATH_PREFIX}${sha256}/${variant}`;
  return page > 0 && variant !== 'original' ? `${base}?page=${page}` : base;
}

/** What the store knows about one original (its JSON sidecar). */
export interface PhotoRecord {
  sha256: string;
  /** The file's name when it was first imported (a zip entry's path inside the zip). */
  fileName: string;
  mediaType: PhotoMediaType;
  byteSize: number;
  /** Pixel size of the first page. */
  width: number;
  height: number;
  /** 1 for everything but a multi-page TIFF. */
  pageCount: number;
  /**
   * When the photo was taken, from EXIF DateTimeOriginal (or CreateDate), as the camera wrote it:
   * `YYYY-MM-DDTHH:MM:SS` without a time zone (EXIF does not record one). Absent when unknown.
   */
  capturedAt?: string;
}

/** One photo as an item lists it: an original and a page of it. */
export interface PhotoRef {
  sha256: string;
  page: number;
}
