import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormatOptions } from '@shared/citations/formatter';
import type { CslClient } from './csl-client';
import { useFormatted } from './use-formatter';

/**
 * Renders `children` with what `load` formats in the user's chosen style and locale, once the CSL
 * worker has answered; until then a "formatting" line in a busy region, and a specific alert if it fails.
 */
export function WithFormatter<T>({
  load,
  deps,
  className,
  children,
}: {
  load: (client: CslClient, options: FormatOptions) => Promise<T>;
  /** What `load` formats besides the style and locale. */
  deps: readonly unknown[];
  className?: string;
  children: (value: T, options: FormatOptions) => ReactNode;
}) {
  const { t } = useTranslation();
  const { state, options } = useFormatted(load, deps);
  return (
    <div className={className} aria-busy={state.status === 'loading'}>
      {state.status === 'loading' && <p className="meta">{t('bibliography.formatting')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="error-text">
          {t('bibliography.formatFailed', { message: state.error.message })}
        </p>
      )}
      {state.status === 'ok' && children(state.value, options)}
    </div>
  );
}
