/**
 * The ways OCR can fail before or instead of reading a page, each with a code the UI words in en/lt
 * (the English message is for logs and developers).
 */
import type { OcrLanguageProblem } from '@shared/ocr/languages';

/** Thrown before anything starts when the languages cannot be used; `code` lets the UI word it. */
export class OcrLanguageError extends Error {
  readonly code: OcrLanguageProblem['code'];
  readonly languages: string[];
  constructor({ code, languages, message }: OcrLanguageProblem) {
    super(message);
    this.name = 'OcrLanguageError';
    this.code = code;
    this.languages = languages;
  }
}

/** Thrown when the caller's signal aborted the job (name "AbortError", like fetch). */
export const ocrAbortError = (): DOMException => new DOMException('OCR was cancelled.', 'AbortError');

export type OcrStartProblem = 'webassembly-blocked' | 'start-timed-out';

const START_MESSAGES: Readonly<Record<OcrStartProblem, string>> = {
  'webassembly-blocked':
    "OCR cannot start: this window may not run WebAssembly (its Content Security Policy lacks 'wasm-unsafe-eval').",
  'start-timed-out': 'OCR did not start in time: its engine or language data did not load.',
};

/** The engine could not be started; nothing was read. */
export class OcrStartError extends Error {
  readonly code: OcrStartProblem;
  constructor(code: OcrStartProblem) {
    super(START_MESSAGES[code]);
    this.name = 'OcrStartError';
    this.code = code;
  }
}

/** The smallest valid WebAssembly module: the magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** False when the CSP (or the browser) refuses to compile WebAssembly. */
export async function canCompileWebAssembly(): Promise<boolean> {
  try {
    await WebAssembly.compile(EMPTY_MODULE);
    return true;
  } catch {
    return false;
  }
}
