import { describe, expect, it } from 'vitest';
import { canCompileWebAssembly, OcrStartError } from '../../../src/renderer/src/ocr/ocr-errors';

describe('OCR errors', () => {
  it('tell whether WebAssembly may run here', async () => {
    expect(await canCompileWebAssembly()).toBe(true);
  });

  it('carry a code for the UI and a message for the logs', () => {
    const error = new OcrStartError('webassembly-blocked');
    expect(error.code).toBe('webassembly-blocked');
    expect(error.message).toContain("'wasm-unsafe-eval'");
  });
});
