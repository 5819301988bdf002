import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range,
  type VirtualItem,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { SearchDocument, SearchKind } from '@shared/search/documents';
import type { SearchHit, SearchResponse } from '@shared/search/response';
import { toHref } from '@shared/links';
import { Highlighted, snippetOf, titleRanges } from './highlight';
import { useFocusWhenRendered } from '../shell/use-focus-when-rendered';
import { isPlainClick, openFromSearch, type SearchReturn } from '../shell/origin';
import { formatDayBounds, formatEdtf } from '../collection/dates';
import { sessionValue } from '../api/session';
import type { LinkedEntry } from './linked-hits';
import { LinkedSources } from './LinkedSources';
import { photoThumbOf } from './photo-hits';

/** The document's date at its own precision (see collection/dates.ts), or null for undated ones. */
export function formatDates(doc: SearchDocument, language: string): string | null {
  if (doc.date) return formatEdtf(doc.date, language);
  if (doc.earliest && doc.latest) return formatDayBounds(doc.earliest, doc.latest, language);
  if (doc.yearFrom !== null && doc.yearTo !== null) {
    return formatDayBounds(`${doc.yearFrom}-01-01`, `${doc.yearTo}-12-31`, language);
  }
  return null;
}

export interface SearchResultsHandle {
  /** Moves focus to the first result (↓ from the search box), scrolling back to it if need be. */
  focusFirst(): void;
}

interface Props {
  /** Each hit carries its document (the worker holds the index; the renderer keeps no copy). */
  response: SearchResponse;
  /** Called when focus should go back to the search box (Escape, or ↑ from the first result). */
  onExit: () => void;
  onOpen: () => void;
  /** Coming back from a result opened here: scroll to where the list was and focus that result. */
  returnTo?: SearchReturn | null;
  ref?: Ref<SearchResultsHandle>;
  /** Where the list keeps its measured rows when left; without it (a list shown alone) none are kept. */
  layoutMemory?: LayoutMemory;
  /** Entries standing for a group of linked records (see linked-hits.ts) by hit id, and collection titles. */
  linked?: { entries: ReadonlyMap<string, LinkedEntry>; titles: ReadonlyMap<string, string> };
}

export const RESULT_LINK_CLASS = 'search-result-link';
const RESULTS_PANE_CLASS = 'search-results-pane';

/** Row heights to start from, before a row is rendered and measured (rows differ in snippet length). */
const ESTIMATED_HEADING = 44;
const ESTIMATED_HIT = 88;
/** Rows rendered beyond each edge of the pane, so a quick scroll or ↓ rarely shows an empty gap. */
const OVERSCAN = 6;

interface Group {
  kind: SearchKind;
  hits: SearchHit[];
}

/**
 * The list is virtualised as one run of rows, a heading row before each group's hits, but rendered as
 * nested lists (groups, then each group's hits) as before, so screen readers get the same structure.
 */
export type ResultRow =
  | { type: 'heading'; key: string; group: number }
  | { type: 'hit'; key: string; group: number; hit: SearchHit; posInGroup: number; order: number };

/** Hits grouped by kind, groups in the order their best hit ranks. */
export function groupHits(hits: readonly SearchHit[]): Group[] {
  const groups: Group[] = [];
  for (const hit of hits) {
    const group = groups.find((g) => g.kind === hit.kind);
    if (group) group.hits.push(hit);
    else groups.push({ kind: hit.kind, hits: [hit] });
  }
  return groups;
}

/** The rows, and for each hit in reading order (`order`) the index of its row. */
export function resultRows(groups: readonly Group[]): { rows: ResultRow[]; hitRows: number[] } {
  const rows: ResultRow[] = [];
  const hitRows: number[] = [];
  groups.forEach((group, g) => {
    rows.push({ type: 'heading', key: `heading:${group.kind}`, group: g });
    group.hits.forEach((hit, i) => {
      hitRows.push(rows.length);
      rows.push({
        type: 'hit',
        key: `hit:${hit.id}`,
        group: g,
        hit,
        posInGroup: i + 1,
        order: hitRows.length - 1,
      });
    });
  });
  return { rows, hitRows };
}

function ResultLink({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const doc = hit.document;
  const snippet = snippetOf(doc, hit);
  const dates = formatDates(doc, i18n.language);
  const thumb = photoThumbOf(doc);
  const label =
    snippet.match && snippet.match.field !== 'summary' && snippet.match.field !== 'body'
      ? t(`search.matchedIn.${snippet.match.field}`, { defaultValue: '' })
      : '';
  return (
    <a
      className={RESULT_LINK_CLASS}
      href={toHref(doc.path)}
      onClick={(event) => {
        onOpen();
        if (!isPlainClick(event)) return;
        // Opened through history, so Back returns here with the result focused and the list in place.
        event.preventDefault();
        const pane = event.currentTarget.closest(`.${RESULTS_PANE_CLASS}`);
        openFromSearch(doc.path, { key: `hit:${hit.id}`, scrollTop: pane?.scrollTop ?? 0 });
      }}
    >
      {/* The photo the region or item is on; decorative, as the title and snippet say what the hit is. */}
      {thumb ? <img className="search-result-thumb" src={thumb} alt="" loading="lazy" /> : null}
      <span className="search-result-title">
        <Highlighted text={doc.title} ranges={titleRanges(doc, hit)} />
      </span>
      <span className="search-result-meta">
        <span className="search-result-kind">{t(`search.kind.${doc.kind}`)}</span>
        {dates ? <span className="search-result-dates">{dates}</span> : null}
        {hit.matchKind ? (
          <span className={`search-result-match search-result-match-${hit.matchKind}`}>
            {t(`search.match.${hit.matchKind}`)}
          </span>
        ) : null}
      </span>
      {hit.equivalents?.map((equivalent) => (
        <span key={`${equivalent.found}\n${equivalent.query}`} className="search-result-equivalent">
          {t(
            `search.equivalent.${
              equivalent.kind === 'place' && equivalent.found === equivalent.canonical
                ? 'placeToday'
                : equivalent.kind
            }`,
            { found: equivalent.found, query: equivalent.query, canonical: equivalent.canonical },
          )}
        </span>
      ))}
      {snippet.text ? (
        <span className="search-result-snippet">
          {label ? <span className="search-result-field">{label}: </span> : null}
          <Highlighted text={snippet.text} ranges={snippet.ranges} />
        </span>
      ) : null}
    </a>
  );
}

/**
 * More results of the same query can land above the rows in view (a group earlier in the list grows):
 * the row at the top of the pane stays where it was rather than the content jumping under the reader.
 */
function useScrollAnchor(virtualizer: Virtualizer<HTMLDivElement, Element>, rowOfKey: Map<string, number>) {
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  // Declared first, so it reads the anchor the previous commit left before this one records anew.
  useLayoutEffect(() => {
    const saved = anchor.current;
    const index = saved ? rowOfKey.get(saved.key) : undefined;
    const item = index === undefined ? undefined : virtualizer.measurementsCache[index];
    if (saved && item && item.start + saved.offset !== virtualizer.scrollOffset) {
      virtualizer.scrollToOffset(item.start + saved.offset);
    }
  }, [rowOfKey, virtualizer]);
  useLayoutEffect(() => {
    const offset = virtualizer.scrollOffset ?? 0;
    const item = virtualizer.getVirtualItemForOffset(offset);
    anchor.current = item ? { key: String(item.key), offset: offset - item.start } : null;
  });
}

/**
 * The measured rows of the list last left (for a result opened from it), so that coming back lays the
 * same rows out at the same heights and the saved scroll offset shows the same rows, not estimates.
 */
export interface LayoutMemory {
  layout: { keys: string; items: VirtualItem[] } | null;
}

/** The window's memory of the list last left (SearchView passes it to each list it shows). */
export const leftLayoutSlot = sessionValue<LayoutMemory>(() => ({ layout: null }));

/** Where a row sits: rows are placed absolutely, as only some of them exist in the DOM. */
const placed = (start: number) => ({ transform: `translateY(${start}px)` });

export function SearchResults({ response, onExit, onOpen, returnTo, ref, layoutMemory, linked }: Props) {
  const { t } = useTranslation();
  const paneRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => groupHits(response.hits), [response.hits]);
  const { rows, hitRows } = useMemo(() => resultRows(groups), [groups]);
  const rowOfKey = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const rowKeys = useMemo(() => rows.map((row) => row.key).join('\n'), [rows]);
  const [ownMemory] = useState<LayoutMemory>(() => ({ layout: null }));
  const left = layoutMemory ?? ownMemory;
  const [restored] = useState(() =>
    returnTo && left.layout?.keys === rowKeys ? left.layout.items : undefined,
  );
  const countOf = (kind: SearchKind) => response.kindCounts.find((c) => c.value === kind)?.count ?? 0;

  // The row holding focus stays rendered when scrolled away, so focus is not lost to <body>; the row
  // focus is moving to is rendered at once, so it can take focus in the same commit.
  const [focused, setFocused] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(returnTo?.key ?? null);
  const kept = useMemo(
    () => [focused, focusTarget].map((key) => (key === null ? undefined : rowOfKey.get(key))),
    [focused, focusTarget, rowOfKey],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const index of kept) if (index !== undefined) indexes.add(index);
      return [...indexes].sort((a, b) => a - b);
    },
    [kept],
  );

  // The app is not built with React Compiler, whose memoisation this warning is about; the virtualizer
  // re-renders this component itself when the pane scrolls or a row's size changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => paneRef.current,
    estimateSize: (index) => (rows[index]?.type === 'heading' ? ESTIMATED_HEADING : ESTIMATED_HIT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: OVERSCAN,
    rangeExtractor,
    initialOffset: returnTo?.scrollTop ?? 0,
    ...(restored ? { initialMeasurementsCache: restored } : {}),
  });

  useScrollAnchor(virtualizer, rowOfKey);

  const latestKeys = useRef(rowKeys);
  latestKeys.current = rowKeys;
  useEffect(
    () => () => {
      left.layout = { keys: latestKeys.current, items: virtualizer.takeSnapshot() };
    },
    [left, virtualizer],
  );

  useFocusWhenRendered(paneRef, focusTarget, () => setFocusTarget(null), `a.${RESULT_LINK_CLASS}`);

  /** Focuses the `order`-th hit in reading order, scrolling it into view first. */
  const focusHit = useCallback(
    (order: number, upward: boolean) => {
      const row = hitRows[order];
      const target = row === undefined ? undefined : rows[row];
      if (row === undefined || target?.type !== 'hit') return;
      // Going up to a group's first hit, bring its heading into view too (Home thus scrolls to the top).
      const reveal = upward && target.posInGroup === 1 ? row - 1 : row;
      virtualizer.scrollToIndex(reveal, { align: 'auto' });
      setFocusTarget(target.key);
    },
    [hitRows, rows, virtualizer],
  );

  useImperativeHandle(ref, () => ({ focusFirst: () => focusHit(0, true) }), [focusHit]);

  const rowOf = (element: Element | null) => {
    const key = element?.closest<HTMLElement>('[data-key]')?.dataset['key'];
    const index = key === undefined ? undefined : rowOfKey.get(key);
    return index === undefined ? undefined : rows[index];
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const row = rowOf(event.target as Element);
    if (row?.type !== 'hit' || !(event.target as Element).classList.contains(RESULT_LINK_CLASS)) return;
    const last = hitRows.length - 1;
    const move = (order: number) => {
      event.preventDefault();
      focusHit(order, order < row.order);
    };
    if (event.key === 'ArrowDown') move(Math.min(row.order + 1, last));
    else if (event.key === 'ArrowUp') {
      if (row.order === 0) {
        event.preventDefault();
        onExit();
      } else move(row.order - 1);
    } else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(last);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onExit();
    }
  };

  const onFocus = (event: FocusEvent<HTMLOListElement>) => setFocused(rowOf(event.target)?.key ?? null);
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    // Focus moving to another result is handled by onFocus; leaving the list frees the row.
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  };

  // The rendered rows, bucketed into their groups (rendered rows are in row order).
  const items = virtualizer.getVirtualItems();
  const rendered: {
    group: number;
    heading: (typeof items)[number] | null;
    hits: (typeof items)[number][];
  }[] = [];
  for (const item of items) {
    const row = rows[item.index];
    if (!row) continue;
    let bucket = rendered.at(-1);
    if (bucket?.group !== row.group) {
      bucket = { group: row.group, heading: null, hits: [] };
      rendered.push(bucket);
    }
    if (row.type === 'heading') bucket.heading = item;
    else bucket.hits.push(item);
  }

  return (
    <div ref={paneRef} className={RESULTS_PANE_CLASS}>
      {/* As tall as all rows would be, so the pane scrolls over the whole list. */}
      <ol
        className="search-results"
        style={{ height: virtualizer.getTotalSize() }}
        aria-label={t('search.resultsLabel')}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {rendered.map(({ group: g, heading, hits }) => {
          const group = groups[g] as Group;
          const title = t('search.groupHeading', {
            kind: t(`search.kindPlural.${group.kind}`),
            count: countOf(group.kind),
          });
          return (
            <li key={group.kind} className="search-group" aria-setsize={groups.length} aria-posinset={g + 1}>
              {heading ? (
                <h2
                  ref={virtualizer.measureElement}
                  data-index={heading.index}
                  data-key={heading.key}
                  className="search-group-heading search-row"
                  style={placed(heading.start)}
                >
                  {title}
                </h2>
              ) : null}
              {hits.length > 0 ? (
                // Labelled by text rather than by the heading, which may be scrolled out of the DOM.
                <ul aria-label={title}>
                  {hits.map((item) => {
                    const row = rows[item.index] as Extract<ResultRow, { type: 'hit' }>;
                    return (
                      <li
                        key={item.key}
                        ref={virtualizer.measureElement}
                        data-index={item.index}
                        data-key={item.key}
                        className="search-result search-row"
                        style={placed(item.start)}
                        aria-setsize={group.hits.length}
                        aria-posinset={row.posInGroup}
                      >
                        <ResultLink hit={row.hit} onOpen={onOpen} />
                        {linked?.entries.get(row.hit.id) ? (
                          <LinkedSources
                            entry={linked.entries.get(row.hit.id) as LinkedEntry}
                            entryKey={row.key}
                            titles={linked.titles}
                            onOpen={onOpen}
                          />
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
