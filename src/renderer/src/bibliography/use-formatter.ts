import { useEffect, useMemo } from 'react';
import { FIRST_SCREEN_ENTRIES } from '@shared/citations/chunks';
import { arrangeBibliography } from '@shared/citations/arrange';
import type { FormatOptions, FormattedReference } from '@shared/citations/formatter';
import type { CslItem } from '@shared/collection/schema';
import { ok } from '@shared/result';
import { useResult, type AsyncState } from '../api/use-result';
import type { CslClient } from './csl-client';
import { prefetchPrecomputed } from './csl-precomputed';
import { getCslClient } from './csl-service';
import { useCitationPreferences } from './preferences';

/** Start the CSL worker and compile the chosen style while the view loads its collection. */
export function useWarmCitations(): void {
  const [{ style, locale }] = useCitationPreferences();
  useEffect(() => {
    const client = getCslClient();
    // The benchmark's "before" formats only when the list asks, as the view did then.
    if (!client.firstScreenFirst) return;
    if (client.hasPrecomputed) void prefetchPrecomputed();
    // A failure here is reported by the request that needs the style, which tries again.
    client.warm({ style, locale }).catch(() => undefined);
  }, [style, locale]);
}

/**
 * Something formatted in the chosen style and locale (a reference, a citation…), asked of the worker.
 * `deps` are what `load` formats besides the style and locale.
 */
export function useFormatted<T>(
  load: (client: CslClient, options: FormatOptions) => Promise<T>,
  deps: readonly unknown[],
): { state: AsyncState<T>; options: FormatOptions } {
  const [{ style, locale }] = useCitationPreferences();
  const client = getCslClient();
  const state = useResult(
    async () => ok(await load(client, { style, locale })),
    [client, style, locale, ...deps],
  );
  return { state, options: { style, locale } };
}

export interface FormattedList {
  /** The references to show, by id (null until the first ones arrive). */
  references: Map<string, FormattedReference> | null;
  /** Whether the whole list is formatted (until then, only the first screen may be). */
  complete: boolean;
  error: string | null;
}

/**
 * The bibliography's references for the entries shown (ids in the order shown): the first screen as soon
 * as the worker has it, then the whole list, formatted once per style and locale and arranged for each
 * sort and filter (see arrangeBibliography).
 */
export function useFormattedList(
  items: readonly CslItem[],
  shownIds: readonly string[],
  options: FormatOptions,
): FormattedList {
  const client = getCslClient();
  const { style, locale } = options;
  const firstIds = shownIds.slice(0, FIRST_SCREEN_ENTRIES);
  // Declared before the whole list, so its request goes first and the worker answers it first.
  const first = useResult(
    async () =>
      !client.firstScreenFirst ||
      client.formattedBibliography(items, { style, locale }) ||
      // The build formatted this very list: no first screen needed. Both requests wait for the same
      // lookup, and this one asked first, so a first screen still reaches the worker first.
      (client.hasPrecomputed && (await client.precomputed(items, { style, locale })))
        ? ok(null)
        : ok(await client.firstScreen(firstIds, items, { style, locale })),
    [client, items, style, locale, firstIds.join('\n')],
  );
  const whole = useResult(
    async () => ok(await client.bibliography(items, { style, locale })),
    [client, items, style, locale],
  );
  // A list formatted before (switching back to a style) is shown in this very render.
  const data = whole.status === 'ok' ? whole.value : client.formattedBibliography(items, { style, locale });
  const arranged = useMemo(() => (data ? arrangeBibliography(data, items) : null), [data, items]);
  const references = useMemo(() => {
    if (arranged) return arranged.arrange(shownIds);
    if (first.status === 'ok' && first.value) return new Map(first.value.map((entry) => [entry.id, entry]));
    return null;
  }, [arranged, first, shownIds]);
  const error = whole.status === 'error' ? whole.error.message : null;
  return { references, complete: arranged !== null, error };
}
