import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_KINDS, type RecordKind } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { displayTitle } from '../collection/format';
import {
  EMPTY_FILTER,
  filterIndexed,
  indexRecords,
  sortedOrder,
  sortRecords,
  type RecordFilter,
  type Sort,
  type SortKey,
} from './record-filters';
import { RecordTable } from './RecordTable';
import { tableColumns } from './table-columns';

const parseYear = (value: string): number | null => {
  const year = Number.parseInt(value, 10);
  return Number.isFinite(year) ? year : null;
};

/** The years the collection's dates cover, to bound the year fields (none when nothing is dated). */
function yearSpan(records: LoadedCollection['records']): { from: number; to: number } | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const record of records) {
    if (record.earliest) from = Math.min(from, Number(record.earliest.slice(0, 4)));
    if (record.latest) to = Math.max(to, Number(record.latest.slice(0, 4)));
  }
  return Number.isFinite(from) && Number.isFinite(to) ? { from, to } : undefined;
}

export function RecordList({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<RecordFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'date', direction: 'ascending' });
  const ids = { kind: useId(), from: useId(), to: useId(), place: useId(), text: useId() };
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const places = useMemo(
    () =>
      sortRecords(
        collection.records.filter((record) => record.kind === 'place'),
        { key: 'title', direction: 'ascending' },
        collator,
      ),
    [collection.records, collator],
  );
  // Sorted once per sort order; each keystroke then only filters that order (see record-filters.ts).
  const index = useMemo(() => indexRecords(collection.records), [collection.records]);
  const columns = useMemo(() => tableColumns(collection.records), [collection.records]);
  const kinds = useMemo(
    () => RECORD_KINDS.filter((kind) => collection.records.some((record) => record.kind === kind)),
    [collection.records],
  );
  const years = useMemo(() => yearSpan(collection.records), [collection.records]);
  const order = useMemo(() => sortedOrder(index, sort, collator), [index, sort, collator]);
  // The fields update at once; the list follows when React has time, so typing never waits on it.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterIndexed(index, deferredFilter, order), [index, deferredFilter, order]);
  const update = (patch: Partial<RecordFilter>) => setFilter((current) => ({ ...current, ...patch }));
  const toggleSort = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <>
      <form className="filters" aria-label={t('browse.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.text}>{t('browse.filter.text')}</label>
          <input
            id={ids.text}
            type="text"
            value={filter.text}
            onChange={(e) => update({ text: e.target.value })}
          />
        </div>
        {kinds.length > 1 && (
          <div className="field">
            <label htmlFor={ids.kind}>{t('browse.filter.kind')}</label>
            <select
              id={ids.kind}
              value={filter.kind}
              onChange={(e) => update({ kind: e.target.value as RecordKind | 'all' })}
            >
              <option value="all">{t('browse.filter.allKinds')}</option>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`browse.kindPlural.${kind}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {years && (
          <div className="field field-narrow">
            <label htmlFor={ids.from}>{t('browse.filter.fromYear')}</label>
            <input
              id={ids.from}
              type="number"
              inputMode="numeric"
              min={years.from}
              max={years.to}
              value={filter.fromYear ?? ''}
              onChange={(e) => update({ fromYear: parseYear(e.target.value) })}
            />
          </div>
        )}
        {years && (
          <div className="field field-narrow">
            <label htmlFor={ids.to}>{t('browse.filter.toYear')}</label>
            <input
              id={ids.to}
              type="number"
              inputMode="numeric"
              min={years.from}
              max={years.to}
              value={filter.toYear ?? ''}
              onChange={(e) => update({ toYear: parseYear(e.target.value) })}
            />
          </div>
        )}
        {places.length > 0 && (
          <div className="field">
            <label htmlFor={ids.place}>{t('browse.filter.place')}</label>
            <select
              id={ids.place}
              value={filter.placeId}
              onChange={(e) => update({ placeId: e.target.value })}
            >
              <option value="all">{t('browse.filter.allPlaces')}</option>
              {places.map((place) => (
                <option key={place.id} value={place.id}>
                  {displayTitle(place, i18n.language)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field-check">
          <label>
            <input
              type="checkbox"
              checked={filter.unverifiedOnly}
              onChange={(e) => update({ unverifiedOnly: e.target.checked })}
            />{' '}
            {t('browse.filter.unverifiedOnly')}
          </label>
        </div>
        <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>
          {t('browse.filter.reset')}
        </button>
      </form>
      <p role="status" className="meta">
        {t('browse.showing', { count: shown.length, total: collection.records.length })}
      </p>
      <RecordTable
        collectionId={collection.manifest.id}
        records={shown}
        sort={sort}
        onSort={toggleSort}
        columns={columns}
      />
    </>
  );
}
