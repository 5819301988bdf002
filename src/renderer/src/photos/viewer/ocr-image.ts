/**
 * The picture OCR reads for a region: the region's bounding box cut out of the photo's display copy
 * (the original may be a TIFF the browser cannot decode), with everything outside a polygon painted
 * white so text beside the region is not read into it. Boxes read on the crop map back to the
 * original's pixels with `offset` and `scale` (see wordsToOriginal).
 */
import { regionBounds, type RegionGeometry } from '@shared/notes/region';

export interface CropBox {
  /** In pixels of the display copy. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a display copy (`imageWidth` × `imageHeight`) holding a region drawn in the original's
 * pixels, `scale` original pixels per copy pixel; the whole copy when there is no region.
 */
export function cropBox(
  geometry: RegionGeometry | null,
  imageWidth: number,
  imageHeight: number,
  scale: number,
): CropBox {
  if (!geometry) return { x: 0, y: 0, width: imageWidth, height: imageHeight };
  const bounds = regionBounds(geometry);
  const x = Math.max(0, Math.floor(bounds.x / scale));
  const y = Math.max(0, Math.floor(bounds.y / scale));
  const right = Math.min(imageWidth, Math.ceil((bounds.x + bounds.width) / scale));
  const bottom = Math.min(imageHeight, Math.ceil((bounds.y + bounds.height) / scale));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

export interface OcrCrop {
  canvas: HTMLCanvasElement;
  /** Where the crop starts on the display copy. */
  offset: { x: number; y: number };
  /** Original pixels per display-copy pixel. */
  scale: number;
}

export async function cropForOcr(
  url: string,
  geometry: RegionGeometry | null,
  originalWidth: number,
  signal: AbortSignal,
): Promise<OcrCrop> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`the photo's display copy could not be read (HTTP ${response.status})`);
  const bitmap = await createImageBitmap(await response.blob());
  try {
    const scale = originalWidth / bitmap.width;
    const box = cropBox(geometry, bitmap.width, bitmap.height, scale);
    const canvas = document.createElement('canvas');
    canvas.width = box.width;
    canvas.height = box.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this window cannot draw the photo for OCR');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, box.width, box.height);
    if (geometry?.shape === 'polygon') {
      context.beginPath();
      geometry.points.forEach(([px, py], index) => {
        const [cx, cy] = [px / scale - box.x, py / scale - box.y];
        if (index === 0) context.moveTo(cx, cy);
        else context.lineTo(cx, cy);
      });
      context.closePath();
      context.clip();
    }
    context.drawImage(bitmap, -box.x, -box.y);
    return { canvas, offset: { x: box.x, y: box.y }, scale };
  } finally {
    bitmap.close();
  }
}
