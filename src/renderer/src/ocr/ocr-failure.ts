/**
 * What went wrong with an OCR run, as an i18n key under `ocr.error` and its values, so every failure
 * the engine can report is worded in the user's language (the errors' English messages are for logs).
 */
import { OcrLanguageError, OcrStartError } from './ocr-errors';

export interface OcrFailure {
  /** Key under `ocr.error`; null when the user cancelled (nothing to report as an error). */
  key: 'noLanguage' | 'noData' | 'webassemblyBlocked' | 'startTimedOut' | 'failed' | null;
  values: Record<string, string>;
}

export function describeOcrFailure(error: unknown): OcrFailure {
  if (error instanceof OcrLanguageError) {
    return error.code === 'no-language'
      ? { key: 'noLanguage', values: {} }
      : { key: 'noData', values: { languages: error.languages.join(', ') } };
  }
  if (error instanceof OcrStartError) {
    return { key: error.code === 'webassembly-blocked' ? 'webassemblyBlocked' : 'startTimedOut', values: {} };
  }
  if (error instanceof DOMException && error.name === 'AbortError') return { key: null, values: {} };
  return { key: 'failed', values: { reason: error instanceof Error ? error.message : String(error) } };
}
