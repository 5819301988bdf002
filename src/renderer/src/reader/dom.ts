/** DOM helpers for the Reader: text offsets ↔ ranges, heading ids, reading position blocks. */
import { headingAnchors } from '@shared/links';
import { textOffset } from '../notes/dom-ranges';

/** A DOM Range covering text offsets [start, end) of the container's textContent, or null. */
export function rangeFromOffsets(container: Node, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let position = 0;
  let range: Range | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!range && start < position + length) {
      range = document.createRange();
      range.setStart(node, start - position);
    }
    if (range && end <= position + length) {
      range.setEnd(node, end - position);
      return range;
    }
    position += length;
  }
  return null;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

/** Gives every heading the anchor `headingAnchors` assigns (search links to these) and lists them. */
export function anchorHeadings(container: HTMLElement): TocEntry[] {
  const headings = [...container.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')];
  const anchors = headingAnchors(headings.map((heading) => heading.textContent ?? ''));
  return headings.map((heading, index) => {
    const id = anchors[index] ?? `section-${index}`;
    heading.id = id;
    heading.tabIndex = -1;
    return { id, text: heading.textContent ?? '', level: Number(heading.tagName.slice(1)) };
  });
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, tr, dt, dd';

/** Text offset of the first block whose bottom is below `top` (viewport px): where the reader is. */
export function firstVisibleOffset(container: HTMLElement, top: number): number {
  for (const block of container.querySelectorAll<HTMLElement>(BLOCKS)) {
    if (block.getBoundingClientRect().bottom > top) return textOffset(container, block, 0);
  }
  return 0;
}

/** The block holding text offset `offset` (the last block starting at or before it). */
export function blockAtOffset(container: HTMLElement, offset: number): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const block of container.querySelectorAll<HTMLElement>(BLOCKS)) {
    if (textOffset(container, block, 0) > offset) break;
    found = block;
  }
  return found;
}

/**
 * Shows a passage note: its highlight in the middle of the window, focused; or, when its words are gone
 * (an orphan, listed in the margin), its card. Returns false when neither is on the page.
 */
export function focusPassageNote(noteId: string): boolean {
  const target =
    document.getElementById(`highlight-${noteId}`) ??
    [...document.querySelectorAll<HTMLElement>('.reader-margin [data-note-id]')].find(
      (card) => card.dataset['noteId'] === noteId,
    );
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}
