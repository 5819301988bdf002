import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Selects `phrase` in the Reader's text (or another container) as a user dragging over it would: one
 * DOM range over its first occurrence, which the page sees through `selectionchange`.
 */
export async function selectPhrase(page: Page, phrase: string, container = '.reader-text'): Promise<void> {
  const found = await page.locator(container).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return true;
    }
    return false;
  }, phrase);
  expect(found, `the text contains "${phrase}"`).toBe(true);
}
