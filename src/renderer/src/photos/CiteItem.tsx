/** "Cite this": the item's archival citation, and one sheet's (chosen by its photo number). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeItem, sheetNumber } from '@shared/photos/cite';
import type { Item } from '@shared/photos/item';
import { CiteItemCsl } from './CiteItemCsl';

export function CiteItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const id = useId();
  const [photo, setPhoto] = useState(1);
  const [cslOpen, setCslOpen] = useState(false);
  const index = Math.min(Math.max(photo, 1), Math.max(item.photos.length, 1)) - 1;
  return (
    <section aria-labelledby={`${id}-heading`} className="cite-item">
      <h2 id={`${id}-heading`}>{t('photos.cite.heading')}</h2>
      <p>
        {t('photos.cite.item')}: <output aria-label={t('photos.cite.item')}>{citeItem(item)}</output>
      </p>
      {item.photos.length > 0 && (
        <p>
          <label htmlFor={`${id}-photo`}>{t('photos.cite.photo')}</label>{' '}
          <input
            id={`${id}-photo`}
            type="number"
            min={1}
            max={item.photos.length}
            value={photo}
            onChange={(event) => setPhoto(Number(event.target.value) || 1)}
          />{' '}
          {t('photos.cite.sheet', { sheet: sheetNumber(item, index) })}:{' '}
          <output aria-label={t('photos.cite.sheetCitation')}>{citeItem(item, index)}</output>
        </p>
      )}
      <p className="hint">{t('photos.cite.hint')}</p>
      {/* Folded until asked for: formatting starts the CSL worker, which compiles the style for seconds. */}
      <details className="cite-item-csl" onToggle={(event) => setCslOpen(event.currentTarget.open)}>
        <summary>{t('photos.cite.cslHeading')}</summary>
        {cslOpen && <CiteItemCsl item={item} sheetIndex={item.photos.length > 0 ? index : null} />}
      </details>
    </section>
  );
}
