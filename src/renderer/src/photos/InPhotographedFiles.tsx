/**
 * "In photographed files" on a record's page: the photo items (and sheets) the user linked to this
 * record, each with the item's title, the sheet and a thumbnail. A link whose item is gone (not in
 * this database, e.g. after restoring links without their item) stays listed as "item missing".
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toHref } from '@shared/links';
import { photoPath } from '@shared/notes/region';
import type { Item } from '@shared/photos/item';
import { recordLinkKey, type ItemLink } from '@shared/photos/item-link';
import { photoUrl } from '@shared/photos/model';
import { itemPath } from '@shared/search/item-documents';
import { toItem, toItemLink } from '../notes/db';
import { storageRead } from '../notes/repository';
import { useLiveQuery } from '../notes/use-live-query';
import { useItems } from './ItemsContext';
import { photoIndex, useSheetLabel } from './sheet-label';

interface Linked {
  link: ItemLink;
  item: Item | undefined;
}

function LinkedFile({ link, item }: Linked) {
  const { t } = useTranslation();
  const sheetLabel = useSheetLabel(item);
  if (!item) return <>{t('photos.links.itemMissing', { id: link.itemId })}</>;
  const held = link.photo && photoIndex(item, link.photo) >= 0 ? link.photo : null;
  const thumb = held ?? item.photos[0];
  const title = item.title || t('photos.item.untitled');
  return (
    <a
      className="linked-file"
      href={toHref(held ? photoPath(item.id, held.sha256, held.page) : itemPath(item.id))}
    >
      {thumb && <img src={photoUrl(thumb.sha256, 'thumb', thumb.page)} alt="" loading="lazy" />}
      <span>
        {title} <span className="meta">({sheetLabel(link.photo)})</span>
      </span>
    </a>
  );
}

export function InPhotographedFiles({ collectionId, recordId }: { collectionId: string; recordId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { db } = useItems();
  const state = useLiveQuery(
    // One read transaction, so the live query watches the items as well as the links (Dexie keeps
    // track of what a query reads across awaits inside a transaction).
    () =>
      storageRead(() =>
        db.transaction('r', [db.itemLinks, db.items], async () => {
          const links = (
            await db.itemLinks
              .where('recordKey')
              .equals(recordLinkKey(collectionId, recordId))
              .sortBy('createdAt')
          ).map(toItemLink);
          const rows = await db.items.bulkGet(links.map((link) => link.itemId));
          return links.map((link, i) => {
            const row = rows[i];
            return { link, item: row ? toItem(row) : undefined };
          });
        }),
      ),
    [db, collectionId, recordId],
  );
  if (state.status === 'loading' || (state.status === 'ok' && state.value.length === 0)) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="in-photographed-files">
      <h2 id={`${id}-heading`}>{t('photos.links.inFiles')}</h2>
      {state.status === 'error' ? (
        <p role="alert">{state.error.message}</p>
      ) : (
        <ul>
          {state.value.map((linked) => (
            <li key={linked.link.id}>
              <LinkedFile {...linked} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
