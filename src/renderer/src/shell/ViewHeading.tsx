import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A view's h1. It takes focus when the view opens, so keyboard and screen-reader users land at the top
 * of the new view instead of staying on a navigation link.
 *
 * The focus moves in a layout effect, in the same task that puts the view on screen. As a passive
 * effect it ran in a later task, after the browser could already paint the view and handle input:
 * for a view revealed by the lazy route's Suspense that was up to 170 ms later in Chromium with the CPU
 * slowed 8×, and a keyboard user who tabbed to a control of the new view in that time (the Reader's
 * "Import documents" field) had focus pulled back to the heading, so the Space meant for the field
 * went nowhere.
 */
export function ViewHeading({
  id,
  children,
  autoFocus = true,
}: {
  id: string;
  children: ReactNode;
  /** False when the view puts focus elsewhere itself (Search, given back the result opened from it). */
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusOnOpen = useRef(autoFocus);
  useLayoutEffect(() => {
    // Once per opening: a Suspense boundary that hides and shows the view again re-runs layout effects,
    // and by then the reader's focus is theirs.
    if (!focusOnOpen.current) return;
    focusOnOpen.current = false;
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="view-heading">
      {children}
    </h1>
  );
}
