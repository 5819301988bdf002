/**
 * "Linked people" on an item's page: the records this item (or one of its photos) is linked to, and
 * "Link to a person" (on the whole item or one photo's sheet) with a record picker. Each link shows
 * on the record's page too ("In photographed files").
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordPath, toHref } from '@shared/links';
import type { Item } from '@shared/photos/item';
import type { ItemLink } from '@shared/photos/item-link';
import { photoKey } from '@shared/photos/item';
import { useLiveQuery } from '../notes/use-live-query';
import { useItems } from './ItemsContext';
import { ItemLinksRepository, linksOfItem } from './item-links-repository';
import { RecordPicker } from './RecordPicker';
import { useSheetLabel } from './sheet-label';

const WHOLE_ITEM = '';

export function ItemLinks({ item }: { item: Item }) {
  const { t } = useTranslation();
  const id = useId();
  const { db } = useItems();
  const repository = useMemo(() => new ItemLinksRepository(db), [db]);
  const links = useLiveQuery(() => linksOfItem(db, item.id), [db, item.id]);
  const sheetLabel = useSheetLabel(item);
  const [where, setWhere] = useState(WHOLE_ITEM);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const photo = item.photos.find((candidate) => photoKey(candidate) === where) ?? null;

  const remove = (link: ItemLink) =>
    repository.remove(link.id).then(
      () => setMessage({ error: false, text: t('photos.links.removed', { title: link.recordTitle }) }),
      (error: Error) => setMessage({ error: true, text: error.message }),
    );

  return (
    <section aria-labelledby={`${id}-heading`} className="item-links">
      <h2 id={`${id}-heading`}>{t('photos.links.heading')}</h2>
      {links.status === 'error' && <p role="alert">{links.error.message}</p>}
      {links.status === 'ok' &&
        (links.value.length === 0 ? (
          <p className="hint">{t('photos.links.none')}</p>
        ) : (
          <ul aria-label={t('photos.links.heading')}>
            {links.value.map((link) => (
              <li key={link.id}>
                <a href={toHref(recordPath(link.collectionId, link.recordId))}>{link.recordTitle}</a>{' '}
                <span className="meta">({sheetLabel(link.photo)})</span>{' '}
                <button
                  type="button"
                  aria-label={t('photos.links.remove', { title: link.recordTitle })}
                  onClick={() => void remove(link)}
                >
                  {t('photos.links.removeShort')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <p>
        <label htmlFor={`${id}-where`}>{t('photos.links.where')}</label>{' '}
        <select id={`${id}-where`} value={where} onChange={(event) => setWhere(event.target.value)}>
          <option value={WHOLE_ITEM}>{t('photos.links.wholeItem')}</option>
          {item.photos.map((candidate) => (
            <option key={photoKey(candidate)} value={photoKey(candidate)}>
              {sheetLabel(candidate)}
            </option>
          ))}
        </select>
      </p>
      <RecordPicker
        label={t('photos.links.pick')}
        onPick={(record) =>
          void repository
            .add({
              itemId: item.id,
              photo,
              collectionId: record.collectionId,
              recordId: record.recordId,
              recordTitle: record.title,
            })
            .then(
              () =>
                setMessage({
                  error: false,
                  text: t('photos.links.added', { title: record.title, where: sheetLabel(photo) }),
                }),
              (error: Error) => setMessage({ error: true, text: error.message }),
            )
        }
      />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
