import { useMemo } from 'react';
import type { CitationFormatter } from '@shared/citations/formatter';
import type { CitationStyleId, CslLocaleId } from '@shared/citations/styles';
import { ok } from '@shared/result';
import { useResult } from '../api/use-result';
import { loadCitationFormatter } from './csl-sources';

export type FormatterState =
  | { status: 'loading' }
  | { status: 'ok'; formatter: CitationFormatter }
  | { status: 'error'; message: string };

/** The CSL formatter for a style and locale, loaded on first use (citeproc is not on the startup path). */
export function useCitationFormatter(style: CitationStyleId, locale: CslLocaleId): FormatterState {
  // An answer for another style is never shown for this one (useResult resets on new inputs).
  const state = useResult(async () => ok(await loadCitationFormatter(style, locale)), [style, locale]);
  // The same object until the state changes: callers memoise on it (formatting a bibliography is costly).
  return useMemo((): FormatterState => {
    if (state.status === 'ok') return { status: 'ok', formatter: state.value };
    if (state.status === 'error') return { status: 'error', message: state.error.message };
    return state;
  }, [state]);
}
