import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routeUrl, useE2e } from '../support/e2e';
import { foreignRequests, startHarness } from '../support/web-harness';

const e2e = useE2e();

const RECORD_URL = /#\/browse\/record\/lt-deportations-1940-1953\//;

async function openSearch(page: Page) {
  await page.goto(e2e.url('/search'));
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  return page.getByRole('searchbox', { name: 'Search' });
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('search in Chromium (npm run web)', () => {
  it('finds a place typed in Lithuanian and opens it with the keyboard', async () => {
    const { page, context, errors, requests } = await e2e.open();
    const searchbox = await openSearch(page);
    await searchbox.pressSequentially('Krasnojarskas', { delay: 20 });
    const results = page.getByRole('list', { name: 'Search results' });
    await results
      .getByRole('link', { name: /^Krasnoyarsk\b/ })
      .first()
      .waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /\d+ results?/ })
          .count(),
      )
      .toBe(1);
    // The matched alternate name is shown, highlighted, in the snippet.
    await results.locator('mark', { hasText: 'Krasnojarskas' }).first().waitFor();

    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/^Krasnoyarsk/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toMatch(/^Krasnoyarsk/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Krasnoyarsk', exact: true }).waitFor();
    expect(page.url()).toMatch(RECORD_URL);
    expect(page.url()).toContain('place-krasnoyarsk');
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('opens Search from anywhere with / and Ctrl+K, and Enter opens the first result', async () => {
    const { page, context, errors } = await e2e.visit('/browse');
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    await page.keyboard.press('/');
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => searchbox.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toContain('#/search');

    await page.goto(e2e.url('/about'));
    await page.getByRole('heading', { level: 1, name: 'About Atmintis' }).waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => searchbox.evaluate((el) => el === document.activeElement)).toBe(true);

    await searchbox.fill('');
    await searchbox.pressSequentially('Прибой', { delay: 20 });
    await page
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: /^Operation Priboi \(March 1949\)/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Operation Priboi', exact: true }).waitFor();
    expect(page.url()).toMatch(RECORD_URL);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains invalid syntax inline, refines with facets and clears with Escape', async () => {
    const { page, context, errors } = await e2e.open();
    const searchbox = await openSearch(page);
    await searchbox.fill('Osen year:soon');
    await page.getByText('“soon” is not a year or year range').waitFor();
    await page.getByRole('list', { name: 'Search results' }).waitFor();

    await searchbox.fill('Osen');
    const kinds = page.getByRole('group', { name: 'Kind' });
    await kinds.getByRole('checkbox', { name: /^Bibliography entry/ }).check();
    await expect.poll(() => searchbox.inputValue()).toBe('Osen kind:bibliography');
    await expect
      .poll(async () =>
        (
          await page.getByRole('list', { name: 'Search results' }).getByRole('heading').allTextContents()
        ).join('|'),
      )
      .toMatch(/^Bibliography \(\d+\)$/);

    await searchbox.focus();
    await page.keyboard.press('Escape');
    expect(await searchbox.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps recent and saved searches and runs them again', async () => {
    const { page, context, errors } = await e2e.open();
    const searchbox = await openSearch(page);
    await searchbox.fill('tremtiniai');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    await searchbox.press('Enter');
    await page.waitForURL(RECORD_URL);

    await page.goto(e2e.url('/search'));
    await searchbox.fill('');
    const saved = page.getByRole('region', { name: 'Saved searches' });
    const recent = page.getByRole('region', { name: 'Recent searches' });
    await saved.getByRole('button', { name: 'tremtiniai', exact: true }).waitFor();
    await recent.getByRole('button', { name: 'tremtiniai', exact: true }).click();
    expect(await searchbox.inputValue()).toBe('tremtiniai');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists more results of a broad query on request, keeping focus on the button', async () => {
    const { page, context, errors } = await e2e.open();
    const searchbox = await openSearch(page);
    await searchbox.fill('1941');
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.waitFor();
    const showing = page.getByText(/^Showing [\d,]+ of [\d,]+ results$/);
    const shownAndTotal = async () => {
      const match = /^Showing ([\d,]+) of ([\d,]+)/.exec((await showing.textContent()) ?? '');
      return [Number(match?.[1]?.replace(/,/g, '')), Number(match?.[2]?.replace(/,/g, ''))];
    };
    const [shown, total] = await shownAndTotal();
    expect(shown).toBe(50);
    expect(total).toBeGreaterThan(50);

    await more.click();
    const grown = Math.min(100, total as number);
    if (total === grown) await showing.waitFor({ state: 'detached' });
    else {
      await expect.poll(async () => (await shownAndTotal())[0]).toBe(grown);
      expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    }

    // The list renders only the rows in view, yet End reaches the last of the results now shown.
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.getByRole('link').count()).toBeLessThan(grown);
    await results.getByRole('link').first().focus();
    await page.keyboard.press('End');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const items = [...document.querySelectorAll('.search-result')];
          const last = items.reduce((a, b) =>
            Number(a.getAttribute('data-index')) > Number(b.getAttribute('data-index')) ? a : b,
          );
          return last.contains(document.activeElement);
        }),
      )
      .toBe(true);

    // Another query, even the same text typed again, starts over at 50.
    await searchbox.fill('');
    await searchbox.fill('1941');
    await expect.poll(async () => (await shownAndTotal())[0]).toBe(50);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the query syntax help', async () => {
    const { page, context } = await e2e.open();
    await openSearch(page);
    await page.getByRole('button', { name: 'Query syntax' }).click();
    const dialog = page.getByRole('dialog', { name: 'How to search' });
    await dialog.getByText('year:1945..1953').first().waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await context.close();
  });

  it("finds the user's notes, opens a note's record, and filters has:notes", async () => {
    const { page, context, errors, requests } = await e2e.open();
    let searchbox = await openSearch(page);
    await searchbox.pressSequentially('Krasnojarskas', { delay: 10 });
    await page
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: /^Krasnoyarsk\b/ })
      .first()
      .click();
    await page.waitForURL(RECORD_URL);
    const recordUrl = page.url();
    await page
      .getByRole('region', { name: 'Your notes' })
      .getByRole('button', { name: 'Add a note' })
      .click();
    await page
      .getByRole('textbox', { name: 'Note (Markdown)' })
      .pressSequentially('Ask the archivist about quokka permits', {
        delay: 5,
      });
    await page.getByText(/^Saved at /).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    searchbox = await openSearch(page);
    // The search view keeps the last query: replace it.
    await searchbox.fill('');
    await searchbox.pressSequentially('quokka', { delay: 10 });
    const results = page.getByRole('list', { name: 'Search results' });
    const noteResult = results.getByRole('link', { name: /^Ask the archivist about quokka permits/ });
    await noteResult.waitFor();
    await results.locator('mark', { hasText: 'quokka' }).first().waitFor();
    await noteResult.click();
    await page.waitForURL(recordUrl);

    searchbox = await openSearch(page);
    await searchbox.fill('has:notes kind:place');
    await results
      .getByRole('link', { name: /^Krasnoyarsk\b/ })
      .first()
      .waitFor();
    await expect.poll(() => results.getByRole('link').count()).toBe(1);

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('saves the index it built, and a new window opens it instead of indexing the collections again', async () => {
    // Its own harness: a data folder with no saved index yet.
    const fresh = await startHarness();
    try {
      const first = await e2e.visit('/search', { on: fresh });
      await first.page.getByRole('searchbox', { name: 'Search' }).fill('Igarka');
      const result = (page: Page) =>
        page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: /^Igarka\b/ });
      await result(first.page).first().waitFor();
      expect(first.requests.some((url) => url.includes('/api/collections.get'))).toBe(true);
      // Saved once searches have been quiet for a few seconds.
      const saved = join(fresh.dataDir, 'search-index', 'snapshot.bin');
      await expect.poll(() => existsSync(saved), { timeout: 30_000 }).toBe(true);
      await first.context.close();

      const second = await e2e.open();
      const indexResponses: number[] = [];
      second.context.on('response', (response) => {
        if (response.url().includes('/search-index.bin')) indexResponses.push(response.status());
      });
      await second.page.goto(routeUrl(fresh, '/search'));
      await second.page.getByRole('searchbox', { name: 'Search' }).fill('Igarka');
      await result(second.page).first().waitFor();
      expect(indexResponses).toEqual([200]);
      expect(second.requests.filter((url) => url.includes('/api/collections.get'))).toEqual([]);
      expect(second.errors).toEqual([]);
      await second.context.close();
    } finally {
      await fresh.stop();
    }
  });
});
