import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import type { AsyncState } from '../api/use-result';
import { Loading } from '../shell/Loading';

/**
 * A collection's loading state as the views show it: a spinner, an error (or the view's own message
 * when there is no collection at all), or the view itself once the collection is there.
 */
export function CollectionState<T = LoadedCollection>({
  state,
  emptyMessage,
  children,
}: {
  state: AsyncState<T>;
  /** Shown when no collection exists (error code `no-collection`). */
  emptyMessage: string;
  children: (collection: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <Loading label={t('app.loadingCollections')} />;
  if (state.status === 'error') {
    return (
      <p role="alert" className="error-text">
        {state.error.code === 'no-collection'
          ? emptyMessage
          : t('error.loadFailed', { message: state.error.message })}
      </p>
    );
  }
  return <>{children(state.value)}</>;
}
