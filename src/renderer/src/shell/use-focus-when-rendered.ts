import { useLayoutEffect, type RefObject } from 'react';

/**
 * Focus for virtualised lists: the row to focus may not be in the DOM yet when the user presses a key
 * (scrollToIndex brings it in a render later). Once the row whose `data-key` is `target` is rendered
 * inside `pane`, its link (`linkSelector`) takes focus, and `done` clears the target.
 */
export function useFocusWhenRendered(
  pane: RefObject<HTMLElement | null>,
  target: string | null,
  done: () => void,
  linkSelector: string,
): void {
  useLayoutEffect(() => {
    if (target === null) return;
    const row = [...(pane.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (element) => element.dataset['key'] === target,
    );
    const link = row?.querySelector<HTMLAnchorElement>(linkSelector);
    if (!link) return;
    // scrollToIndex has brought (or is bringing) the row into view; the browser must not scroll too.
    link.focus({ preventScroll: true });
    done();
  });
}
