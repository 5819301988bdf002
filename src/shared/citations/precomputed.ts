/**
 * Bibliographies formatted ahead of time: the build formats each bundled collection's list in the
 * default style (electron.vite.config.ts), so the first opening of Bibliography need not wait for
 * citeproc to compile a style. Pure (no Node, no DOM): the build makes the records with the very
 * formatter the worker uses, and the page finds one by its key.
 *
 * A record is used only when its key matches the bibliography the page actually got from the main
 * process: a collection changed, re-imported or replaced under the same id hashes differently, and the
 * worker formats it as if nothing had been precomputed.
 */
import type { CslItem } from '../collection/schema';
import type { BibliographyData } from './arrange';
import type { CitationFormatter, FormatOptions } from './formatter';

/**
 * Part of every key. Bump it whenever the formatter's output changes for the same data (formatter.ts,
 * arrange.ts, the bundled styles or locales, citeproc or citation-js): records made by an older build
 * then never match. (Records are made and read by the same build, so this is a second safety only.)
 */
export const PRECOMPUTED_FORMAT_VERSION = 1;

export interface PrecomputedBibliography {
  key: string;
  data: BibliographyData;
}

/** The asset the build emits (content-hashed) and the page fetches. */
export interface PrecomputedFile {
  version: typeof PRECOMPUTED_FORMAT_VERSION;
  bibliographies: PrecomputedBibliography[];
}

/**
 * JSON with object keys sorted, so the key does not depend on the order a parser or a channel happens
 * to give the fields in.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * cyrb53 (a public-domain 53-bit string hash), run with two seeds: 106 bits, synchronous and the same
 * in Node and every browser context (crypto.subtle is asynchronous and missing in some test setups).
 * Not a security measure: it tells apart bibliographies, which no one forges against the user.
 */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** What a precomputed list is for: this bibliography, in this style and locale, by this formatter. */
export function precomputedKey(items: readonly CslItem[], options: FormatOptions): string {
  const content = canonicalJson(items);
  return [
    `v${PRECOMPUTED_FORMAT_VERSION}`,
    options.style,
    options.locale,
    items.length,
    cyrb53(content, 1),
    cyrb53(content, 2),
  ].join('|');
}

/** Formats each bibliography in each of `options` (the build's side). */
export function precomputeBibliographies(
  formatter: CitationFormatter,
  bibliographies: readonly (readonly CslItem[])[],
  options: readonly FormatOptions[],
): PrecomputedFile {
  return {
    version: PRECOMPUTED_FORMAT_VERSION,
    bibliographies: bibliographies.flatMap((items) =>
      options.map((option) => ({
        key: precomputedKey(items, option),
        data: formatter.bibliographyData(items, option),
      })),
    ),
  };
}

/** The list formatted ahead of time for exactly this bibliography, style and locale, or null. */
export function findPrecomputed(
  file: PrecomputedFile | null,
  items: readonly CslItem[],
  options: FormatOptions,
): BibliographyData | null {
  if (file?.version !== PRECOMPUTED_FORMAT_VERSION) return null;
  const key = precomputedKey(items, options);
  return file.bibliographies.find((record) => record.key === key)?.data ?? null;
}
