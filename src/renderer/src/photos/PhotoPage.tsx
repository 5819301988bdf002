/**
 * One photo of an item (`/items/<itemId>/photos/<sha256>[?page=n]`): its display copy and a way back.
 * A plain stand-in: the deep-zoom viewer (src/renderer/src/photos/viewer/, another helper's work)
 * takes this route over.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { isSha256, photoUrl } from '@shared/photos/model';
import { ViewHeading } from '../shell/ViewHeading';

export function PhotoPage({ itemId, sha256 }: { itemId: string; sha256: string }) {
  const { t } = useTranslation();
  const page = Number(new URLSearchParams(useSearch()).get('page') ?? 0) || 0;
  return (
    <section className="view items-view photo-page" aria-labelledby="photo-heading">
      <Link href={`/${itemId}`}>{t('photos.photo.back')}</Link>
      <ViewHeading id="photo-heading">{t('photos.photo.heading')}</ViewHeading>
      {isSha256(sha256) ? (
        <img className="photo-display" src={photoUrl(sha256, 'display', page)} alt={t('photos.photo.alt')} />
      ) : (
        <p role="alert">{t('photos.photo.invalid')}</p>
      )}
      <p>
        <a href={photoUrl(sha256, 'original')} download>
          {t('photos.photo.original')}
        </a>
      </p>
    </section>
  );
}
