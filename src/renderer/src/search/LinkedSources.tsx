/**
 * Under a search result that stands for a linked group ("one person, N sources"): every other
 * matching source as a link, and how many linked records did not match the query (their record
 * pages list them under "Also in").
 */
import { useTranslation } from 'react-i18next';
import { toHref } from '@shared/links';
import { isPlainClick, openFromSearch } from '../shell/origin';
import type { LinkedEntry } from './linked-hits';

export function LinkedSources({
  entry,
  entryKey,
  titles,
  onOpen,
}: {
  entry: LinkedEntry;
  /** The row key of the entry, so Back from a source returns to it. */
  entryKey: string;
  titles: ReadonlyMap<string, string>;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const others = entry.sources.slice(1);
  const unmatched = entry.groupSize - entry.sources.length;
  return (
    <div className="search-result-linked">
      <span className="search-result-linked-summary">
        {t('linkage.search.onePerson', { count: entry.groupSize })}
      </span>
      {others.length > 0 ? (
        <ul aria-label={t('linkage.search.sourcesLabel')}>
          {others.map((hit) => (
            <li key={hit.id}>
              <a
                href={toHref(hit.document.path)}
                onClick={(event) => {
                  onOpen();
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  const pane = event.currentTarget.closest('.search-results-pane');
                  openFromSearch(hit.document.path, { key: entryKey, scrollTop: pane?.scrollTop ?? 0 });
                }}
              >
                {hit.document.title}
              </a>{' '}
              <span className="meta">
                ({titles.get(hit.document.collectionId) ?? hit.document.collectionId})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {unmatched > 0 ? (
        <span className="meta">{t('linkage.search.unmatched', { count: unmatched })}</span>
      ) : null}
    </div>
  );
}
