import { useTranslation } from 'react-i18next';

/**
 * Example queries for the empty search page, one per thing search does well. The queries are chosen
 * per interface language (locales/<lang>/search.json) from the relevance table's checked queries
 * (tests/shared/search/relevance.test.ts), so each finds what its note promises in the bundled
 * collection.
 */
export const EXAMPLE_KEYS = ['name', 'script', 'diacritics', 'filter'] as const;

export function SearchExamples({ onRun }: { onRun: (query: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="search-examples" aria-labelledby="search-examples-heading">
      <h2 id="search-examples-heading">{t('search.examples.title')}</h2>
      <ul>
        {EXAMPLE_KEYS.map((key) => {
          const query = t(`search.examples.${key}.query`);
          return (
            <li key={key}>
              <button type="button" className="search-history-run" onClick={() => onRun(query)}>
                {query}
              </button>{' '}
              <span className="muted">{t(`search.examples.${key}.note`)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
