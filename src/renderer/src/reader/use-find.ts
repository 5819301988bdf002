/**
 * Find-in-document state: the matches of the query in the container's text, the current one, and their
 * display through the CSS Custom Highlight API (no DOM changes, so highlights and selections are not
 * disturbed). Where the API is missing the current match is still scrolled to. The toolbar holding the
 * find field is sticky (reader.css): were the field scrolled away, Chromium would bring it back into view
 * (and the match out of it) as each letter is typed.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { rangeFromOffsets } from './dom';
import { findMatches, type TextMatch } from '@shared/documents/find';

const ALL = 'reader-find';
const CURRENT = 'reader-find-current';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightConstructor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightConstructor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/**
 * Scrolls the match to the middle of the window. Its block is brought in first (through any scrolling
 * ancestors), then the window moves by the match itself, as the match may lie far down a long paragraph
 * or PDF page.
 */
export function revealRange(range: Range): void {
  const block = range.startContainer.parentElement;
  block?.scrollIntoView?.({ block: 'center' });
  const box = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  if (!box || (box.top === 0 && box.bottom === 0)) return;
  // The top fifth is under the sticky toolbar.
  const height = window.innerHeight;
  if (box.top < height * 0.2 || box.bottom > height * 0.9) {
    window.scrollBy({ top: box.top - height / 2, behavior: 'instant' });
  }
}

/** `text` is the container's current textContent (given, not read, so matches follow re-renders). */
export function useFind(container: RefObject<HTMLElement | null>, query: string, text: string) {
  const matches: TextMatch[] = useMemo(() => findMatches(text, query), [text, query]);
  // The current match index belongs to one query: a new query starts again at the first match.
  // `step` counts moves, so Enter or Next on the only match still brings it back into view.
  const [position, setPosition] = useState({ query, index: 0, step: 0 });
  const current = position.query === query ? Math.min(position.index, Math.max(0, matches.length - 1)) : 0;

  useEffect(() => {
    const root = container.current;
    const api = registry();
    if (!root) return;
    const ranges = matches.map((m) => rangeFromOffsets(root, m.start, m.end));
    const active = ranges[current] ?? null;
    if (api) {
      api.highlights.set(ALL, new api.Highlight(...ranges.filter((r): r is Range => r !== null)));
      if (active) api.highlights.set(CURRENT, new api.Highlight(active));
      else api.highlights.delete(CURRENT);
    }
    if (active) revealRange(active);
    return () => {
      api?.highlights.delete(ALL);
      api?.highlights.delete(CURRENT);
    };
  }, [container, matches, current, position.step]);

  const step = useCallback(
    (by: 1 | -1) =>
      setPosition((previous) => ({
        query,
        index: matches.length === 0 ? 0 : (current + by + matches.length) % matches.length,
        step: previous.step + 1,
      })),
    [query, current, matches.length],
  );
  return {
    count: matches.length,
    current: matches.length === 0 ? 0 : current + 1,
    next: () => step(1),
    previous: () => step(-1),
  };
}
