/**
 * The viewer's route inside Items: `/items/<itemId>/photos/<sha256>[/region/<noteId>][?page=n]`. Reads
 * the item (for the page strip and the heading) and hands the rest to PhotoViewer.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { isSha256 } from '@shared/photos/model';
import { ViewHeading } from '../../shell/ViewHeading';
import { useItem } from '../use-items';
import { PhotoViewer } from './PhotoViewer';

export function PhotoViewerRoute({
  itemId,
  sha256,
  rest,
}: {
  itemId: string;
  sha256: string;
  rest?: string;
}) {
  const { t } = useTranslation();
  const page = Number(new URLSearchParams(useSearch()).get('page') ?? 0) || 0;
  const regionId = /^region\/([^/]+)$/.exec(rest ?? '')?.[1];
  const item = useItem(itemId);
  const photos = item.status === 'ok' && item.value ? item.value.photos : [{ sha256, page }];
  const title = item.status === 'ok' && item.value ? item.value.title : '';
  return (
    <section className="view items-view photo-page" aria-labelledby="photo-heading">
      <Link href={`/${encodeURIComponent(itemId)}`}>{t('photos.photo.back')}</Link>
      <ViewHeading id="photo-heading">{title || t('photos.photo.heading')}</ViewHeading>
      {isSha256(sha256) ? (
        <PhotoViewer
          itemId={itemId}
          photos={photos}
          sha256={sha256}
          page={page}
          language={item.status === 'ok' && item.value ? item.value.metadata.language : undefined}
          {...(regionId ? { regionId: decodeURIComponent(regionId) } : {})}
        />
      ) : (
        <p role="alert">{t('photos.photo.invalid')}</p>
      )}
    </section>
  );
}
