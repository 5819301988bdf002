/**
 * An item's photos as a strip of thumbnails, in order. Each links to the photo's page; Alt+←/→ on a
 * thumbnail moves it (focus follows it), and thumbnails can be dragged to a new place. "Split here"
 * starts a new item at that photo.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { photoKey, type Item } from '@shared/photos/item';
import { PhotoThumb } from './PhotoThumb';

interface PhotoStripProps {
  item: Item;
  onMove(from: number, to: number): Promise<void>;
  onSplit(index: number): Promise<void>;
}

export function PhotoStrip({ item, onMove, onSplit }: PhotoStripProps) {
  const { t } = useTranslation();
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);

  // After a keyboard move the moved photo keeps the focus in its new place.
  useEffect(() => {
    if (focusKey) links.current.get(focusKey)?.focus();
  }, [item, focusKey]);

  const onKeyDown = (event: KeyboardEvent, index: number, key: string) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const to = index + (event.key === 'ArrowLeft' ? -1 : 1);
    if (to < 0 || to >= item.photos.length) return;
    setFocusKey(key);
    void onMove(index, to);
  };

  return (
    <section aria-labelledby="strip-heading">
      <h2 id="strip-heading">{t('photos.strip.heading', { count: item.photos.length })}</h2>
      <p className="hint" id="strip-hint">
        {t('photos.strip.hint')}
      </p>
      <ol className="photo-strip">
        {item.photos.map((photo, index) => {
          const key = photoKey(photo);
          const label = t('photos.strip.photo', { n: index + 1 });
          return (
            <li
              key={key}
              draggable
              onDragStart={(event) => {
                setDragged(index);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== null && dragged !== index) void onMove(dragged, index);
                setDragged(null);
              }}
              className={dragged === index ? 'dragging' : undefined}
            >
              <Link
                href={`/${item.id}/photos/${photo.sha256}${photo.page > 0 ? `?page=${photo.page}` : ''}`}
                aria-describedby="strip-hint"
                ref={(element: HTMLAnchorElement | null) => {
                  if (element) links.current.set(key, element);
                  else links.current.delete(key);
                }}
                onKeyDown={(event) => onKeyDown(event, index, key)}
              >
                <PhotoThumb sha256={photo.sha256} page={photo.page} alt={label} />
                <span className="photo-number" aria-hidden="true">
                  {index + 1}
                </span>
              </Link>
              {index > 0 && (
                <button
                  type="button"
                  className="split"
                  aria-label={t('photos.strip.splitLabel', { n: index + 1 })}
                  onClick={() => void onSplit(index)}
                >
                  {t('photos.strip.split')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
