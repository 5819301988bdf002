/**
 * Global keyboard shortcut: "/" or Ctrl/Cmd+K opens Search and focuses the search box, from any view.
 * "/" is left alone while the user types in a field.
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';

export const FOCUS_SEARCH_EVENT = 'atmintis:focus-search';

let focusRequested = false;

/** The Search view calls this when it mounts: true once after a shortcut opened it. */
export function consumeSearchFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

export function isTypingTarget(target: EventTarget | null): boolean {
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
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isSearchShortcut(event)) return;
      event.preventDefault();
      focusRequested = true;
      navigate('/search');
      // When Search is open already, it focuses on this event; otherwise on mount, via the flag.
      window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
