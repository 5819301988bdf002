/**
 * The citation styles and CSL locales the app bundles (unmodified copies in resources/csl). Pure data:
 * the renderer loads each file's XML on demand and hands it to the formatter.
 */

interface CitationStyle {
  id: string;
  /** File name in resources/csl. */
  file: string;
  /**
   * How the style cites in running text: "in-text" styles cite in parentheses, "note" styles in a
   * footnote. The cite dialog labels the citation accordingly.
   */
  citationForm: 'in-text' | 'note';
}

export const CITATION_STYLES = [
  { id: 'chicago-author-date', file: 'chicago-author-date.csl', citationForm: 'in-text' },
  { id: 'chicago-notes-bibliography', file: 'chicago-notes-bibliography.csl', citationForm: 'note' },
  { id: 'apa', file: 'apa.csl', citationForm: 'in-text' },
  { id: 'modern-language-association', file: 'modern-language-association.csl', citationForm: 'in-text' },
] as const satisfies readonly CitationStyle[];

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

export const DEFAULT_STYLE_ID: CitationStyleId = 'chicago-author-date';

export const CSL_LOCALES = [
  { id: 'en-US', file: 'locales-en-US.xml' },
  { id: 'lt-LT', file: 'locales-lt-LT.xml' },
  { id: 'ru-RU', file: 'locales-ru-RU.xml' },
  { id: 'pl-PL', file: 'locales-pl-PL.xml' },
] as const;

export type CslLocaleId = (typeof CSL_LOCALES)[number]['id'];

/** citeproc falls back to this locale for any term a style's locale lacks, so it is always loaded. */
export const DEFAULT_LOCALE_ID: CslLocaleId = 'en-US';

export function isCitationStyleId(value: unknown): value is CitationStyleId {
  return CITATION_STYLES.some((style) => style.id === value);
}

export function isCslLocaleId(value: unknown): value is CslLocaleId {
  return CSL_LOCALES.some((locale) => locale.id === value);
}

export function citationStyle(id: CitationStyleId): CitationStyle {
  // The id type guarantees a match.
  return CITATION_STYLES.find((style) => style.id === id) as CitationStyle;
}
