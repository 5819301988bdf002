/**
 * Between DOM selections and plain-text offsets of a container: the offsets anchoring uses are
 * positions in the container's textContent, which is what the reader sees as text.
 */

/** Offset of a DOM boundary point within the container's text. */
export function textOffset(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection's offsets in the container's text, or null when it is empty or not inside it. */
export function selectionOffsets(
  container: HTMLElement,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = textOffset(container, range.startContainer, range.startOffset);
  const end = textOffset(container, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

export const HIGHLIGHT_CLASS = 'note-highlight';

/** Removes the highlight marks added by `wrapRange`, restoring the original text nodes. */
export function clearHighlights(container: HTMLElement): void {
  for (const mark of [...container.querySelectorAll(`mark.${HIGHLIGHT_CLASS}`)]) {
    mark.replaceWith(...mark.childNodes);
  }
  container.normalize();
}

/** Wraps the text between two offsets in `<mark>` elements (one per text node it spans). */
export function wrapRange(
  container: HTMLElement,
  start: number,
  end: number,
  decorate: (mark: HTMLElement, first: boolean) => void,
): HTMLElement[] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const targets: Array<{ node: Text; from: number; to: number }> = [];
  let position = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    const from = Math.max(start, position);
    const to = Math.min(end, position + length);
    if (from < to) targets.push({ node, from: from - position, to: to - position });
    position += length;
    if (position >= end) break;
  }
  return targets.map(({ node, from, to }, index) => {
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const mark = document.createElement('mark');
    mark.className = HIGHLIGHT_CLASS;
    middle.replaceWith(mark);
    mark.append(middle);
    decorate(mark, index === 0);
    return mark;
  });
}
