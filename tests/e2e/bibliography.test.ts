import { parse as parseBibTeX } from '@retorquere/bibtex-parser';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();

const COLLECTION = 'lt-deportations-1940-1953';

/** The bundled works' authors (else editors), by id, to check what a "———" stands for. */
const CREATORS = new Map(
  (
    JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, `../../resources/collections/${COLLECTION}/bibliography.json`),
        'utf8',
      ),
    ) as { id: string; author?: unknown[]; editor?: unknown[] }[]
  ).map((item) => [item.id, JSON.stringify(item.author?.length ? item.author : (item.editor ?? []))]),
);

const BIBLIOGRAPHY_SIZE = CREATORS.size;

/** The list item of a work, found by the start of its formatted reference. */
const work = (page: Page, reference: string) =>
  page.getByRole('list', { name: 'Works' }).getByRole('listitem').filter({ hasText: reference });

describe('Bibliography in Chromium (npm run web), under the app CSP', () => {
  it('formats the bundled bibliography with citeproc, and changes style on request', async () => {
    const { page, context, requests, errors } = await e2e.open();
    const started = Date.now();
    await page.goto(e2e.url('/bibliography'));
    await page.getByRole('heading', { level: 1, name: 'Bibliography' }).waitFor();
    // Chicago author-date is the default style.
    await work(page, 'Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.').waitFor();
    const firstFormatted = Date.now() - started;

    await page.getByLabel('Citation style').selectOption({ label: 'APA (7th edition)' });
    await work(page, 'Anušauskas, A. (2012). Teroras, 1940–1958. Versus Aureus.').waitFor();
    await page.getByLabel('Citation style').selectOption({ label: 'MLA (9th edition)' });
    await work(page, 'Anušauskas, A. Teroras, 1940–1958. Versus Aureus, 2012.').waitFor();
    // The Lithuanian locale: Lithuanian quotation marks and terms.
    await page.getByLabel('Language of references').selectOption({ label: 'Lithuanian' });
    await work(page, 'Burauskaitė, B., sudarytojas.').waitFor();

    // Italics come through as markup, and nothing else does (no attributes, so no inline style).
    const html = await work(page, 'Anušauskas, A. Teroras').locator('.formatted-reference').innerHTML();
    expect(html).toBe('Anušauskas, A. <i>Teroras, 1940–1958</i>. Versus Aureus, 2012.');

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    console.info(`first formatted reference ${firstFormatted} ms after navigation`);
    await context.close();
  });

  it('starts the CSL worker only when Bibliography opens, lists every work at once, then formats them', async () => {
    const { page, context, requests, errors } = await e2e.visit('/search');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const cslWorker = () => requests.filter((url) => /csl\.worker[^/]*\.js$/.test(url));
    // Not on the startup path: citation-js and citeproc are loaded by the worker, for Bibliography.
    expect(cslWorker()).toEqual([]);

    await page.goto(e2e.url('/bibliography'));
    const list = page.getByRole('list', { name: 'Works' });
    // Every work is listed from the collection's data, formatted or not yet.
    const total = BIBLIOGRAPHY_SIZE;
    await expect.poll(() => list.getByRole('listitem').count()).toBe(total);
    await work(page, 'Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.').waitFor();
    // Busy while the worker formats, and no longer once the whole list is in.
    await page.locator('ul.entry-list[aria-busy="false"]').waitFor();
    expect(cslWorker()).toHaveLength(1);

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('shows the bundled list formatted on first opening from the build, without waiting for the worker', async () => {
    const { page, context, requests } = await e2e.open();
    // No CSL worker at all: whatever the list shows formatted came from the build's precomputed asset.
    await context.route(/csl\.worker[^/]*\.js$/, (route) => route.abort());
    await page.goto(e2e.url('/search'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Opened as a reader does, from the navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bibliography' }).click();
    await work(page, 'Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.').waitFor();
    await page.locator('ul.entry-list[aria-busy="false"]').waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Works' }).getByRole('listitem').count())
      .toBe(BIBLIOGRAPHY_SIZE);
    expect(requests.filter((url) => /csl-precomputed-[^/]*\.json$/.test(url))).toHaveLength(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('searches, filters and opens a work: its reference, citation, citing records and source notes', async () => {
    const { page, context, requests, errors } = await e2e.visit('/bibliography');
    await page.getByRole('heading', { level: 1, name: 'Bibliography' }).waitFor();
    const list = page.getByRole('list', { name: 'Works' });

    // Search ignores diacritics.
    await page.getByLabel('Search the bibliography').fill('anusauskas');
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(0);
    const texts = await list.getByRole('listitem').allTextContents();
    expect(texts.every((text) => text.includes('Anušauskas'))).toBe(true);

    await page.getByLabel('Search the bibliography').fill('');
    await page.getByLabel('Type of work').selectOption({ label: 'Journal article (5)' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(5);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // The page-wide source notes (citation integrity report).
    const notes = page.getByRole('region', { name: 'Source notes' });
    await expect.poll(() => notes.getByRole('listitem').count()).toBeGreaterThan(0);

    await page.getByLabel('Citation style').selectOption({ label: 'Chicago (author-date)' });
    await work(page, 'Anušauskas, A. 2012. Teroras').getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`#/bibliography/${COLLECTION}/anusauskas2012`);
    await page.getByRole('heading', { level: 1, name: 'Anušauskas 2012' }).waitFor();
    await page.getByText('Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.').waitFor();
    await page.getByText('(Anušauskas 2012)').waitFor();

    await page.getByLabel('Citation style').selectOption({ label: 'APA (7th edition)' });
    await page.getByText('Anušauskas, A. (2012). Teroras, 1940–1958. Versus Aureus.').waitFor();
    await page.getByText('(Anušauskas, 2012)').waitFor();

    // The records resting on this work link to their pages.
    const citing = page.getByRole('region', { name: /^Cited by \d+ records?$/ });
    const firstRecord = citing.getByRole('link').first();
    await firstRecord.waitFor();
    expect(await firstRecord.getAttribute('href')).toMatch(new RegExp(`^#/browse/record/${COLLECTION}/`));

    // The chosen style is remembered across a reload.
    await page.reload();
    await page.getByText('Anušauskas, A. (2012). Teroras, 1940–1958. Versus Aureus.').waitFor();

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('shows a work the collection knows only from a citation, with the note that concerns it', async () => {
    const { page, context, errors } = await e2e.visit(`/bibliography/${COLLECTION}/davoliute2015`);
    await page.getByRole('heading', { level: 1, name: 'Davoliūtė 2015' }).waitFor();
    const notes = page.getByRole('region', { name: 'Source notes' });
    await notes.getByText('Cited, not listed').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cites a work at the page a record relies on, from an accessible dialog', async () => {
    const { page, context, requests, errors } = await e2e.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
    await page.goto(e2e.url(`/bibliography/${COLLECTION}/anusauskas2012`));
    await page.getByRole('heading', { level: 1, name: 'Anušauskas 2012' }).waitFor();

    const cite = page.getByRole('button', { name: 'Cite this: Post-war deportations, 1945–1953' });
    await cite.click();
    const dialog = page.getByRole('dialog', { name: 'Cite: Post-war deportations, 1945–1953' });
    await dialog.waitFor();
    // The claim rests on Anušauskas p. 266, known through Balkelis 2026 (an "as-cited" claim).
    await dialog.getByText('(Anušauskas 2012, 266; cited in Balkelis 2026)').waitFor();
    await dialog.getByText('Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.').waitFor();
    await dialog.getByText('Balkelis, Tomas. 2026. “The Mass Deportations of Lithuanians').waitFor();

    // The style can be changed inside the dialog.
    await dialog.getByLabel('Citation style').selectOption({ label: 'APA (7th edition)' });
    await dialog.getByText('(Anušauskas, 2012, p. 266; cited in Balkelis, 2026)').waitFor();

    // Two works, two Copy buttons, told apart by name.
    await dialog.getByRole('button', { name: 'Copy reference: Balkelis 2026' }).waitFor();
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '(Anušauskas, 2012, p. 266; cited in Balkelis, 2026)',
    );

    // Esc closes it and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cite.evaluate((element) => element === document.activeElement)).toBe(true);

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('exports all works as BibTeX that an independent parser reads without errors', async () => {
    const { page, context, errors } = await e2e.visit('/bibliography');
    await work(page, 'Anušauskas, A.').first().waitFor();
    const total = await page.getByRole('list', { name: 'Works' }).getByRole('listitem').count();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export all (${total})` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${COLLECTION}-bibliography.bib`);
    const bibtex = await readFile((await file.path()) ?? '', 'utf8');
    const library = parseBibTeX(bibtex, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(total);
    expect(bibtex).toContain('author = {Anušauskas, A.}');
    // A month macro with the day in biblatex's date; whole words braced, never part of one.
    expect(bibtex).toContain('month = jan,\n\tdate = {2026-01-08},');
    expect(bibtex).not.toMatch(/month = \{/);
    expect(bibtex).toContain('{Grinkevičiūtė}');
    expect(bibtex).not.toContain('{Grinkevi}');

    // Only the selected works.
    await page.getByRole('checkbox', { name: 'Select Anušauskas 2012' }).check();
    await page.getByRole('checkbox', { name: 'Select Burauskaitė (ed.) 1992' }).check();
    await page.getByLabel('Export format').selectOption({ label: 'RIS (.ris)' });
    const selectedDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export selected (2)' }).click();
    const ris = await readFile((await (await selectedDownload).path()) ?? '', 'utf8');
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris).toContain('AU  - Anušauskas, A.');
    expect(ris).toContain('A3  - Burauskaitė, B.');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts MLA\'s "———" only under a work by the same authors as shown, in every sort and filter', async () => {
    const { page, context, errors } = await e2e.visit('/bibliography');
    await page.getByRole('heading', { level: 1, name: 'Bibliography' }).waitFor();
    await page.getByLabel('Citation style').selectOption({ label: 'MLA (9th edition)' });
    const list = page.getByRole('list', { name: 'Works' });
    await work(page, 'Anušauskas, A. Teroras, 1940–1958. Versus Aureus, 2012.').waitFor();

    const shown = () =>
      list.locator('.entry-link').evaluateAll((links) =>
        links.map((link) => ({
          id: decodeURIComponent(link.getAttribute('href')?.split('/').pop() ?? ''),
          text: link.textContent ?? '',
        })),
      );
    let substitutes = 0;
    const sorts = ['Author (A–Z)', 'Year (oldest first)', 'Year (newest first)', 'Title (A–Z)'];
    const filters = ['', 'Moscow', 'Balkelis', 'Grinkevičiūtė', 'Lithuania'];
    for (const sort of sorts) {
      await page.getByLabel('Sort by').selectOption({ label: sort });
      for (const filter of filters) {
        await page.getByLabel('Search the bibliography').fill(filter);
        const entries = await shown();
        entries.forEach((entry, index) => {
          if (!entry.text.startsWith('———')) return;
          substitutes += 1;
          const above = entries[index - 1];
          expect(above && CREATORS.get(above.id), `${sort} "${filter}": ${entry.id} under ${above?.id}`).toBe(
            CREATORS.get(entry.id),
          );
        });
      }
    }
    expect(substitutes).toBeGreaterThan(0);

    // The reported case: sorted by author, Armonas's 1961 book comes right after Anušauskas.
    await page.getByLabel('Search the bibliography').fill('');
    await page.getByLabel('Sort by').selectOption({ label: 'Author (A–Z)' });
    await work(page, 'Armonas, Barbara. Leave Your Tears in Moscow. Lippincott, 1961.').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a reference whose title is unknown, in the list, on its page and in Cite this', async () => {
    const { page, context, errors } = await e2e.visit('/bibliography');
    await page.getByLabel('Search the bibliography').fill('Bugai');
    await work(page, 'Bugai. 1992.').getByText('Incomplete reference: title unknown').waitFor();
    await work(page, 'Anušauskas').waitFor({ state: 'detached' });

    await page.goto(e2e.url(`/bibliography/${COLLECTION}/bugai1992`));
    await page.getByRole('heading', { level: 1, name: 'Bugai 1992' }).waitFor();
    await page.getByText('Incomplete reference: title unknown').first().waitFor();

    await page.getByLabel('Citation style').selectOption({ label: 'Chicago (notes and bibliography)' });
    const citing = page.getByRole('region', { name: /^Cited by \d+ records?$/ });
    await citing
      .getByRole('button', { name: /^Cite this: / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Note' }).waitFor();
    await expect
      .poll(() => dialog.getByText('Incomplete reference: title unknown').count())
      .toBeGreaterThan(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
