/**
 * Where the renderer gets the CSL styles and locales: from the build. Each file in resources/csl is
 * imported as text (`?raw`) in its own lazily loaded chunk, so the app formats references offline, with
 * no IPC round trip and nothing on the startup path; only the chosen style and locale are ever loaded.
 * (Serving them over a channel from the main process would work too, but would add a handler, a
 * dependency on the resources path and a round trip for data that never changes at run time.)
 */
import type { CitationFormatter } from '@shared/citations/formatter';
import { DEFAULT_LOCALE_ID, type CitationStyleId, type CslLocaleId } from '@shared/citations/styles';

type Loader = () => Promise<{ default: string }>;

const STYLE_LOADERS: Record<CitationStyleId, Loader> = {
  'chicago-author-date': () => import('../../../../resources/csl/chicago-author-date.csl?raw'),
  'chicago-notes-bibliography': () => import('../../../../resources/csl/chicago-notes-bibliography.csl?raw'),
  apa: () => import('../../../../resources/csl/apa.csl?raw'),
  'modern-language-association': () =>
    import('../../../../resources/csl/modern-language-association.csl?raw'),
};

const LOCALE_LOADERS: Record<CslLocaleId, Loader> = {
  'en-US': () => import('../../../../resources/csl/locales-en-US.xml?raw'),
  'lt-LT': () => import('../../../../resources/csl/locales-lt-LT.xml?raw'),
  'ru-RU': () => import('../../../../resources/csl/locales-ru-RU.xml?raw'),
  'pl-PL': () => import('../../../../resources/csl/locales-pl-PL.xml?raw'),
};

/**
 * A module cache, not session state: a formatter is built from files of the build that never change
 * while the app runs, so every window and test may share it (and citeproc is costly to set up twice).
 */
const loaded = new Map<string, Promise<CitationFormatter>>();

/**
 * A formatter able to use the given style and locale. citation-js and citeproc (≈ 1 MB) load on first
 * use, not at startup. citeproc always needs en-US for the terms other locales lack.
 */
export function loadCitationFormatter(
  style: CitationStyleId,
  locale: CslLocaleId,
): Promise<CitationFormatter> {
  const key = `${style}|${locale}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = Promise.all([
      import('@shared/citations/formatter'),
      STYLE_LOADERS[style](),
      LOCALE_LOADERS[DEFAULT_LOCALE_ID](),
      LOCALE_LOADERS[locale](),
    ]).then(([module, styleXml, defaultLocaleXml, localeXml]) =>
      module.createCitationFormatter({
        styles: { [style]: styleXml.default },
        locales: { [DEFAULT_LOCALE_ID]: defaultLocaleXml.default, [locale]: localeXml.default },
      }),
    );
    // A failed load is not kept, so trying again really tries again.
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

/** The export module (citation-js with its BibTeX and RIS plugins), loaded when the reader exports. */
export const loadExporter = () => import('@shared/citations/export');
