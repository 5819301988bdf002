/**
 * Issue 19's "day of use", in Chromium through the web harness, all in Lithuanian and by keyboard: the
 * interface is switched to Lithuanian in About (as a user would); then a Memorial-style Russian list in
 * Windows-1251 with prose dates is imported; Search finds a surname exactly and a misspelt one fuzzily,
 * exact matches first and each result saying its kind of match; a person is opened and cited in MLA and
 * in Chicago notes; the bibliography is exported as BibTeX and parsed back; a small Markdown document is
 * imported into the Reader and searched with Find.
 *
 * Elements are reached with Tab (tabTo) and used with Enter, Space or shortcuts; the only non-keyboard
 * steps are the operating system's file picker (setInputFiles) and choosing an option in a focused
 * <select> (selectOption), which the browser's own list does by keyboard.
 */
import { parse as parseBibTeX } from '@retorquere/bibtex-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foreignRequests,
  launchBrowser,
  openObservedPage,
  startHarness,
  type Harness,
} from '../support/web-harness';

const REGISTRY = join(import.meta.dirname, '../fixtures/registries/memorial-style-ru.csv');
/** Rows in the fixture, header excluded. */
const ROWS = 30;

/** An invented working note for the Reader: no historical content, just words to find. */
const NOTE = [
  '# Darbo užrašai',
  '',
  'Išgalvotas bandomasis tekstas skaityklei.',
  '',
  '## Antras skyrius',
  '',
  'Šiame sakinyje žodis žibintas pasitaiko vieną kartą.',
  '',
].join('\n');

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarness(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement).catch(() => false);

/**
 * Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. Shift+Tab
 * for what lies before the focus (the main navigation, seen from the page's content).
 */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 150) {
  await target.waitFor();
  for (let i = 0; i < limit; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  if (await isFocused(target)) return;
  const at = await page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.tagName} ${element?.getAttribute('aria-label') ?? element?.textContent?.slice(0, 60)}`;
  });
  throw new Error(`${String(target)} was not reached with ${limit} Tabs (focus is on ${at})`);
}

/** Tabs to `target` and presses `key` on it. */
async function activate(page: Page, target: Locator, tab: 'Tab' | 'Shift+Tab' = 'Tab') {
  await tabTo(page, target, tab);
  await page.keyboard.press('Enter');
}

/** Goes to a section through the main navigation, backwards from the page's content. */
const goTo = (page: Page, name: string) =>
  activate(
    page,
    page.getByRole('navigation', { name: 'Pagrindinė' }).getByRole('link', { name, exact: true }),
    'Shift+Tab',
  );

describe('a historian’s day in Lithuanian, by keyboard (npm run web, Chromium)', () => {
  it('imports, searches, opens, cites, exports and reads', async () => {
    const { page, context, requests, errors } = await openObservedPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.baseUrl });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${harness.baseUrl}/`);

    // Lithuanian first: About → Interface language.
    await activate(
      page,
      page.getByRole('navigation').first().getByRole('link', { name: 'About' }),
      'Shift+Tab',
    );
    const language = page.getByRole('combobox', { name: 'Interface language' });
    await tabTo(page, language);
    await language.selectOption('lt');
    await page.waitForFunction(() => document.documentElement.lang === 'lt');
    await page.getByRole('heading', { level: 1, name: 'Apie Atmintį' }).waitFor();

    // Import the Russian list with prose dates; nothing is refused.
    await goTo(page, 'Importas');
    await page.getByRole('heading', { level: 1, name: 'Importas' }).waitFor();
    await page.getByLabel('Importuojamas failas').setInputFiles(REGISTRY);
    await page.getByText('memorial-style-ru.csv: CSV/TSV lentelė').waitFor();
    expect(await page.getByLabel('Koduotė').inputValue()).toBe('windows-1251');
    await activate(page, page.getByRole('button', { name: 'Importuoti', exact: true }));
    const done = page.locator('.import-done').filter({ hasText: `: ${ROWS} įrašų.` });
    await done.waitFor({ timeout: 60_000 });
    // Prose dates ("в июле 1907", "ок. 1900") are kept as written and flagged, not refused.
    await page.getByText(/^\d+ dat(a|os|ų) palikt(a|os) taip, kaip parašyta/).waitFor();

    // Search, exact: the surname as written in the list.
    await goTo(page, 'Paieška');
    const searchbox = page.getByRole('searchbox', { name: 'Paieška' });
    await searchbox.waitFor();
    await page.keyboard.press('/');
    expect(await isFocused(searchbox)).toBe(true);
    await page.keyboard.type('Казлаускас');
    const results = page.getByRole('list', { name: 'Paieškos rezultatai' });
    const hits = results.getByRole('link');
    await expect.poll(() => hits.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const exact = await hits.allTextContents();
    // Every Kazlauskas in the list, each an exact match, before anything else.
    const kazlauskai = exact.filter((text) => text.startsWith('Казлаускас'));
    expect(kazlauskai).toHaveLength(3);
    for (const text of exact.slice(0, 3)) {
      expect(text).toContain('Казлаускас');
      expect(text).toContain('Tikslus atitikmuo');
    }

    // Search, fuzzy: a misspelt surname still finds the people, shown as a similar spelling.
    // In the search box "/" is a character; Esc clears the query (as the hint under the box says).
    await page.keyboard.press('Escape');
    expect(await searchbox.inputValue()).toBe('');
    await page.keyboard.type('Казлаускос');
    // (Polled: the results of the previous query stay until the new ones are in.)
    const kindsOf = async (surname: string) =>
      (await hits.allTextContents())
        .filter((text) => text.startsWith(surname))
        .map((text) => /Tikslus atitikmuo|Panaši rašyba|Panašiai skamba/.exec(text)?.[0]);
    await expect
      .poll(() => kindsOf('Казлаускас'), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(/^Panaš/),
        expect.stringMatching(/^Panaš/),
        expect.stringMatching(/^Panaš/),
      ]);

    // Open a person: the one born "в июле 1907", whose date is kept as written.
    await page.keyboard.press('Escape');
    await page.keyboard.type('Петрайтис');
    const person = hits.filter({ hasText: /^Петрайтис Юрий/ });
    await person.waitFor();
    await activate(page, person);
    await page.getByRole('heading', { level: 1, name: /^Петрайтис Юрий/ }).waitFor();
    const article = page.locator('article.record-page');
    expect(await article.textContent()).toContain('в июле 1907');

    // Cite this: MLA, then Chicago notes.
    const cite = page.getByRole('button', { name: /^Cituoti: Петрайтис Юрий/ });
    await activate(page, cite);
    const dialog = page.getByRole('dialog', { name: /^Cituoti: Петрайтис Юрий/ });
    await dialog.waitFor();
    const style = dialog.getByRole('combobox', { name: 'Citavimo stilius' });
    await tabTo(page, style);
    await style.selectOption({ label: 'MLA (9-asis leidimas)' });
    await dialog.getByRole('heading', { name: 'Nuoroda tekste' }).waitFor();
    const mla = await dialog.textContent();
    await style.selectOption({ label: 'Chicago (išnašos ir bibliografija)' });
    await dialog.getByRole('heading', { name: 'Išnaša' }).waitFor();
    const chicago = await dialog.textContent();
    console.info(`MLA:\n${mla}\nChicago notes:\n${chicago}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(cite)).toBe(true);

    // Export the bibliography as BibTeX and parse it back.
    await goTo(page, 'Bibliografija');
    await page.getByRole('heading', { level: 1, name: 'Bibliografija' }).waitFor();
    const works = page.getByRole('list', { name: 'Veikalai' });
    await works.getByRole('listitem').first().waitFor();
    const total = await works.getByRole('listitem').count();
    const format = page.getByRole('combobox', { name: 'Eksporto formatas' });
    await tabTo(page, format);
    await format.selectOption({ label: 'BibTeX (.bib)' });
    const download = page.waitForEvent('download');
    await activate(page, page.getByRole('button', { name: `Eksportuoti viską (${total})` }));
    const bibtex = await readFile((await (await download).path()) ?? '', 'utf8');
    const library = parseBibTeX(bibtex, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(total);

    // Read and find in an imported document.
    await goTo(page, 'Skaityklė');
    await page
      .getByLabel('Importuoti dokumentus')
      .setInputFiles([{ name: 'darbo-uzrasai.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) }]);
    await page.getByRole('status').filter({ hasText: 'Importuota: darbo-uzrasai.md.' }).waitFor();
    await activate(page, page.getByRole('link', { name: 'Darbo užrašai', exact: true }));
    await page.getByRole('heading', { level: 1, name: 'Darbo užrašai' }).waitFor();
    const find = page.getByRole('searchbox', { name: 'Ieškoti dokumente' });
    await tabTo(page, find);
    await page.keyboard.type('zibintas');
    await expect.poll(() => page.getByRole('search').locator('output').textContent()).toBe('1 iš 1');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('search').locator('output').textContent()).toBe('1 iš 1');

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, harness.baseUrl)).toEqual([]);
    await context.close();
  }, 180_000);
});
