/**
 * The OCR languages the app bundles data for (resources/tessdata, vendored by scripts/vendor-tessdata.ts):
 * the languages of our sources. Codes are Tesseract's (ISO 639-2/T), which is how the data files are named.
 */
export const OCR_LANGUAGES = ['lit', 'rus', 'pol', 'deu', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

const BY_TAG: Readonly<Record<string, OcrLanguage>> = {
  lt: 'lit',
  ru: 'rus',
  pl: 'pol',
  de: 'deu',
  en: 'eng',
};

export const isOcrLanguage = (value: string): value is OcrLanguage =>
  (OCR_LANGUAGES as readonly string[]).includes(value);

/** The OCR language for a BCP 47 tag ("lt", "ru-RU"), or null when no data is bundled for it. */
export function ocrLanguageForTag(tag: string): OcrLanguage | null {
  return BY_TAG[tag.toLowerCase().split(/[-_]/)[0] ?? ''] ?? null;
}

/** Why a set of OCR languages cannot be used; the UI words it from the code (the message is for logs). */
export interface OcrLanguageProblem {
  code: 'no-language' | 'no-data';
  /** The languages without bundled data (for 'no-data'). */
  languages: string[];
  message: string;
}

/**
 * The languages to load, deduplicated in the caller's order (Tesseract weighs the first highest), or
 * what is wrong: an OCR run needs at least one language and only bundled ones exist offline.
 */
export function checkOcrLanguages(
  languages: readonly string[],
): { ok: true; value: OcrLanguage[] } | ({ ok: false } & OcrLanguageProblem) {
  if (languages.length === 0)
    return { ok: false, code: 'no-language', languages: [], message: 'No OCR language was chosen.' };
  const unknown = languages.filter((language) => !isOcrLanguage(language));
  if (unknown.length > 0) {
    return {
      ok: false,
      code: 'no-data',
      languages: unknown,
      message: `No OCR data is bundled for ${unknown.join(', ')} (available: ${OCR_LANGUAGES.join(', ')}).`,
    };
  }
  return { ok: true, value: [...new Set(languages as OcrLanguage[])] };
}
