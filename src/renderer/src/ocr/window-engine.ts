/**
 * The window's one OCR engine, started on first use: the tesseract.js worker and its language data
 * are tens of megabytes, so they load only when someone asks for text, and stay loaded for the next page.
 */
import { createOcrEngine, type OcrEngine } from './ocr-engine';

let engine: OcrEngine | null = null;

export function windowOcrEngine(): OcrEngine {
  engine ??= createOcrEngine();
  return engine;
}
