import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '@shared/photos/model';

/**
 * A photo's thumbnail, or — when this machine does not hold the original (an item that came through
 * team sync while its photos stayed on a teammate's machine) — words saying so in its place.
 */
export function PhotoThumb({ sha256, page, alt }: { sha256: string; page: number; alt: string }) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  if (missing)
    return (
      <span className="photo-elsewhere">
        {alt ? `${alt}: ` : ''}
        {t('photos.elsewhere')}
      </span>
    );
  return (
    <img src={photoUrl(sha256, 'thumb', page)} alt={alt} loading="lazy" onError={() => setMissing(true)} />
  );
}
