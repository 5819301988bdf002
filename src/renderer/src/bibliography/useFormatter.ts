import { useEffect, useState } from 'react';
import type { CitationFormatter } from '@shared/citations/formatter';
import type { CitationStyleId, CslLocaleId } from '@shared/citations/styles';
import { loadCitationFormatter } from './csl-sources';

export type FormatterState =
  | { status: 'loading' }
  | { status: 'ok'; formatter: CitationFormatter }
  | { status: 'error'; message: string };

/** The CSL formatter for a style and locale, loaded on first use (citeproc is not on the startup path). */
export function useCitationFormatter(style: CitationStyleId, locale: CslLocaleId): FormatterState {
  const [state, setState] = useState<{ key: string; value: FormatterState }>({
    key: '',
    value: { status: 'loading' },
  });
  const key = `${style}|${locale}`;
  useEffect(() => {
    let current = true;
    loadCitationFormatter(style, locale).then(
      (formatter) => current && setState({ key, value: { status: 'ok', formatter } }),
      (error: unknown) =>
        current &&
        setState({ key, value: { status: 'error', message: String((error as Error)?.message ?? error) } }),
    );
    return () => {
      current = false;
    };
  }, [key, style, locale]);
  // An answer for another style is never shown for this one.
  return state.key === key ? state.value : { status: 'loading' };
}
