import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryError } from '@shared/search/query';
import { useSessionValue } from '../api/ApiContext';
import { sessionValue } from '../api/session';
import { ViewHeading } from '../shell/ViewHeading';
import { SearchFacets } from '../search/SearchFacets';
import { SearchExamples } from '../search/SearchExamples';
import { SearchHistoryPanel } from '../search/SearchHistoryPanel';
import { SearchResults, leftLayoutSlot, type SearchResultsHandle } from '../search/SearchResults';
import { MoreResults, SimilarSpellings } from '../search/ResultsFooter';
import { SyntaxHelp } from '../search/SyntaxHelp';
import { useSearch } from '../search/use-search';
import { groupLinkedHits } from '../search/linked-hits';
import { useCollectionTitles } from '../search/use-collection-titles';
import { useLinkGroups } from '../linkage/use-link-groups';
import { useSearchHistory } from '../search/use-search-history';
import { searchFocusRequest } from '../search/use-search-shortcut';
import { openFromSearch, searchReturn } from '../shell/origin';
import '../search/search.css';

/** The reader's choice to group linked records or not (null: the default), for this window. */
const groupingChoice = sessionValue(() => {
  let value: boolean | null = null;
  return {
    get: () => value,
    set: (next: boolean) => {
      value = next;
    },
  };
});

/** The query survives leaving the view (open a result, come back with Back) for this window. */
const lastQuery = sessionValue(() => {
  let value = '';
  return {
    get: () => value,
    set: (next: string) => {
      value = next;
    },
  };
});

function SyntaxErrors({ id, query, errors }: { id: string; query: string; errors: QueryError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <div id={id} hidden />;
  return (
    <div id={id} className="search-syntax-errors">
      <p>{t('search.syntax.heading')}</p>
      <ul>
        {errors.map((error) => (
          <li key={`${error.code}-${error.start}`}>
            <code>{query.slice(error.start, error.end)}</code>{' '}
            {t(`search.syntax.${error.code}`, { ...error.params, part: query.slice(error.start, error.end) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function SearchView() {
  const { t } = useTranslation();
  const remembered = useSessionValue(lastQuery);
  const focusRequest = useSessionValue(searchFocusRequest);
  const layoutMemory = useSessionValue(leftLayoutSlot);
  const [query, setQueryState] = useState(remembered.get);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<SearchResultsHandle>(null);
  const errorsId = useId();
  const hintId = useId();
  const state = useSearch(query);
  const history = useSearchHistory();
  const [savedNotice, setSavedNotice] = useState(false);
  // Back from a result opened here: the list gives focus and scroll position back (once).
  const [returnTo, setReturnTo] = useState(searchReturn);
  const linkGroups = useLinkGroups();
  const collectionTitles = useCollectionTitles();
  // Grouping linked records is on by default once the user has linked any; the choice lasts the window.
  const grouping = useSessionValue(groupingChoice);
  const [groupChoice, setGroupChoice] = useState(grouping.get);
  const groupLinked = groupChoice ?? linkGroups.length > 0;

  const setQuery = (value: string) => {
    remembered.set(value);
    setQueryState(value);
    setReturnTo(null);
    setSavedNotice(false);
  };

  useEffect(() => {
    // The old query is selected, so typing replaces it and an arrow key keeps it.
    const focus = () => {
      input.current?.focus();
      input.current?.select();
    };
    if (focusRequest.take()) focus();
    return focusRequest.subscribe(() => {
      focusRequest.take();
      focus();
    });
  }, [focusRequest]);

  const ready = state.status === 'ready' ? state : null;
  const response = ready?.response && ready.query.trim() !== '' ? ready.response : null;
  const grouped = useMemo(
    () => (response && groupLinked ? groupLinkedHits(response.hits, linkGroups) : null),
    [response, groupLinked, linkGroups],
  );
  const shownResponse = response && grouped ? { ...response, hits: grouped.hits } : response;
  // The best hit is the first one listed (groups are ordered by their best hit); with a virtualised
  // list it may not be in the DOM, so it is taken from the response rather than from the page.
  const firstHit = response && !response.tooShort ? response.hits[0] : undefined;

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      if (firstHit && results.current) {
        event.preventDefault();
        results.current.focusFirst();
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery('');
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (firstHit && !ready?.searching) {
        history.recordRecent(query);
        openFromSearch(firstHit.document.path, { key: `hit:${firstHit.id}`, scrollTop: 0 });
      }
    }
  };

  let status = '';
  if (state.status === 'indexing') status = t('search.indexing');
  else if (state.status === 'error') status = t('search.failed', { message: state.message });
  else if (query.trim() !== '') {
    if (ready?.searching && !response) status = t('search.searching');
    else if (response?.tooShort) status = t('search.tooShort');
    else if (response && response.total === 0)
      status = t('search.noResults', { query: ready?.query ?? query });
    else if (response) status = t('search.resultCount', { count: response.total });
  }

  return (
    <section className="view search-view" aria-labelledby="search-heading">
      <ViewHeading id="search-heading" autoFocus={!returnTo}>
        {t('search.title')}
      </ViewHeading>
      <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
        <input
          ref={input}
          type="search"
          className="search-input"
          aria-label={t('search.label')}
          aria-describedby={`${hintId} ${errorsId}`}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onInputKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
        <SyntaxHelp />
        <button
          type="button"
          disabled={query.trim() === ''}
          onClick={() => {
            history.save(query);
            setSavedNotice(true);
          }}
        >
          {savedNotice ? t('search.saved') : t('search.save')}
        </button>
      </form>
      <p id={hintId} className="search-hint">
        {t('search.shortcutHint')}
      </p>
      <SyntaxErrors id={errorsId} query={query} errors={response?.errors ?? []} />
      <p role="status" aria-live="polite" className="search-status">
        {status}
      </p>
      {query.trim() === '' ? (
        <SearchExamples
          onRun={(value) => {
            setQuery(value);
            input.current?.focus();
          }}
        />
      ) : null}
      {query.trim() === '' ? (
        <SearchHistoryPanel
          recent={history.recent}
          saved={history.saved}
          onRun={(value) => {
            setQuery(value);
            input.current?.focus();
          }}
          onRemoveSaved={history.removeSaved}
          onClearRecent={history.clearRecent}
        />
      ) : null}
      {ready && response && query.trim() !== '' && !response.tooShort ? (
        <div className="search-body">
          <div className="search-results-column" aria-busy={ready.searching}>
            {response.total > 0 ? (
              // A new query starts a new list (scrolled to the top, rows measured afresh) and footer.
              <Fragment key={ready.query}>
                {linkGroups.length > 0 ? (
                  <label className="search-group-linked">
                    <input
                      type="checkbox"
                      checked={groupLinked}
                      onChange={(event) => {
                        grouping.set(event.target.checked);
                        setGroupChoice(event.target.checked);
                      }}
                    />{' '}
                    {t('linkage.search.toggle')}
                  </label>
                ) : null}
                <SearchResults
                  ref={results}
                  response={shownResponse ?? response}
                  {...(grouped ? { linked: { entries: grouped.linked, titles: collectionTitles } } : {})}
                  onExit={() => input.current?.focus()}
                  onOpen={() => history.recordRecent(query)}
                  returnTo={returnTo}
                  layoutMemory={layoutMemory}
                />
                <MoreResults
                  shown={response.hits.length}
                  total={response.total}
                  onShowMore={ready.showMore}
                />
                {response.similar ? (
                  <SimilarSpellings count={response.similar} onShow={ready.showSimilar} />
                ) : null}
              </Fragment>
            ) : null}
          </div>
          <SearchFacets facets={response.facets} query={query} onQueryChange={setQuery} />
        </div>
      ) : null}
    </section>
  );
}
