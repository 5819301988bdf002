import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFormatter, FormatOptions } from '@shared/citations/formatter';
import { useCitationPreferences } from './preferences';
import { useCitationFormatter } from './use-formatter';

/**
 * Renders `children` with the CSL formatter for the user's chosen style and locale, once it has loaded;
 * until then a "formatting" line, and a specific alert if it cannot load.
 */
export function WithFormatter({
  children,
}: {
  children: (formatter: CitationFormatter, options: FormatOptions) => ReactNode;
}) {
  const { t } = useTranslation();
  const [{ style, locale }] = useCitationPreferences();
  const state = useCitationFormatter(style, locale);
  if (state.status === 'loading') return <p className="meta">{t('bibliography.formatting')}</p>;
  if (state.status === 'error') {
    return (
      <p role="alert" className="error-text">
        {t('bibliography.formatFailed', { message: state.message })}
      </p>
    );
  }
  return <>{children(state.formatter, { style, locale })}</>;
}
