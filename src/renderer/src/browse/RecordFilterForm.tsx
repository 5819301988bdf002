import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/collection/schema';
import type { LoadedRecord } from '@shared/collection/model';
import { displayTitle } from '../collection/format';
import type { RecordFilter } from '@shared/collection/record-filters';

const parseYear = (value: string): number | null => {
  const year = Number.parseInt(value, 10);
  return Number.isFinite(year) ? year : null;
};

interface Props {
  filter: RecordFilter;
  onChange: (patch: Partial<RecordFilter>) => void;
  onReset: () => void;
  /** Kinds the collection holds: the kind field shows only when there is a choice. */
  kinds: readonly RecordKind[];
  /** The years the collection's dates cover, bounding the year fields (none when nothing is dated). */
  years: { from: number; to: number } | null | undefined;
  /** The place records, sorted as the reader's language sorts them. */
  places: readonly LoadedRecord[];
}

/** The Browse table's filter fields, whether the rows are filtered in the page or in main. */
export function RecordFilterForm({ filter, onChange, onReset, kinds, years, places }: Props) {
  const { t, i18n } = useTranslation();
  const ids = { kind: useId(), from: useId(), to: useId(), place: useId(), text: useId() };
  return (
    <form className="filters" aria-label={t('browse.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={ids.text}>{t('browse.filter.text')}</label>
        <input
          id={ids.text}
          type="text"
          value={filter.text}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </div>
      {kinds.length > 1 && (
        <div className="field">
          <label htmlFor={ids.kind}>{t('browse.filter.kind')}</label>
          <select
            id={ids.kind}
            value={filter.kind}
            onChange={(e) => onChange({ kind: e.target.value as RecordKind | 'all' })}
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
            onChange={(e) => onChange({ fromYear: parseYear(e.target.value) })}
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
            onChange={(e) => onChange({ toYear: parseYear(e.target.value) })}
          />
        </div>
      )}
      {places.length > 0 && (
        <div className="field">
          <label htmlFor={ids.place}>{t('browse.filter.place')}</label>
          <select
            id={ids.place}
            value={filter.placeId}
            onChange={(e) => onChange({ placeId: e.target.value })}
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
            onChange={(e) => onChange({ unverifiedOnly: e.target.checked })}
          />{' '}
          {t('browse.filter.unverifiedOnly')}
        </label>
      </div>
      <button type="button" onClick={onReset}>
        {t('browse.filter.reset')}
      </button>
    </form>
  );
}
