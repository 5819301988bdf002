import { useTranslation } from 'react-i18next';
import type { RecentSearch, SavedSearch } from './history';

interface Props {
  recent: RecentSearch[];
  saved: SavedSearch[];
  onRun: (query: string) => void;
  onRemoveSaved: (id: number) => void;
  onClearRecent: () => void;
}

/** Recent and saved searches, shown while the search box is empty; each runs again with one click. */
export function SearchHistoryPanel({ recent, saved, onRun, onRemoveSaved, onClearRecent }: Props) {
  const { t } = useTranslation();
  if (recent.length === 0 && saved.length === 0) return <p className="view-intro">{t('search.noHistory')}</p>;
  return (
    <div className="search-history">
      {saved.length > 0 ? (
        <section aria-labelledby="saved-searches-heading">
          <h2 id="saved-searches-heading">{t('search.savedSearches')}</h2>
          <ul>
            {saved.map((entry) => (
              <li key={entry.id}>
                <button type="button" className="search-history-run" onClick={() => onRun(entry.query)}>
                  {entry.name}
                </button>{' '}
                <button
                  type="button"
                  className="search-history-remove"
                  aria-label={t('search.remove', { name: entry.name })}
                  onClick={() => onRemoveSaved(entry.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section aria-labelledby="recent-searches-heading">
          <h2 id="recent-searches-heading">{t('search.recent')}</h2>
          <ul>
            {recent.map((entry) => (
              <li key={entry.id}>
                <button type="button" className="search-history-run" onClick={() => onRun(entry.query)}>
                  {entry.query}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onClearRecent}>
            {t('search.clearRecent')}
          </button>
        </section>
      ) : null}
    </div>
  );
}
