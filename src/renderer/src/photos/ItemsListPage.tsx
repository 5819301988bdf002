import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { photoUrl } from '@shared/photos/model';
import { Loading } from '../shell/Loading';
import { ViewHeading } from '../shell/ViewHeading';
import { AddPhotos } from './AddPhotos';
import { useItemList } from './use-items';

/** Every item with its first photo and its number of photos, and "Add photos…". */
export function ItemsListPage() {
  const { t } = useTranslation();
  const list = useItemList();
  return (
    <section className="view items-view" aria-labelledby="items-heading">
      <ViewHeading id="items-heading">{t('photos.heading')}</ViewHeading>
      <AddPhotos />
      <section aria-labelledby="items-list-heading">
        <h2 id="items-list-heading">{t('photos.list.heading')}</h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <p role="alert">{list.error.message}</p>}
        {list.status === 'ok' && list.value.length === 0 && <p>{t('photos.list.empty')}</p>}
        {list.status === 'ok' && list.value.length > 0 && (
          <ul className="items-list">
            {list.value.map((item) => {
              const first = item.photos[0];
              return (
                <li key={item.id}>
                  <Link href={`/${item.id}`}>
                    {first && <img src={photoUrl(first.sha256, 'thumb', first.page)} alt="" loading="lazy" />}
                    <span className="items-list-title">{item.title || t('photos.item.untitled')}</span>
                  </Link>
                  <span className="items-list-count">
                    {t('photos.list.count', { count: item.photos.length })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
