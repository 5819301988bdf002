import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchDocument, SearchKind } from '../../../shared/search/documents';
import type { SearchHit, SearchResponse } from '../../../shared/search/engine';
import { toHref } from '../../../shared/links';
import { Highlighted, snippetOf, titleRanges } from './highlight';

function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** "22 May 1948 – 23 May 1948", "1991", or null for undated documents. */
export function formatDates(doc: SearchDocument, language: string): string | null {
  if (doc.earliest && doc.latest) {
    if (doc.earliest.endsWith('-01-01') && doc.latest.endsWith('-12-31')) {
      return doc.yearFrom === doc.yearTo ? String(doc.yearFrom) : `${doc.yearFrom}–${doc.yearTo}`;
    }
    return doc.earliest === doc.latest
      ? formatDay(doc.earliest, language)
      : `${formatDay(doc.earliest, language)} – ${formatDay(doc.latest, language)}`;
  }
  if (doc.yearFrom !== null)
    return doc.yearFrom === doc.yearTo ? String(doc.yearFrom) : `${doc.yearFrom}–${doc.yearTo}`;
  return null;
}

interface Props {
  response: SearchResponse;
  documents: Map<string, SearchDocument>;
  /** The user's notes as documents, looked up when a hit is not a collection's. */
  noteDocuments?: Map<string, SearchDocument>;
  /** Called when focus should go back to the search box (Escape, or ↑ from the first result). */
  onExit: () => void;
  onOpen: () => void;
}

export const RESULT_LINK_CLASS = 'search-result-link';

export function SearchResults({ response, documents, noteDocuments, onExit, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);

  const groups: { kind: SearchKind; hits: SearchHit[] }[] = [];
  for (const hit of response.hits) {
    const group = groups.find((g) => g.kind === hit.kind);
    if (group) group.hits.push(hit);
    else groups.push({ kind: hit.kind, hits: [hit] });
  }
  const countOf = (kind: SearchKind) => response.kindCounts.find((c) => c.value === kind)?.count ?? 0;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`) ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    const focus = (i: number) => {
      event.preventDefault();
      links[i]?.focus();
    };
    if (event.key === 'ArrowDown') focus(Math.min(index + 1, links.length - 1));
    else if (event.key === 'ArrowUp') {
      if (index === 0) {
        event.preventDefault();
        onExit();
      } else focus(index - 1);
    } else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(links.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onExit();
    }
  };

  return (
    <ol ref={listRef} className="search-results" aria-label={t('search.resultsLabel')} onKeyDown={onKeyDown}>
      {groups.map((group) => {
        const plural = t(`search.kindPlural.${group.kind}`);
        return (
          <li key={group.kind} className="search-group">
            <h2 className="search-group-heading" id={`search-group-${group.kind}`}>
              {t('search.groupHeading', { kind: plural, count: countOf(group.kind) })}
            </h2>
            <ul aria-labelledby={`search-group-${group.kind}`}>
              {group.hits.map((hit) => {
                const doc = documents.get(hit.id) ?? noteDocuments?.get(hit.id);
                if (!doc) return null;
                const snippet = snippetOf(doc, hit);
                const dates = formatDates(doc, i18n.language);
                const label =
                  snippet.match && snippet.match.field !== 'summary' && snippet.match.field !== 'body'
                    ? t(`search.matchedIn.${snippet.match.field}`, { defaultValue: '' })
                    : '';
                return (
                  <li key={hit.id} className="search-result">
                    <a className={RESULT_LINK_CLASS} href={toHref(doc.path)} onClick={onOpen}>
                      <span className="search-result-title">
                        <Highlighted text={doc.title} ranges={titleRanges(doc, hit)} />
                      </span>
                      <span className="search-result-meta">
                        <span className="search-result-kind">{t(`search.kind.${doc.kind}`)}</span>
                        {dates ? <span className="search-result-dates">{dates}</span> : null}
                      </span>
                      {snippet.text ? (
                        <span className="search-result-snippet">
                          {label ? <span className="search-result-field">{label}: </span> : null}
                          <Highlighted text={snippet.text} ranges={snippet.ranges} />
                        </span>
                      ) : null}
                    </a>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
