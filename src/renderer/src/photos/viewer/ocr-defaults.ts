/**
 * Defaults for OCR in the viewer: the languages an item's Language field names, and the region that
 * stands for a whole photo page (a whole page's text is kept as a region covering the photo, so it is a
 * note like any other: backed up, exported, synced and searched).
 */
import { parseRegionSelector, regionSelector, type RegionSelector } from '@shared/notes/region';
import { isOcrLanguage, ocrLanguageForTag, type OcrLanguage } from '@shared/ocr/languages';

/** Our sources are mostly Lithuanian: the language to read with when the item names none we have. */
const FALLBACK: OcrLanguage = 'lit';

/** The OCR languages for an item's Language field ("lt", "lt, ru", "rus"), in the order written. */
export function defaultOcrLanguages(itemLanguage: string | undefined): OcrLanguage[] {
  const found = (itemLanguage ?? '')
    .split(/[\s,;/+]+/)
    .filter(Boolean)
    .map((tag) =>
      isOcrLanguage(tag.toLowerCase()) ? (tag.toLowerCase() as OcrLanguage) : ocrLanguageForTag(tag),
    )
    .filter((language): language is OcrLanguage => language !== null);
  return found.length > 0 ? [...new Set(found)] : [FALLBACK];
}

export const wholePageSelector = (width: number, height: number): RegionSelector =>
  regionSelector({ shape: 'rectangle', x: 0, y: 0, width, height });

/** Whether a region covers the whole photo (to the pixel, as the whole-page button draws it). */
export function isWholePage(selector: RegionSelector, width: number, height: number): boolean {
  const parsed = parseRegionSelector(selector);
  if (!parsed.ok || parsed.geometry.shape !== 'rectangle') return false;
  const { x, y, width: w, height: h } = parsed.geometry;
  return x < 1 && y < 1 && x + w >= width - 1 && y + h >= height - 1;
}
