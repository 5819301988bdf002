import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAssetFiles, ocrAssetUrls } from '@shared/ocr/assets';

const root = resolve(import.meta.dirname, '../../..');

describe('OCR assets', () => {
  it('name files that exist: the worker, SIMD and plain LSTM cores, and every bundled model', () => {
    const files = ocrAssetFiles();
    for (const { from } of files) expect(existsSync(resolve(root, from)), from).toBe(true);
    expect(files.map(({ to }) => to)).toEqual([
      'ocr/worker.min.js',
      'ocr/core/tesseract-core-relaxedsimd-lstm.wasm.js',
      'ocr/core/tesseract-core-simd-lstm.wasm.js',
      'ocr/core/tesseract-core-lstm.wasm.js',
      'ocr/tessdata/lit.traineddata',
      'ocr/tessdata/rus.traineddata',
      'ocr/tessdata/pol.traineddata',
      'ocr/tessdata/deu.traineddata',
      'ocr/tessdata/eng.traineddata',
    ]);
  });

  it('are addressed under the app origin, whichever transport serves it', () => {
    expect(ocrAssetUrls('app://atmintis/index.html#/photos')).toEqual({
      workerPath: 'app://atmintis/ocr/worker.min.js',
      corePath: 'app://atmintis/ocr/core',
      langPath: 'app://atmintis/ocr/tessdata',
    });
    expect(ocrAssetUrls('http://127.0.0.1:5199/').langPath).toBe('http://127.0.0.1:5199/ocr/tessdata');
  });
});
