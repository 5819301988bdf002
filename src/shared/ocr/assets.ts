/**
 * Where the OCR engine's files live in the built renderer (out/renderer/ocr/…) and where the build copies
 * them from. One list for both sides: electron.vite.config.ts copies exactly these, and the renderer's
 * OCR module points tesseract.js at exactly these, so nothing is ever fetched from a CDN.
 */
import { OCR_LANGUAGES } from './languages';

/** Folder of the OCR files, relative to the renderer's index.html. */
export const OCR_ASSET_DIR = 'ocr';

/**
 * The tesseract.js-core builds tesseract.js may pick (by the browser's WebAssembly features) for an
 * LSTM-only engine: relaxed SIMD, SIMD, and plain. The bundled tessdata_fast models are LSTM-only, so the
 * larger builds with the legacy engine are not needed. Each `.wasm.js` embeds its WebAssembly.
 */
export const OCR_CORE_FILES = [
  'tesseract-core-relaxedsimd-lstm.wasm.js',
  'tesseract-core-simd-lstm.wasm.js',
  'tesseract-core-lstm.wasm.js',
] as const;

export interface OcrAssetFile {
  /** Relative to the project root. */
  from: string;
  /** Relative to the built renderer's root. */
  to: string;
}

export function ocrAssetFiles(): OcrAssetFile[] {
  return [
    { from: 'node_modules/tesseract.js/dist/worker.min.js', to: `${OCR_ASSET_DIR}/worker.min.js` },
    ...OCR_CORE_FILES.map((file) => ({
      from: `node_modules/tesseract.js-core/${file}`,
      to: `${OCR_ASSET_DIR}/core/${file}`,
    })),
    ...OCR_LANGUAGES.map((language) => ({
      from: `resources/tessdata/${language}.traineddata`,
      to: `${OCR_ASSET_DIR}/tessdata/${language}.traineddata`,
    })),
  ];
}

/** The absolute URLs tesseract.js needs, under the document's base URL (app://atmintis/ or loopback). */
export function ocrAssetUrls(baseUrl: string): { workerPath: string; corePath: string; langPath: string } {
  const root = new URL(`${OCR_ASSET_DIR}/`, baseUrl);
  return {
    workerPath: new URL('worker.min.js', root).href,
    // A folder, not a file: tesseract.js then picks the fastest core the browser supports.
    corePath: new URL('core', root).href,
    langPath: new URL('tessdata', root).href,
  };
}
