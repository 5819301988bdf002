/**
 * Tesseract settings for every page, the same in the app (renderer/src/ocr/ocr-engine.ts) and in the
 * bench and tests (tests/support/ocr-fixtures.ts), so `npm run bench:ocr` measures what users get.
 */
export const OCR_PARAMETERS: Readonly<Record<string, string>> = {
  // Automatic page segmentation (PSM 3): a photo of a sheet has columns, stamps and margins.
  tessedit_pageseg_mode: '3',
  preserve_interword_spaces: '0',
  // Sauvola's local thresholding instead of global Otsu: on grainy, uneven photos of old paper Otsu
  // turns the grain into "text" and layout analysis finds nothing (see docs/ocr.md, the harsh rows).
  thresholding_method: '2',
  // Tesseract's diagnostics ("Estimating resolution as 330") would reach the console as errors.
  debug_file: '/dev/null',
};
