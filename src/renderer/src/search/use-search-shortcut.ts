/**
 * Global keyboard shortcut: "/" or Ctrl/Cmd+K opens Search and focuses the search box, from any view.
 * "/" is left alone while the user types in a field.
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useSessionValue } from '../api/ApiContext';
import { sessionValue } from '../api/session';
import { createSignal } from '../api/signal';

/**
 * A request to focus the search box: a flag the Search view takes when it mounts (after a shortcut
 * opened it) and a signal for when it is open already. One per window (session).
 */
export interface SearchFocusRequest {
  request(): void;
  /** True once after a request. */
  take(): boolean;
  subscribe(listener: () => void): () => void;
}

export const searchFocusRequest = sessionValue<SearchFocusRequest>(() => {
  const signal = createSignal();
  let requested = false;
  return {
    request() {
      requested = true;
      signal.notify();
    },
    take() {
      const was = requested;
      requested = false;
      return was;
    },
    subscribe: signal.subscribe,
  };
});

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type))
  );
}

export function isSearchShortcut(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return (
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)
  );
}

export function useSearchShortcut(): void {
  const [, navigate] = useLocation();
  const focus = useSessionValue(searchFocusRequest);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isSearchShortcut(event)) return;
      event.preventDefault();
      // Search focuses on this request when it is open already; otherwise on mount, taking it then.
      focus.request();
      navigate('/search');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate, focus]);
}
