/**
 * The Reader and the keyboard in real Chromium (npm run web), where scrolling and focus need real
 * layout: find brings the current match into view (typing, Enter, Next), Highlight and Add note appear
 * by the selection and are reached with Ctrl+Shift+H, the title is printed once; "/" selects the old
 * query; a record opened from Search stays under Search and goes back to the same results, scrolled
 * where they were, with the opened result focused (by its link and by the browser's Back).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { selectPhrase } from '../support/select-phrase';

const COLLECTION = 'lt-deportations-1940-1953';

const e2e = useE2e();

/** Where the current find match is on screen, and its text. */
const currentMatch = (page: Page) =>
  page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    const current = registry.get('reader-find-current');
    const range = current ? [...current][0] : undefined;
    if (!range) return null;
    const box = range.getBoundingClientRect();
    return { text: range.toString(), top: box.top, bottom: box.bottom, height: window.innerHeight };
  });

const inView = (match: Awaited<ReturnType<typeof currentMatch>>) =>
  match !== null && match.top >= 0 && match.bottom <= match.height;

/**
 * A word found once in the text (accents and case folded, as find folds them), as far down as there is
 * one: chosen from the text as it is, so the test does not depend on the essay's wording.
 */
const wordNearTheEnd = (page: Page) =>
  page.locator('.reader-text').evaluate((root) => {
    const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const text = fold(root.textContent ?? '');
    const words = (root.textContent ?? '').match(/\b[A-Za-z]{7,}\b/g) ?? [];
    for (let i = words.length - 1; i >= 0; i -= 1) {
      const word = words[i] as string;
      if (text.split(fold(word)).length === 2) return word;
    }
    return '';
  });

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName ?? '',
      text: element?.textContent?.trim() ?? '',
      label: element?.getAttribute('aria-label') ?? '',
      href: element?.getAttribute('href') ?? '',
    };
  });

describe('the Reader by keyboard and mouse', () => {
  it('shows the title once, scrolls find to its match and annotates by the selection', async () => {
    const { page, context, errors } = await e2e.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(e2e.url(`/reader/${COLLECTION}/overview`));
    await page.getByRole('navigation', { name: 'Contents' }).waitFor();
    // The essay opens with its own title: the page prints it once.
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);

    // A word near the end of the essay, far below the find field.
    const word = await wordNearTheEnd(page);
    expect(word).not.toBe('');
    const field = page.getByRole('searchbox', { name: 'Find in document' });
    await field.click();
    await field.pressSequentially(word, { delay: 20 });
    await expect.poll(() => page.getByRole('search').locator('output').textContent()).toBe('1 of 1');
    await expect.poll(async () => inView(await currentMatch(page))).toBe(true);
    expect((await currentMatch(page))?.text).toBe(word);
    // It was more than a window below the top, where the page opened.
    expect(await page.evaluate(() => window.scrollY > window.innerHeight)).toBe(true);
    // Scrolled away, Enter on the only match and Next both bring it back.
    await page.evaluate(() => window.scrollTo(0, 0));
    await field.press('Enter');
    await expect.poll(async () => inView(await currentMatch(page))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(async () => inView(await currentMatch(page))).toBe(true);

    // Highlight and Add note appear under the selection, not at the top of the document.
    await selectPhrase(page, word);
    const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
    await toolbar.waitFor();
    const selected = await page.evaluate(() =>
      document.getSelection()?.getRangeAt(0).getBoundingClientRect(),
    );
    const box = await toolbar.boundingBox();
    expect(box && selected && box.y - selected.bottom).toBeGreaterThanOrEqual(0);
    expect(box && selected && box.y - selected.bottom).toBeLessThan(40);

    // From the keyboard: Ctrl+Shift+H enters the toolbar, Escape gives focus back with the selection kept.
    const contentsEntry = page.getByRole('navigation', { name: 'Contents' }).getByRole('button').first();
    await contentsEntry.focus();
    const before = await focused(page);
    await selectPhrase(page, word);
    await toolbar.waitFor();
    await page.keyboard.press('Control+Shift+H');
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Highlight' });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toEqual(before);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(word);
    await page.keyboard.press('Control+Shift+H');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '1 highlight' }).waitFor();
    await toolbar.waitFor({ state: 'detached' });
    expect(await page.locator('.reader-text mark.note-highlight').allTextContents()).toEqual([word]);
    // The toolbar went with the selection; focus went back rather than to the page body.
    expect(await focused(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Search and Back by keyboard', () => {
  it('"/" selects the old query; a result opened from Search comes back focused, in place', async () => {
    const { page, context, errors } = await e2e.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(e2e.url('/search'));
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await searchbox.fill('1941');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link').first().waitFor();

    // Scroll the results, then open one further down.
    const pane = page.locator('.search-results-pane');
    await pane.evaluate((element) => {
      element.scrollTop = 400;
    });
    await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
    const scrolled = await pane.evaluate((element) => element.scrollTop);
    const opened = await pane.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      const link = [
        ...element.querySelectorAll<HTMLAnchorElement>('a.search-result-link[href^="#/browse/record/"]'),
      ].find((candidate) => candidate.getBoundingClientRect().top > top + 20);
      return link?.getAttribute('href') ?? '';
    });
    expect(opened).toMatch(/^#\//);
    await page.locator(`a.search-result-link[href="${opened}"]`).click();
    await page.waitForURL((url) => url.hash === opened);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // The record stays under Search in the navigation, and leads back to the results.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Search' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Browse' }).getAttribute('aria-current')).toBeNull();
    await page.getByRole('link', { name: '← Back to results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await searchbox.inputValue()).toBe('1941');
    await expect.poll(async () => (await focused(page)).href).toBe(opened);
    expect(Math.abs((await pane.evaluate((element) => element.scrollTop)) - scrolled)).toBeLessThan(5);

    // Opened with Enter from the focused result, then the browser's Back: focus is on it again.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === opened);
    await page.getByRole('link', { name: '← Back to results' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await expect.poll(async () => (await focused(page)).href).toBe(opened);

    // "/" from a record selects the query kept in the box, so typing replaces it.
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: '← Back to results' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await expect.poll(() => searchbox.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(
      await searchbox.evaluate((element: HTMLInputElement) => [element.selectionStart, element.selectionEnd]),
    ).toEqual([0, 4]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('in Lithuanian', () => {
  it('labels the selection toolbar and the way back to the results in Lithuanian', async () => {
    const { page, context, errors } = await e2e.visit(`/reader/${COLLECTION}/overview`, { language: 'lt' });
    await page.getByRole('searchbox', { name: 'Ieškoti dokumente' }).waitFor();
    const word = await wordNearTheEnd(page);
    await selectPhrase(page, word);
    const toolbar = page.getByRole('toolbar', { name: 'Pažymėti pasirinktą tekstą' });
    await toolbar.getByRole('button', { name: 'Pridėti pastabą' }).waitFor();

    await page.goto(e2e.url('/search'));
    await page.getByRole('searchbox', { name: 'Paieška' }).fill('Igarka');
    const result = page.locator('a.search-result-link[href^="#/browse/record/"]').first();
    await result.click();
    await page.getByRole('link', { name: '← Atgal į paieškos rezultatus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paieška' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Paieška' }).inputValue()).toBe('Igarka');
    expect(errors).toEqual([]);
    await context.close();
  });
});
