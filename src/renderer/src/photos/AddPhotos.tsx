/**
 * "Add photos…": files, a folder or a zip chosen in the main process, read with progress and a Cancel
 * button, then grouped into items by folder (or one item) and ordered by name or capture time.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PhotoSource } from '@shared/ipc/channels/photos';
import type { Grouping, PhotoOrder } from '@shared/photos/grouping';
import { usePhotoImport } from './use-photo-import';

const SOURCES: readonly PhotoSource[] = ['files', 'folder', 'zip'];

export function AddPhotos() {
  const { t } = useTranslation();
  const { state, start, cancel } = usePhotoImport();
  const [grouping, setGrouping] = useState<Grouping>('folder');
  const [order, setOrder] = useState<PhotoOrder>('name');
  const groupingId = useId();
  const orderId = useId();
  const reading = state.phase === 'reading';

  return (
    <section className="add-photos" aria-labelledby="add-photos-heading">
      <h2 id="add-photos-heading">{t('photos.add.heading')}</h2>
      <div className="add-photos-options">
        <label htmlFor={groupingId}>{t('photos.add.grouping')}</label>
        <select
          id={groupingId}
          value={grouping}
          disabled={reading}
          onChange={(event) => setGrouping(event.target.value as Grouping)}
        >
          <option value="folder">{t('photos.add.byFolder')}</option>
          <option value="single">{t('photos.add.single')}</option>
        </select>
        <label htmlFor={orderId}>{t('photos.add.order')}</label>
        <select
          id={orderId}
          value={order}
          disabled={reading}
          onChange={(event) => setOrder(event.target.value as PhotoOrder)}
        >
          <option value="name">{t('photos.add.byName')}</option>
          <option value="captured">{t('photos.add.byCaptured')}</option>
        </select>
      </div>
      <div className="add-photos-buttons">
        {SOURCES.map((source) => (
          <button
            key={source}
            type="button"
            disabled={reading}
            onClick={() => void start(source, { grouping, order, singleTitle: t('photos.add.singleTitle') })}
          >
            {t(`photos.add.source.${source}`)}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {state.phase === 'reading' && (
          <div className="add-photos-progress">
            <progress
              max={Math.max(1, state.progress.total)}
              value={state.progress.done}
              aria-label={t('photos.add.progressLabel')}
            />
            <p>
              {t('photos.add.progress', { done: state.progress.done, total: state.progress.total })}
              {state.progress.current ? ` — ${state.progress.current}` : ''}
            </p>
            <button type="button" onClick={() => void cancel()}>
              {t('photos.add.cancel')}
            </button>
          </div>
        )}
        {state.phase === 'done' && (
          <div role="status">
            <p>{t('photos.add.done', { photos: state.photos, items: state.items.length })}</p>
            <ul>
              {state.items.map((item) => (
                <li key={item.id}>
                  <Link href={`/${item.id}`}>{item.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {state.phase === 'cancelled' && <p role="status">{t('photos.add.cancelled')}</p>}
        {state.phase === 'failed' && <p role="alert">{t('photos.add.failed', { message: state.message })}</p>}
      </div>
      {(state.phase === 'done' || state.phase === 'failed') && state.skipped.length > 0 && (
        <section aria-labelledby="skipped-heading" className="add-photos-skipped">
          <h3 id="skipped-heading">{t('photos.add.skipped', { count: state.skipped.length })}</h3>
          <ul>
            {state.skipped.map((skip) => (
              <li key={skip.file}>
                <strong>{skip.file}</strong>: {skip.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
