/**
 * Reading a photo with sharp (libvips, off the JS thread): its header first — size, pages, the
 * limits — and only then, if it passes, decoding it into the display copy and the thumbnail.
 */
import exifr from 'exifr';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { DISPLAY_MAX_SIZE, THUMB_SIZE } from '@shared/photos/model';
import { MAX_PAGES, MAX_PIXELS } from './limits';

// Every photo is decoded once, so libvips' operation cache only holds memory (up to 50 MB and 20
// open files by default) that no later call reuses.
sharp.cache(false);

export interface PhotoHeader {
  width: number;
  height: number;
  pageCount: number;
}

/** A file that is refused, with the reason in words (the caller adds the file's name). */
export class PhotoRefusal extends Error {
  override name = 'PhotoRefusal';
}

const megapixels = (pixels: number): string => `${Math.round(pixels / 1e6).toLocaleString('en')} MP`;

/**
 * The header's size and page count, refusing a file that declares more pixels or pages than the
 * limits. sharp's metadata() reads the header only: nothing is decoded here.
 */
export async function readPhotoHeader(path: string): Promise<PhotoHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new PhotoRefusal(`cannot be read as an image (${(error as Error).message})`);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new PhotoRefusal('declares no pixel size');
  if (width * height > MAX_PIXELS) {
    throw new PhotoRefusal(
      `declares ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels ` +
        `(${megapixels(width * height)}), more than the ${megapixels(MAX_PIXELS)} limit; ` +
        'it was not decoded',
    );
  }
  const pageCount = meta.pages ?? 1;
  if (pageCount > MAX_PAGES) {
    throw new PhotoRefusal(
      `has ${pageCount.toLocaleString('en')} pages, more than the ${MAX_PAGES} a file may have; ` +
        'split it into smaller files',
    );
  }
  return { width, height, pageCount };
}

export interface DerivedCopies {
  display: Buffer;
  thumb: Buffer;
}

/**
 * The display copy (long side at most DISPLAY_MAX_SIZE, JPEG) and the thumbnail (THUMB_SIZE, WebP) of
 * one page, turned upright by its EXIF orientation. The display copy is JPEG because encoding 12 MP as
 * WebP took five times as long (8.6 s against 2.0 s a photo on the loaded bench machine) for a copy
 * that is only ever shown; transparency is flattened onto white. The thumbnail is made from the
 * display copy (JPEG shrink-on-load makes that cheap), so the original is decoded once. Truncated or
 * corrupt data fails here (sharp's default `failOn`).
 */
export async function deriveCopies(path: string, page: number): Promise<DerivedCopies> {
  try {
    return await encodeCopies(sharp(path, { page, limitInputPixels: MAX_PIXELS, autoOrient: true }));
  } catch (error) {
    const where = page > 0 ? `page ${page + 1} ` : '';
    throw new PhotoRefusal(`${where}cannot be decoded: ${(error as Error).message}`);
  }
}

/** The display copy and thumbnail of one decoded page (a photo's, or a rendered PDF page's). */
export async function encodeCopies(image: Sharp): Promise<DerivedCopies> {
  const display = await image
    .resize(DISPLAY_MAX_SIZE, DISPLAY_MAX_SIZE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 88 })
    .toBuffer();
  const thumb = await sharp(display)
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { display, thumb };
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

/**
 * EXIF DateTimeOriginal (else CreateDate) as `YYYY-MM-DDTHH:MM:SS`, as the camera wrote it: EXIF has no
 * time zone, so the value is not turned into a Date (that would shift it by this machine's zone).
 */
export async function readCaptureTime(path: string): Promise<string | undefined> {
  try {
    const tags = (await exifr.parse(path, {
      pick: ['DateTimeOriginal', 'CreateDate'],
      reviveValues: false,
    })) as { DateTimeOriginal?: unknown; CreateDate?: unknown } | undefined;
    for (const value of [tags?.DateTimeOriginal, tags?.CreateDate]) {
      const match = typeof value === 'string' ? EXIF_DATE.exec(value) : null;
      if (match) return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`;
    }
  } catch {
    // No EXIF, or EXIF that cannot be read: the photo is still a photo, ordered by name instead.
  }
  return undefined;
}
