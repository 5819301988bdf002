import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A view's h1. It takes focus when the view opens, so keyboard and screen-reader users land at the top
 * of the new view instead of staying on a navigation link.
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
  useEffect(() => {
    if (focusOnOpen.current) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="view-heading">
      {children}
    </h1>
  );
}
