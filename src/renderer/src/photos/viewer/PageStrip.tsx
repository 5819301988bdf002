/** The item's photos as thumbnails, the open one marked; each opens in the viewer. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { photoPath } from '@shared/notes/region';
import { photoUrl, type PhotoRef } from '@shared/photos/model';

export function PageStrip({
  itemId,
  photos,
  current,
}: {
  itemId: string;
  photos: readonly PhotoRef[];
  current: PhotoRef;
}) {
  const { t } = useTranslation();
  if (photos.length < 2) return null;
  return (
    <nav className="page-strip" aria-label={t('photoViewer.pages')}>
      <ol>
        {photos.map((photo, index) => {
          const here = photo.sha256 === current.sha256 && photo.page === current.page;
          return (
            <li key={`${photo.sha256}/${photo.page}`}>
              <Link
                href={`~${photoPath(itemId, photo.sha256, photo.page)}`}
                aria-current={here ? 'page' : undefined}
                aria-label={t('photoViewer.pageN', { n: index + 1, total: photos.length })}
              >
                <img src={photoUrl(photo.sha256, 'thumb', photo.page)} alt="" loading="lazy" />
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
