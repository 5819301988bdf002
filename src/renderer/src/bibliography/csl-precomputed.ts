/**
 * The bibliographies the build formatted ahead of time (electron.vite.config.ts, shared/citations/
 * precomputed.ts), fetched once from the content-hashed asset that index.html names in a <meta>. With
 * no such <meta> (the dev server, the jsdom tests) or an asset that cannot be read, there is nothing
 * precomputed and the CSL worker formats everything, as it would anyway for other data.
 */
import { findPrecomputed, type PrecomputedFile } from '@shared/citations/precomputed';
import type { BibliographyData, FormatOptions } from '@shared/citations/formatter';
import type { CslItem } from '@shared/collection/schema';

export const PRECOMPUTED_META = 'atmintis-csl-precomputed';

/**
 * localStorage key: "off" ignores the precomputed lists (the worker formats everything, as the view
 * did before them): the "main" of `npm run bench:bibliography`.
 */
export const PRECOMPUTED_OFF_KEY = 'atmintis.csl.precomputed';

export type PrecomputedLookup = (
  items: readonly CslItem[],
  options: FormatOptions,
) => Promise<BibliographyData | null>;

function switchedOff(): boolean {
  try {
    return localStorage.getItem(PRECOMPUTED_OFF_KEY) === 'off';
  } catch {
    return false;
  }
}

async function fetchFile(url: string): Promise<PrecomputedFile | null> {
  try {
    const response = await fetch(new URL(url, document.baseURI));
    return response.ok ? ((await response.json()) as PrecomputedFile) : null;
  } catch {
    // A missing or broken asset only costs the head start: the worker still formats the list.
    return null;
  }
}

/**
 * The build's asset, fetched once per window. Module-level on purpose: the asset is part of the build,
 * which never changes while the app runs.
 */
let file: Promise<PrecomputedFile | null> | null = null;

/** Starts fetching the asset (Bibliography is opening: the collection is still on its way). */
export function prefetchPrecomputed(): Promise<PrecomputedFile | null> {
  if (!file) {
    const url = document.querySelector(`meta[name="${PRECOMPUTED_META}"]`)?.getAttribute('content');
    file = url && !switchedOff() ? fetchFile(url) : Promise.resolve(null);
  }
  return file;
}

/** Looks lists up in the build's asset. */
export const bundledPrecomputedLookup: PrecomputedLookup = async (items, options) =>
  findPrecomputed(await prefetchPrecomputed(), items, options);
