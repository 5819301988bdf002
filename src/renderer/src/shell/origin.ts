/**
 * Where a page was opened from, kept in the browser history entries themselves (history.state), so Back,
 * Forward and reloads see the right answer: a page opened from Search keeps Search as its place in the
 * navigation and offers "Back to results"; the results page it came from remembers which result was
 * opened and how far the list was scrolled, to give both back on return.
 */
import { navigate } from 'wouter/use-hash-location';

/** On the Search entry: the result that was opened (its row key) and the list's scroll offset. */
export interface SearchReturn {
  key: string;
  scrollTop: number;
}

interface OriginState {
  from?: 'search';
  searchReturn?: SearchReturn;
}

const current = (): OriginState => {
  const state: unknown = window.history.state;
  return state !== null && typeof state === 'object' ? (state as OriginState) : {};
};

/** Whether the page in view was opened from the Search results. */
export function openedFromSearch(): boolean {
  return current().from === 'search';
}

/** What the Search entry in view remembers of the result opened from it, if anything. */
export function searchReturn(): SearchReturn | null {
  const saved = current().searchReturn;
  return saved && typeof saved.key === 'string' && typeof saved.scrollTop === 'number' ? saved : null;
}

/** Opens `path` (e.g. "/browse/record/c/r") from the results, remembering `from` on the Search entry. */
export function openFromSearch(path: string, from: SearchReturn): void {
  window.history.replaceState({ ...current(), searchReturn: from }, '');
  navigate(path, { state: { from: 'search' } satisfies OriginState });
}

/**
 * A plain click on a result link opens it through openFromSearch; clicks with a modifier or another
 * button keep the browser's own behaviour.
 */
export function isPlainClick(event: {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}
