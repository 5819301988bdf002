/**
 * Where the CSL worker (or the in-page fallback) gets the styles and locales: from the build. Each file
 * in resources/csl is imported as text (`?raw`) in its own lazily loaded chunk, so the app formats
 * references offline, with no network, no IPC round trip and nothing on the startup path; only the
 * chosen style and locale are ever loaded.
 * (Serving them over a channel from the main process would work too, but would add a handler, a
 * dependency on the resources path and a round trip for data that never changes at run time.)
 */
import type { CslSources, FormatOptions } from '@shared/citations/formatter';
import type { CitationStyleId, CslLocaleId } from '@shared/citations/styles';
import { collectSources } from './csl-handler';

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

export function loadBundledCslSources(options: FormatOptions): Promise<CslSources> {
  return collectSources(
    options,
    async (style: CitationStyleId) => (await STYLE_LOADERS[style]()).default,
    async (locale: CslLocaleId) => (await LOCALE_LOADERS[locale]()).default,
  );
}
