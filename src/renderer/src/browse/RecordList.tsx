import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { RECORD_KINDS, type RecordKind } from '../../../shared/collection/schema';
import type { LoadedCollection } from '../../../shared/collection/validate';
import { displayTitle, formatRecordDates } from '../collection/format';
import { recordLink } from './paths';
import {
  EMPTY_FILTER,
  filterRecords,
  hasUnverifiedContent,
  sortRecords,
  type RecordFilter,
  type Sort,
  type SortKey,
} from './recordFilters';

const parseYear = (value: string): number | null => {
  const year = Number.parseInt(value, 10);
  return Number.isFinite(year) ? year : null;
};

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
  const shown = useMemo(
    () => sortRecords(filterRecords(collection.records, filter), sort, collator),
    [collection.records, filter, sort, collator],
  );
  const update = (patch: Partial<RecordFilter>) => setFilter((current) => ({ ...current, ...patch }));
  const toggleSort = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  const header = (key: SortKey) => (
    <th scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => toggleSort(key)}>
        {t(`browse.column.${key}`)}
        <span aria-hidden="true">
          {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

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
        <div className="field">
          <label htmlFor={ids.kind}>{t('browse.filter.kind')}</label>
          <select
            id={ids.kind}
            value={filter.kind}
            onChange={(e) => update({ kind: e.target.value as RecordKind | 'all' })}
          >
            <option value="all">{t('browse.filter.allKinds')}</option>
            {RECORD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`browse.kindPlural.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={ids.from}>{t('browse.filter.fromYear')}</label>
          <input
            id={ids.from}
            type="number"
            inputMode="numeric"
            min={1900}
            max={2000}
            value={filter.fromYear ?? ''}
            onChange={(e) => update({ fromYear: parseYear(e.target.value) })}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor={ids.to}>{t('browse.filter.toYear')}</label>
          <input
            id={ids.to}
            type="number"
            inputMode="numeric"
            min={1900}
            max={2000}
            value={filter.toYear ?? ''}
            onChange={(e) => update({ toYear: parseYear(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.place}>{t('browse.filter.place')}</label>
          <select id={ids.place} value={filter.placeId} onChange={(e) => update({ placeId: e.target.value })}>
            <option value="all">{t('browse.filter.allPlaces')}</option>
            {places.map((place) => (
              <option key={place.id} value={place.id}>
                {displayTitle(place, i18n.language)}
              </option>
            ))}
          </select>
        </div>
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
      <table className="record-table">
        <caption className="visually-hidden">{t('browse.tableCaption')}</caption>
        <thead>
          <tr>
            {header('title')}
            {header('kind')}
            {header('date')}
            <th scope="col">{t('browse.column.figures')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((record) => (
            <tr key={record.id}>
              <td>
                <Link href={recordLink(collection.manifest.id, record.id)}>
                  {displayTitle(record, i18n.language)}
                </Link>
                {hasUnverifiedContent(record) && (
                  <span className="badge badge-warning">{t('browse.unverifiedContent')}</span>
                )}
              </td>
              <td>{t(`browse.kind.${record.kind}`)}</td>
              <td>{formatRecordDates(record, i18n.language) ?? '—'}</td>
              <td>
                {record.claims.length > 0 ? t('browse.claimCount', { count: record.claims.length }) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
