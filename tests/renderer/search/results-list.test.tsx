import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { createRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchDocument, SearchKind } from '@shared/search/documents';
import type { SearchHit, SearchResponse } from '@shared/search/engine';
import { emptyFacets } from '@shared/search/facets';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import {
  SearchResults,
  groupHits,
  resultRows,
  type SearchResultsHandle,
} from '../../../src/renderer/src/search/SearchResults';
import { MoreResults, SimilarSpellings } from '../../../src/renderer/src/search/ResultsFooter';
import { MAX_RESULTS, RESULT_LIMIT, nextLimit } from '../../../src/renderer/src/search/use-search';
import { installFakeLayout } from '../fake-layout';

/** The virtualiser sees a pane of ten rows (see ../fake-layout.ts). */
const PANE_HEIGHT = 400;
const ROW_HEIGHT = 40;
let restoreLayout: () => void = () => undefined;

beforeAll(async () => {
  await initI18n('en');
  restoreLayout = installFakeLayout({
    paneClass: 'search-results-pane',
    paneHeight: PANE_HEIGHT,
    isRow: (element) => element.classList.contains('search-row'),
    rowHeight: ROW_HEIGHT,
  });
});

afterAll(() => restoreLayout());

afterEach(cleanup);

function documentOf(kind: SearchKind, n: number): SearchDocument {
  return {
    id: `c/r/${kind}-${n}`,
    collectionId: 'c',
    kind,
    targetId: `${kind}-${n}`,
    path: `/browse/record/c/${kind}-${n}`,
    title: `${kind} number ${n}`,
    fields: {},
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: false,
  };
}

/** `count` hits: the first `events` are events, the rest people (two groups, as a broad query gives). */
function responseOf(count: number, total = count, events = 3): SearchResponse {
  const hits: SearchHit[] = Array.from({ length: count }, (_, n) => {
    const document = documentOf(n < events ? 'event' : 'person', n);
    return { id: document.id, kind: document.kind, score: count - n, matches: [], document };
  });
  const facets = emptyFacets();
  return {
    total,
    hits,
    kindCounts: [
      { value: 'event', count: events },
      { value: 'person', count: total - events },
    ],
    facets,
    errors: [],
    tooShort: false,
  };
}

/** Lets queued scroll events arrive and the renders they cause finish. */
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

const focusedTitle = () => document.activeElement?.querySelector('.search-result-title')?.textContent;

describe('grouped rows', () => {
  it('puts a heading row before each group and numbers the hits in reading order', () => {
    const { rows, hitRows } = resultRows(groupHits(responseOf(5).hits));
    expect(rows.map((row) => row.key)).toEqual([
      'heading:event',
      'hit:c/r/event-0',
      'hit:c/r/event-1',
      'hit:c/r/event-2',
      'heading:person',
      'hit:c/r/person-3',
      'hit:c/r/person-4',
    ]);
    expect(hitRows).toEqual([1, 2, 3, 5, 6]);
  });
});

describe('virtualised search results', () => {
  it('renders only a window of the rows of 1000 hits, with the list structure and its size', () => {
    render(<SearchResults response={responseOf(1000)} onExit={() => undefined} onOpen={() => undefined} />);
    const list = screen.getByRole('list', { name: 'Search results' });
    const links = within(list).getAllByRole('link');
    // 400px of 40px rows plus overscan: a few dozen rows at most, never the thousand.
    expect(links.length).toBeGreaterThan(5);
    expect(links.length).toBeLessThan(30);
    expect(within(list).getByRole('heading', { level: 2, name: 'Events (3)' })).toBeTruthy();
    const people = within(list).getByRole('list', { name: 'People (997)' });
    const first = within(people).getAllByRole('listitem')[0];
    expect(first?.getAttribute('aria-setsize')).toBe('997');
    expect(first?.getAttribute('aria-posinset')).toBe('1');
    expect(links[0]?.getAttribute('href')).toBe('#/browse/record/c/event-0');
    // The list is as tall as every row would be (rows not yet rendered count at an estimated height).
    expect(parseFloat(list.style.height)).toBeGreaterThanOrEqual(1002 * ROW_HEIGHT);
  });

  it('moves focus with the arrow keys, Home and End, across rows that were not rendered', async () => {
    const onExit = vi.fn();
    const handle = createRef<SearchResultsHandle>();
    render(
      <SearchResults ref={handle} response={responseOf(1000)} onExit={onExit} onOpen={() => undefined} />,
    );
    act(() => handle.current?.focusFirst());
    expect(focusedTitle()).toBe('event number 0');

    // ↓ crosses from the events into the people: the heading between them is skipped.
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(focusedTitle()).toBe('person number 3');

    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(focusedTitle()).toBe('person number 999');
    await settle();
    expect(focusedTitle()).toBe('person number 999');
    const item = document.activeElement?.closest('li');
    expect(item?.getAttribute('aria-posinset')).toBe('997');
    // The pane was scrolled to the last row, so the window moved there.
    const pane = document.querySelector('.search-results-pane') as HTMLElement;
    expect(pane.scrollTop).toBeGreaterThan(1000 * ROW_HEIGHT - PANE_HEIGHT - ROW_HEIGHT);
    expect(screen.queryByText('event number 0')).toBeNull();

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(focusedTitle()).toBe('person number 999');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(focusedTitle()).toBe('person number 998');

    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(focusedTitle()).toBe('event number 0');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(onExit).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(onExit).toHaveBeenCalledTimes(2);
  });

  it('keeps the focused result rendered when the pane scrolls away from it', async () => {
    const handle = createRef<SearchResultsHandle>();
    render(
      <SearchResults
        ref={handle}
        response={responseOf(1000)}
        onExit={() => undefined}
        onOpen={() => undefined}
      />,
    );
    act(() => handle.current?.focusFirst());
    const focused = document.activeElement;
    const pane = document.querySelector('.search-results-pane') as HTMLElement;
    pane.scrollTo({ top: 20_000 });
    await settle();
    // The window moved far down (rows 1–10 are gone) but the focused first result stayed.
    expect(screen.queryByText('person number 10')).toBeNull();
    expect(screen.getAllByRole('link').length).toBeGreaterThan(5);
    expect(document.activeElement).toBe(focused);
    expect(focused?.isConnected).toBe(true);
  });

  it('keeps the focused result and its element when more results arrive', () => {
    const props = { onExit: () => undefined, onOpen: () => undefined };
    const handle = createRef<SearchResultsHandle>();
    const { rerender } = render(<SearchResults ref={handle} response={responseOf(50, 2000)} {...props} />);
    act(() => handle.current?.focusFirst());
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    const focused = document.activeElement;
    expect(focusedTitle()).toBe('person number 49');
    rerender(<SearchResults ref={handle} response={responseOf(100, 2000)} {...props} />);
    expect(document.activeElement).toBe(focused);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(focusedTitle()).toBe('person number 50');
  });

  it('keeps the row at the top of the pane in place when more results land above it', async () => {
    const props = { onExit: () => undefined, onOpen: () => undefined };
    const { rerender } = render(<SearchResults response={responseOf(50, 2000, 3)} {...props} />);
    const pane = document.querySelector('.search-results-pane') as HTMLElement;
    pane.scrollTo({ top: 1000 });
    await settle();
    /** The key of the row under the top edge of the pane. */
    const topRow = () =>
      [...pane.querySelectorAll<HTMLElement>('.search-row')].find((row) => {
        const start = parseFloat(/translateY\((.+)px\)/.exec(row.style.transform)?.[1] ?? 'NaN');
        return start <= pane.scrollTop && pane.scrollTop < start + ROW_HEIGHT;
      })?.dataset['key'];
    const before = topRow();
    expect(before).toMatch(/^hit:c\/r\/person-/);
    // The next results bring two more events, listed in the events group above the people.
    rerender(<SearchResults response={responseOf(100, 2000, 5)} {...props} />);
    await settle();
    expect(pane.scrollTop).toBeGreaterThan(1000);
    expect(topRow()).toBe(before);
  });
});

describe('show more', () => {
  it('says how many of how many are shown, with localised numbers, and asks for more', () => {
    const onShowMore = vi.fn();
    render(<MoreResults shown={50} total={101132} onShowMore={onShowMore} />);
    expect(screen.getByText('Showing 50 of 101,132 results')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more results' }));
    expect(onShowMore).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when every match is shown from the start', () => {
    const { container } = render(<MoreResults shown={12} total={12} onShowMore={() => undefined} />);
    expect(container.textContent).toBe('');
  });

  /** Clicks Show more with `shown` of `total` shown, then renders the answer with `after` shown. */
  function growTo(shown: number, total: number, after: number) {
    const { rerender } = render(<MoreResults shown={shown} total={total} onShowMore={() => undefined} />);
    const button = screen.getByRole('button', { name: 'Show more results' });
    button.focus();
    fireEvent.click(button);
    // The button stays (and keeps focus) while more can come.
    expect(document.activeElement).toBe(button);
    rerender(<MoreResults shown={after} total={total} onShowMore={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  }

  it('asks to refine at the most it lists, and keeps focus in the footer when the button goes', () => {
    growTo(800, 5000, MAX_RESULTS);
    expect(screen.getByText('Showing 1,000 of 5,000 results')).toBeTruthy();
    const advice = screen.getByText(/narrow the search/);
    expect(document.activeElement).toBe(advice.closest('.search-more'));
  });

  it('says all are shown once the last of them arrived, with focus where the button was', () => {
    growTo(100, 155, 155);
    const line = screen.getByText('All results are shown (155).');
    expect(document.activeElement).toBe(line.closest('.search-more'));
  });

  it('grows the limit from RESULT_LIMIT up to MAX_RESULTS', () => {
    const limits = [RESULT_LIMIT];
    while ((limits.at(-1) as number) < MAX_RESULTS) limits.push(nextLimit(limits.at(-1) as number));
    expect(limits).toEqual([50, 100, 200, 400, 800, 1000]);
    expect(nextLimit(MAX_RESULTS)).toBe(MAX_RESULTS);
  });
});

describe('show more in Lithuanian', () => {
  it('uses the plural form of the number shown and Lithuanian number format', async () => {
    await i18next.changeLanguage('lt');
    try {
      render(<MoreResults shown={50} total={101132} onShowMore={() => undefined} />);
      expect(screen.getByText('Rodoma 50 rezultatų iš 101 132')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Rodyti daugiau rezultatų' })).toBeTruthy();
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});

describe('kind of match', () => {
  function matched(): SearchResponse {
    const response = responseOf(2, 2, 0);
    const [first, second] = response.hits as [SearchHit, SearchHit];
    first.matchKind = 'exact';
    second.matchKind = 'equivalent';
    second.equivalents = [{ found: 'Вильно', query: 'Vilnius', canonical: 'Vilnius', kind: 'place' }];
    return response;
  }

  it('shows on each result how it matched, and what an equivalent name stands for', () => {
    render(<SearchResults response={matched()} onExit={() => undefined} onOpen={() => undefined} />);
    const [exact, equivalent] = screen.getAllByRole('link');
    expect(exact?.textContent).toContain('Exact match');
    expect(equivalent?.textContent).toContain('Another form of the name');
    expect(equivalent?.textContent).toContain('Вильно — historical or other-language form of Vilnius');
  });

  it('says how many similar spellings were left out, and lists them on request', () => {
    const onShow = vi.fn();
    render(<SimilarSpellings count={2172} onShow={onShow} />);
    expect(
      screen.getByText(/2,172 similar spellings \(typos or names that sound alike\) are not listed/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show similar spellings too' }));
    expect(onShow).toHaveBeenCalledOnce();
  });

  it('in Lithuanian', async () => {
    await i18next.changeLanguage('lt');
    try {
      render(<SearchResults response={matched()} onExit={() => undefined} onOpen={() => undefined} />);
      const [exact, equivalent] = screen.getAllByRole('link');
      expect(exact?.textContent).toContain('Tikslus atitikmuo');
      expect(equivalent?.textContent).toContain(
        'Вильно – istorinė ar kitos kalbos vietovardžio forma (dabar – Vilnius)',
      );
      render(<SimilarSpellings count={3} onShow={() => undefined} />);
      expect(screen.getByText(/Dar 3 panašios rašybos/)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Rodyti ir panašias rašybas' })).toBeTruthy();
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
