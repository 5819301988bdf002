/**
 * Formats references and citations with a real CSL processor: citeproc-js, driven through citation-js's
 * CSL plugin. Pure (no Node, no DOM): the caller supplies the style and locale XML, so the renderer can
 * load them from the bundle and tests from resources/csl.
 *
 * citeproc-js is used directly (through the plugin's engine factory) rather than through
 * `Cite#format('bibliography')`, because that helper pairs entries with ids by position, which goes
 * wrong when a style leaves an entry out (Chicago notes omits works without a title); citeproc's own
 * `entry_ids` say which entry is which.
 */
import { plugins, type CiteprocEngine } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../collection/schema';
import {
  arrangeBibliography,
  type BibliographyData,
  type FormattedBibliography,
  type FormattedReference,
  type FormattedText,
} from './arrange';
import { indexCiteprocMacros } from './citeproc-macros';
import { citeItemLocator } from './locator';

export type { BibliographyData, FormattedBibliography, FormattedReference, FormattedText };
import { CITATION_STYLES, CSL_LOCALES, type CitationStyleId, type CslLocaleId } from './styles';

export interface CslSources {
  styles: Partial<Record<CitationStyleId, string>>;
  locales: Partial<Record<CslLocaleId, string>>;
}

export interface FormatOptions {
  style: CitationStyleId;
  locale: CslLocaleId;
}

export interface CiteRequest {
  source: CslItem;
  /** The locator as the collection records it ("p. 266"); see citeItemLocator. */
  locator?: string | null;
  /** The work through which the source is known (an `as-cited` claim): cited after it. */
  via?: CslItem;
  /** Text before the `via` work, in the interface language ("cited in "). */
  viaPrefix?: string;
}

export interface CitationFormatter {
  /** References in the style's order; a work the style cannot print (no title, say) may be absent. */
  references(items: readonly CslItem[], options: FormatOptions): FormattedReference[];
  /** The whole list, ready to be shown sorted and filtered in other ways than the style's. */
  bibliography(items: readonly CslItem[], options: FormatOptions): FormattedBibliography;
  /** The whole list as plain data (what a worker sends back); `arrangeBibliography` shows it. */
  bibliographyData(items: readonly CslItem[], options: FormatOptions): BibliographyData;
  /**
   * References with every author written out (never a "———"), each right wherever it is shown: for
   * showing some entries before the whole list is formatted.
   */
  writtenOutReferences(items: readonly CslItem[], options: FormatOptions): FormattedReference[];
  /** The reference of one work, or null when the style prints nothing for it. */
  reference(item: CslItem, options: FormatOptions): FormattedText | null;
  /** An in-text citation (or, in a note style, a first full note) of one work at a locator. */
  citation(request: CiteRequest, options: FormatOptions): FormattedText;
}

/** Suffix of the registered name of a style's variant without subsequent-author-substitute. */
const WRITTEN_OUT = '-written-out';

function cslConfig() {
  const config = plugins.config.get('@csl');
  if (!config) throw new Error('The citation-js CSL plugin did not register its configuration.');
  return config;
}

/**
 * Registers the given styles and locales with citation-js (a process-wide registry) and returns the
 * formatter. Styles and locales may be added by later calls; a call with a style id the registry lacks
 * fails with a clear error instead of citeproc's.
 */
export function createCitationFormatter(
  sources: CslSources,
  /** `indexMacros: false` leaves citeproc's macro lookup as published (the benchmark's "before"). */
  { indexMacros = true }: { indexMacros?: boolean } = {},
): CitationFormatter {
  if (indexMacros) indexCiteprocMacros();
  const config = cslConfig();
  for (const style of CITATION_STYLES) {
    const xml = sources.styles[style.id];
    if (xml !== undefined && !config.styles.has(`atmintis-${style.id}`)) {
      config.styles.add(`atmintis-${style.id}`, xml);
    }
    const writtenOut = xml === undefined ? xml : withoutAuthorSubstitute(xml);
    // The same style with every author written out, for entries shown out of the style's order; only
    // for a style that substitutes (each style costs citeproc a compilation).
    if (
      writtenOut !== undefined &&
      writtenOut !== xml &&
      !config.styles.has(`atmintis-${style.id}${WRITTEN_OUT}`)
    ) {
      config.styles.add(`atmintis-${style.id}${WRITTEN_OUT}`, writtenOut);
    }
  }
  for (const locale of CSL_LOCALES) {
    const xml = sources.locales[locale.id];
    // Always replace: citation-js ships its own (older) en-US, and ours must win.
    if (xml !== undefined) config.locales.add(locale.id, xml);
  }

  // Names are prefixed so a bundled style never collides with one citation-js ships ("apa").
  function engine(
    items: readonly CslItem[],
    options: FormatOptions,
    format: 'html' | 'text',
    variant: '' | typeof WRITTEN_OUT = '',
  ) {
    const name = `atmintis-${options.style}${substitutes(options) ? variant : ''}`;
    if (!config.styles.has(name)) throw new Error(`The citation style "${options.style}" is not loaded.`);
    if (!config.locales.has(options.locale)) {
      throw new Error(`The citation locale "${options.locale}" is not loaded.`);
    }
    // citeproc keeps per-item state: give it plain copies, never the collection's objects.
    return config.engine(structuredClone(items) as object[], name, options.locale, format);
  }

  /** Entries by id, for the items the style prints (citeproc omits an item it cannot render). */
  function makeBibliography(citeproc: CiteprocEngine, style: CitationStyleId): Map<string, string> {
    const made = citeproc.makeBibliography();
    const byId = new Map<string, string>();
    if (!made) return byId;
    const [meta, entries] = made;
    // `entry_ids` still lists the items that rendered nothing (reported as bibliography errors), while
    // the entries leave them out: drop those ids before pairing.
    const unrendered = new Set(meta.bibliography_errors.map((error) => String(error.itemID)));
    const renderedIds = meta.entry_ids.map((ids) => ids[0] ?? '').filter((id) => !unrendered.has(id));
    if (renderedIds.length !== entries.length) {
      throw new Error(
        `The citation style "${style}" returned ${entries.length} entries for ${renderedIds.length} works.`,
      );
    }
    renderedIds.forEach((id, index) => byId.set(id, (entries[index] ?? '').trim()));
    return byId;
  }

  function references(
    items: readonly CslItem[],
    options: FormatOptions,
    variant: '' | typeof WRITTEN_OUT = '',
  ): FormattedReference[] {
    const citeproc = engine(items, options, 'html', variant);
    // Sorting and disambiguation happen here, once; both renderings reuse them.
    citeproc.updateItems(items.map((item) => item.id));
    const html = makeBibliography(citeproc, options.style);
    citeproc.setOutputFormat('text');
    const text = makeBibliography(citeproc, options.style);
    return [...html].map(([id, entry]) => ({ id, html: stripEntryWrapper(entry), text: text.get(id) ?? '' }));
  }

  function citation(request: CiteRequest, options: FormatOptions): FormattedText {
    const items = request.via ? [request.source, request.via] : [request.source];
    const citationItems: Record<string, unknown>[] = [
      { id: request.source.id, ...citeItemLocator(request.locator) },
    ];
    if (request.via) {
      citationItems.push({ id: request.via.id, prefix: request.viaPrefix ?? '' });
    }
    // Unsorted: "cited in" must follow the work it qualifies, whatever the style's sort order.
    const cluster = { citationItems, properties: { noteIndex: 1, unsorted: true } };
    const render = (format: 'html' | 'text') => {
      const [first] = engine(items, options, format).rebuildProcessorState([cluster], format, []);
      if (!first) throw new Error(`The citation style "${options.style}" produced no citation.`);
      return first[2];
    };
    return { html: render('html'), text: render('text') };
  }

  function substitutes(options: FormatOptions): boolean {
    return config.styles.has(`atmintis-${options.style}${WRITTEN_OUT}`);
  }

  function bibliographyData(items: readonly CslItem[], options: FormatOptions): BibliographyData {
    return {
      references: references(items, options),
      writtenOut: substitutes(options) ? references(items, options, WRITTEN_OUT) : null,
    };
  }

  return {
    references: (items, options) => references(items, options),
    bibliography: (items, options) => arrangeBibliography(bibliographyData(items, options), items),
    bibliographyData,
    writtenOutReferences: (items, options) =>
      references(items, options, substitutes(options) ? WRITTEN_OUT : ''),
    reference: (item, options) => references([item], options)[0] ?? null,
    citation,
  };
}

/**
 * The style without `subsequent-author-substitute` (and its rule): an in-memory variant, the bundled file
 * stays as published.
 */
function withoutAuthorSubstitute(styleXml: string): string {
  return styleXml.replace(/\s+subsequent-author-substitute(?:-rule)?="[^"]*"/g, '');
}

/** citeproc wraps each HTML entry in `<div class="csl-entry">…</div>`; the view supplies its own element. */
function stripEntryWrapper(html: string): string {
  const match = /^<div class="csl-entry">([\s\S]*)<\/div>$/.exec(html);
  return match?.[1]?.trim() ?? html;
}
