import { describe, expect, it } from 'vitest';
import { checkOcrLanguages, OCR_LANGUAGES, ocrLanguageForTag } from '@shared/ocr/languages';

describe('OCR languages', () => {
  it('are the languages of our sources, as Tesseract names them', () => {
    expect(OCR_LANGUAGES).toEqual(['lit', 'rus', 'pol', 'deu', 'eng']);
  });

  it('map from BCP 47 tags, and to nothing when no data is bundled', () => {
    expect(ocrLanguageForTag('lt')).toBe('lit');
    expect(ocrLanguageForTag('ru-RU')).toBe('rus');
    expect(ocrLanguageForTag('PL')).toBe('pol');
    expect(ocrLanguageForTag('de_AT')).toBe('deu');
    expect(ocrLanguageForTag('en')).toBe('eng');
    expect(ocrLanguageForTag('lv')).toBeNull();
    expect(ocrLanguageForTag('')).toBeNull();
  });

  it('are checked before a run: at least one, only bundled ones, duplicates dropped in order', () => {
    expect(checkOcrLanguages(['rus', 'lit', 'rus'])).toEqual({ ok: true, value: ['rus', 'lit'] });
    expect(checkOcrLanguages([])).toEqual({
      ok: false,
      code: 'no-language',
      languages: [],
      message: 'No OCR language was chosen.',
    });
    expect(checkOcrLanguages(['lit', 'lav', 'ukr'])).toEqual({
      ok: false,
      code: 'no-data',
      languages: ['lav', 'ukr'],
      message: 'No OCR data is bundled for lav, ukr (available: lit, rus, pol, deu, eng).',
    });
  });
});
