import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A view's h1. It takes focus when the view opens, so keyboard and screen-reader users land at the top
 * of the new view instead of staying on a navigation link.
 */
export function ViewHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="view-heading">
      {children}
    </h1>
  );
}
