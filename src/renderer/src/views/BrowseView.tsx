import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/useResult';
import { Loading } from '../shell/Loading';
import { ViewHeading } from '../shell/ViewHeading';

export default function BrowseView() {
  const { t } = useTranslation();
  const api = useApi();
  const collections = useResult(() => api.call('collections.list', {}), [api]);

  return (
    <section className="view" aria-labelledby="browse-heading">
      <ViewHeading id="browse-heading">{t('browse.title')}</ViewHeading>
      <p className="view-intro">{t('browse.intro')}</p>
      {collections.status === 'loading' && <Loading label={t('app.loadingCollections')} />}
      {collections.status === 'error' && (
        <p role="alert" className="error-text">
          {t('error.loadFailed', { message: collections.error.message })}
        </p>
      )}
      {collections.status === 'ok' &&
        (collections.value.length === 0 ? (
          <p>{t('browse.empty')}</p>
        ) : (
          <ul aria-label={t('browse.collections')} className="card-list">
            {collections.value.map((collection) => (
              <li key={collection.id} className="card">
                <h2>{collection.title}</h2>
                <p>{collection.description}</p>
                <p className="meta">
                  {t('browse.records', { count: collection.recordCount })}
                  {collection.synthetic && <span className="badge">{t('browse.synthetic')}</span>}
                </p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
