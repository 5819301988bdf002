/**
 * What the CSL worker does with a message, as a plain function: csl.worker.ts connects it to
 * postMessage, the in-page fallback (csl-service.ts) calls it directly, and tests run it in Node with
 * the styles read from resources/csl.
 */
import { FIRST_SCREEN_ENTRIES, disambiguationContext } from '@shared/citations/chunks';
import {
  createCitationFormatter,
  type CitationFormatter,
  type CslSources,
  type FormatOptions,
} from '@shared/citations/formatter';
import { DEFAULT_LOCALE_ID } from '@shared/citations/styles';
import type { CslAnswers, CslRequest, CslRequestMessage, CslResponseMessage } from './csl-protocol';

/** The style's and the locales' XML (en-US always: citeproc takes missing terms from it). */
export type CslSourceLoader = (options: FormatOptions) => Promise<CslSources>;

export type CslHandler = (message: CslRequestMessage) => Promise<CslResponseMessage>;

export function createCslHandler(
  loadSources: CslSourceLoader,
  /** False only for the benchmark's "before": citeproc as published (see createCitationFormatter). */
  indexMacros = true,
): CslHandler {
  // One formatter per style and locale, made on first use: compiling a style is citeproc's costly part,
  // and switching back to a style used before must not pay for it again.
  const formatters = new Map<string, Promise<CitationFormatter>>();
  const formatterFor = (options: FormatOptions) => {
    const key = `${options.style}|${options.locale}`;
    let pending = formatters.get(key);
    if (!pending) {
      pending = loadSources(options).then((sources) => {
        const formatter = createCitationFormatter(sources, { indexMacros });
        // Compile now (citeproc compiles a style on its first engine), not on the first request.
        formatter.references([], options);
        return formatter;
      });
      // A failed load is not kept, so asking again really tries again.
      pending.catch(() => formatters.delete(key));
      formatters.set(key, pending);
    }
    return pending;
  };

  async function answer(request: CslRequest): Promise<CslAnswers[CslRequest['type']]> {
    switch (request.type) {
      case 'warm':
        await formatterFor(request.options);
        return null;
      case 'first-screen': {
        const byId = new Map(request.items.map((item) => [item.id, item]));
        const shown = request.ids.slice(0, FIRST_SCREEN_ENTRIES).flatMap((id) => byId.get(id) ?? []);
        const formatter = await formatterFor(request.options);
        const wanted = new Set(shown.map((item) => item.id));
        return formatter
          .writtenOutReferences(disambiguationContext(shown, request.items), request.options)
          .filter((reference) => wanted.has(reference.id));
      }
      case 'bibliography':
        return (await formatterFor(request.options)).bibliographyData(request.items, request.options);
      case 'reference':
        return (await formatterFor(request.options)).reference(request.item, request.options);
      case 'citation':
        return (await formatterFor(request.options)).citation(request.request, request.options);
      case 'export': {
        // citation-js's BibTeX and RIS plugins load only when the reader exports.
        const { exportBibliography } = await import('@shared/citations/export');
        return exportBibliography(request.format, request.items);
      }
    }
  }

  const run = async ({ id, request }: CslRequestMessage): Promise<CslResponseMessage> => {
    try {
      return { id, ok: true, value: await answer(request) };
    } catch (error) {
      return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
  // One request at a time, in the order sent, each in a task of its own: otherwise requests waiting for
  // the same style all resume together, and the first screen's answer is posted only after the whole
  // list (sent next) is formatted.
  let queue: Promise<unknown> = Promise.resolve();
  return (message) => {
    const answered = queue.then(() => run(message));
    queue = answered.then(nextTask);
    return answered;
  };
}

/** Resolves in a later task, after whatever the caller does with the answer just given (posting it). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Sources for one style and locale, plus en-US, from a loader of single files (the bundle, or disk). */
export async function collectSources(
  options: FormatOptions,
  loadStyle: (style: FormatOptions['style']) => Promise<string>,
  loadLocale: (locale: FormatOptions['locale']) => Promise<string>,
): Promise<CslSources> {
  const [style, defaultLocale, locale] = await Promise.all([
    loadStyle(options.style),
    loadLocale(DEFAULT_LOCALE_ID),
    loadLocale(options.locale),
  ]);
  return {
    styles: { [options.style]: style },
    locales: { [DEFAULT_LOCALE_ID]: defaultLocale, [options.locale]: locale },
  };
}
