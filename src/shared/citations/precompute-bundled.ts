/**
 * The build's side of precomputed bibliographies (see precomputed.ts): from the bundled collections'
 * bibliography.json texts and the bundled CSL files, the lists a reader sees on first opening
 * Bibliography. Pure: electron.vite.config.ts reads the files and emits the result as an asset.
 */
import { BIBLIOGRAPHY_FILE } from '../collection/package-paths';
import { readBibliography } from '../collection/validation/bibliography';
import { ErrorSink } from '../collection/validation/error-sink';
import { createCitationFormatter, type FormatOptions } from './formatter';
import { precomputeBibliographies, type PrecomputedFile } from './precomputed';
import { DEFAULT_LOCALE_ID, DEFAULT_STYLE_ID, type CitationStyleId, type CslLocaleId } from './styles';

/**
 * What a first opening shows: the default style, in the default reference language (en-US, whatever
 * the interface language: preferences.ts) and in Lithuanian (lt-LT, the reference language a reader of
 * the Lithuanian interface is most likely to choose). Every other style and locale is the worker's.
 */
export const PRECOMPUTED_OPTIONS: readonly FormatOptions[] = [
  { style: DEFAULT_STYLE_ID, locale: DEFAULT_LOCALE_ID },
  { style: DEFAULT_STYLE_ID, locale: 'lt-LT' },
];

export interface BundledCslFiles {
  styles: Partial<Record<CitationStyleId, string>>;
  locales: Partial<Record<CslLocaleId, string>>;
}

/**
 * `bibliographies`: each bundled collection's bibliography.json text. A file the collection loader
 * would reject is left out (that collection is never shown, so nothing is lost), never half-formatted.
 */
export function precomputeBundled(bibliographies: readonly string[], csl: BundledCslFiles): PrecomputedFile {
  const lists = bibliographies.flatMap((text) => {
    const sink = new ErrorSink(1);
    const { items } = readBibliography(new Map([[BIBLIOGRAPHY_FILE, text]]), sink);
    return sink.count === 0 ? [items] : [];
  });
  return precomputeBibliographies(createCitationFormatter(csl), lists, PRECOMPUTED_OPTIONS);
}
