import { useTranslation } from 'react-i18next';
import { DEFAULT_THRESHOLD } from '@shared/linkage/run';
import {
  BANDS,
  BORDERLINE_BITS,
  DECISION_FILTERS,
  type Band,
  type DecisionFilter,
  type QueueFilters,
} from './queue-model';

export function QueueFiltersBar({
  filters,
  collections,
  onChange,
}: {
  filters: QueueFilters;
  collections: readonly { id: string; title: string }[];
  onChange(filters: QueueFilters): void;
}) {
  const { t } = useTranslation();
  const from = DEFAULT_THRESHOLD - BORDERLINE_BITS;
  return (
    <fieldset className="linkage-filters">
      <legend>{t('linkage.queue.filters.legend')}</legend>
      <label>
        {t('linkage.queue.filters.collection')}
        <select
          value={filters.collection}
          onChange={(event) => onChange({ ...filters, collection: event.target.value })}
        >
          <option value="all">{t('linkage.queue.filters.allCollections')}</option>
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('linkage.queue.filters.band')}
        <select
          value={filters.band}
          onChange={(event) => onChange({ ...filters, band: event.target.value as Band | 'all' })}
        >
          {(['all', ...BANDS] as const).map((band) => (
            <option key={band} value={band}>
              {t(`linkage.queue.band.${band}`, { threshold: DEFAULT_THRESHOLD, from })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('linkage.queue.filters.decision')}
        <select
          value={filters.decision}
          onChange={(event) => onChange({ ...filters, decision: event.target.value as DecisionFilter })}
        >
          {DECISION_FILTERS.map((decision) => (
            <option key={decision} value={decision}>
              {t(`linkage.queue.decisionFilter.${decision}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The queue's keys, always in view. */
export function KeyHints() {
  const { t } = useTranslation();
  const hints: [string[], string][] = [
    [['j', '↓', 'k', '↑'], 'move'],
    [['s'], 'same'],
    [['d'], 'different'],
    [['u'], 'unsure'],
    [['n'], 'note'],
    [['z'], 'undo'],
  ];
  return (
    <div className="linkage-keys">
      <h3>{t('linkage.queue.keys.heading')}</h3>
      <ul>
        {hints.map(([keys, action]) => (
          <li key={action}>
            {keys.map((key, index) => (
              <span key={key}>
                {index > 0 && ' '}
                <kbd>{key}</kbd>
              </span>
            ))}{' '}
            {t(`linkage.queue.keys.${action}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
