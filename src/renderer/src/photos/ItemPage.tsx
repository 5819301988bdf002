/** One item: its photos (reorder, split), metadata, "Cite this" and merging another item into it. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Item } from '@shared/photos/item';
import { Loading } from '../shell/Loading';
import { ViewHeading } from '../shell/ViewHeading';
import { CiteItem } from './CiteItem';
import { ExportItem } from './ExportItem';
import { ItemLinks } from './ItemLinks';
import { useItems } from './ItemsContext';
import { MetadataForm } from './MetadataForm';
import { PhotoStrip } from './PhotoStrip';
import { useItem, useItemList } from './use-items';

export function ItemPage({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const state = useItem(itemId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <p role="alert">{state.error.message}</p>;
  if (!state.value) {
    return (
      <section className="view items-view">
        <ViewHeading id="item-heading">{t('photos.item.missing')}</ViewHeading>
        <Link href="/">{t('photos.item.back')}</Link>
      </section>
    );
  }
  return <ItemDetails item={state.value} />;
}

function ItemDetails({ item }: { item: Item }) {
  const { t } = useTranslation();
  const items = useItems();
  const [error, setError] = useState<string | null>(null);
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section className="view items-view item-page" aria-labelledby="item-heading">
      <Link href="/">{t('photos.item.back')}</Link>
      <ViewHeading id="item-heading">{item.title || t('photos.item.untitled')}</ViewHeading>
      {error && <p role="alert">{error}</p>}
      <PhotoStrip
        item={item}
        onMove={(from, to) => attempt(() => items.movePhoto(item.id, from, to))}
        onSplit={(index) => attempt(() => items.split(item.id, index))}
      />
      <div className="item-columns">
        <MetadataForm key={item.id} item={item} onSave={(changes) => items.update(item.id, changes)} />
        <div>
          <CiteItem item={item} />
          <ExportItem item={item} />
          <MergeInto item={item} onError={setError} />
          <ItemLinks item={item} />
        </div>
      </div>
    </section>
  );
}

function MergeInto({ item, onError }: { item: Item; onError(message: string): void }) {
  const { t } = useTranslation();
  const items = useItems();
  const list = useItemList();
  const id = useId();
  const [, navigate] = useLocation();
  const [other, setOther] = useState('');
  const others = list.status === 'ok' ? list.value.filter((candidate) => candidate.id !== item.id) : [];
  if (others.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('photos.merge.heading')}</h2>
      <label htmlFor={`${id}-other`}>{t('photos.merge.other')}</label>
      <select id={`${id}-other`} value={other} onChange={(event) => setOther(event.target.value)}>
        <option value="">{t('photos.merge.choose')}</option>
        {others.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {t('photos.merge.option', { title: candidate.title, count: candidate.photos.length })}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={other === ''}
        onClick={() =>
          void items.merge(item.id, other).then(
            () => {
              setOther('');
              navigate(`/${item.id}`);
            },
            (error: Error) => onError(error.message),
          )
        }
      >
        {t('photos.merge.button')}
      </button>
    </section>
  );
}
