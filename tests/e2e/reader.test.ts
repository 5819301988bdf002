/**
 * The Reader in real Chromium (npm run web): the collection's overview opens with its table of contents
 * and citation popovers and remembers the reading position; a Markdown file, a plain text file, a PDF
 * and a hostile HTML file are imported through the file picker and open (the HTML sanitised);
 * find-in-document counts and steps through matches; highlights survive a reload.
 * Every request leaving the app's origin is blocked and recorded, and none may be attempted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { selectPhrase } from '../support/select-phrase';
import { foreignRequests } from '../support/web-harness';

const OVERVIEW = 'The Soviet deportations from Lithuania: an overview';
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/documents', name));

const e2e = useE2e();

async function openLibrary(page: Page): Promise<void> {
  await page.goto(e2e.url('/reader'));
  await page.getByRole('heading', { level: 1, name: 'Reader' }).waitFor();
}

async function find(page: Page, query: string): Promise<void> {
  const field = page.getByRole('searchbox', { name: 'Find in document' });
  await field.fill(query);
}

const findStatus = (page: Page) => page.getByRole('search').locator('output');

describe('the Reader in Chromium', () => {
  it('reads the overview and imported Markdown, text and PDF offline, with find and lasting highlights', async () => {
    const { page, context, requests, errors } = await e2e.open();
    const blocked: string[] = [];
    const origin = new URL(e2e.baseUrl).origin;
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
        await route.continue();
      } else {
        blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });

    // The collection's overview, with its table of contents and a record link's popover.
    await openLibrary(page);
    await page.getByRole('link', { name: OVERVIEW }).click();
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).first().waitFor();
    const contents = page.getByRole('navigation', { name: 'Contents' });
    await contents.getByRole('button', { name: 'June 1941' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('june-1941');
    await page.locator('.reader-text a', { hasText: 'Molotov–Ribbentrop Pact' }).first().click();
    const popover = page.getByRole('dialog', { name: 'Linked record' });
    await popover.waitFor();
    expect(await popover.getByRole('link', { name: 'Open the record' }).getAttribute('href')).toContain(
      'ev-molotov-ribbentrop-pact',
    );
    await popover.getByRole('button', { name: 'Close' }).click();
    // A figure links to its claim: the popover names the figure and its source, as the record holds them.
    await page.locator('.reader-text a[data-claim]').first().click();
    const figure = page.getByRole('dialog', { name: 'Cited figure' });
    await figure.waitFor();
    expect(await figure.getByRole('link', { name: 'Open the record' }).getAttribute('href')).toMatch(
      /^#\/browse\/record\//,
    );
    await page.keyboard.press('Escape');
    await figure.waitFor({ state: 'detached' });

    // The reading position is remembered: leave at "Exile", come back there.
    await contents.getByRole('button', { name: 'Exile' }).click();
    await page.waitForTimeout(600);
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByRole('link', { name: OVERVIEW }).click();
    await contents.getByRole('button', { name: 'Exile' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const top = document.getElementById('exile')?.getBoundingClientRect().top ?? -1;
          return top >= 0 && top < window.innerHeight / 2;
        }),
      )
      .toBe(true);

    // Import three documents through the file picker.
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByLabel('Import documents').setInputFiles([
      { name: 'field-notebook.md', mimeType: 'text/markdown', buffer: fixture('sample.md') },
      { name: 'plain-notes.txt', mimeType: 'text/plain', buffer: fixture('sample.txt') },
      { name: 'sample.pdf', mimeType: 'application/pdf', buffer: fixture('sample.pdf') },
    ]);
    await page.getByRole('status').filter({ hasText: 'Imported sample.pdf.' }).waitFor();
    // Titled by their own heading and PDF metadata; plain text has neither and keeps its file name.
    for (const title of ['Field notebook', 'plain-notes', 'Atmintis reader test PDF']) {
      await page.getByRole('link', { name: title, exact: true }).waitFor();
    }

    // Markdown: table of contents, find, a highlight that survives a reload.
    await page.getByRole('link', { name: 'Field notebook', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Field notebook' }).first().waitFor();
    await page
      .getByRole('navigation', { name: 'Contents' })
      .getByRole('button', { name: 'Second section' })
      .waitFor();
    await find(page, 'LANTERN');
    await expect.poll(() => findStatus(page).textContent()).toBe('1 of 1');
    await selectPhrase(page, 'reading room opens');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('heading', { name: '1 highlight' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Field notebook' }).first().waitFor();
    await page.getByRole('heading', { name: '1 highlight' }).waitFor();
    expect(await page.locator('.reader-text mark.note-highlight').allTextContents()).toEqual([
      'reading room opens',
    ]);
    expect(await page.locator('.reader-text a', { hasText: 'remote link' }).getAttribute('href')).toBe(
      'https://example.org/page',
    );

    // Plain text: find steps through the matches.
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByRole('link', { name: 'plain-notes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'plain-notes' }).waitFor();
    await find(page, 'lantern');
    await expect.poll(() => findStatus(page).textContent()).toBe('1 of 2');
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(() => findStatus(page).textContent()).toBe('2 of 2');
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(() => findStatus(page).textContent()).toBe('1 of 2');

    // PDF: pdf.js (bundled worker) gives the page text, which find searches.
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByRole('link', { name: 'Atmintis reader test PDF', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Atmintis reader test PDF' }).waitFor();
    await page
      .getByRole('region', { name: 'Page 1' })
      .getByText('Find the word lantern on this page.')
      .waitFor();
    await find(page, 'lantern');
    await expect.poll(() => findStatus(page).textContent()).toBe('1 of 1');
    // The page image is drawn (dark text pixels on the canvas) under the text layer.
    await expect
      .poll(() =>
        page.locator('.pdf-page canvas').evaluate((canvas: HTMLCanvasElement) => {
          const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
          let dark = 0;
          for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark += 1;
          return dark;
        }),
      )
      .toBeGreaterThan(100);
    // Passages of a PDF are highlighted like any text, and stay after a reload.
    await selectPhrase(page, 'sample page');
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('heading', { name: '1 highlight' }).waitFor();
    await page.reload();
    await page.locator('.textLayer mark.note-highlight').first().waitFor();
    expect((await page.locator('.reader-text mark.note-highlight').allTextContents()).join('')).toBe(
      'sample page',
    );

    // HTML with scripts and remote resources: opened sanitised, and nothing is fetched.
    expect(errors).toEqual([]);
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByLabel('Import documents').setInputFiles([
      {
        name: 'hostile.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          '<!doctype html><html><head><link rel="stylesheet" href="https://cdn.example/x.css">' +
            '<script src="https://cdn.example/x.js"></script></head><body><h1>Hostile page</h1>' +
            '<p style="background:url(https://tracker.example/bg.png)">Plain words stay.</p>' +
            '<img src="https://tracker.example/pixel.gif" onerror="document.title=1">' +
            '<iframe src="https://evil.example/"></iframe><script>document.title = "pwned"</script></body></html>',
        ),
      },
    ]);
    await page.getByRole('link', { name: 'Hostile page', exact: true }).click();
    await page.getByText('Plain words stay.').waitFor();
    expect(await page.locator('.reader-text :is(script, img, iframe, link, [style])').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    // Parsing the hostile file (inside DOMPurify, before anything reaches the page) makes Chromium
    // report that the CSP refused its inline style and handler: the second line of defence at work.
    // Those reports are the only errors allowed.
    expect(
      errors.filter((error) => !/violates the following Content Security Policy directive/.test(error)),
    ).toEqual([]);

    expect(blocked).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });
});
