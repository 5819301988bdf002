/**
 * Issue 19's "day of use", in Chromium through the web harness, all in Lithuanian and by keyboard: the
 * interface is switched to Lithuanian in About (as a user would); then a Memorial-style Russian list in
 * Windows-1251 with prose dates is imported; Search finds a surname exactly and a misspelt one fuzzily,
 * exact matches first and each result saying its kind of match; a person is opened and cited in MLA and
 * in Chicago notes; the bibliography is exported as BibTeX and parsed back; a small Markdown document is
 * imported into the Reader and searched with Find.
 *
 * Elements are reached with Tab (tabTo) and used with Enter, Space or shortcuts; the only steps not
 * typed are the operating system's file dialog (answered through Playwright's file chooser once Space
 * has opened it) and choosing an option in a focused <select> (selectOption), which the browser's own
 * list does by keyboard.
 */
import { parse as parseBibTeX } from '@retorquere/bibtex-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileChooser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

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

const e2e = useE2e({ timeout: 120_000 });

/** The kinds of match Search names on a result (search.match in the Lithuanian locale). */
const KIND =
  /Tikslus atitikmuo|Tas pats vardas, kitos raidės|Žodžio pradžia|Žodžio dalis|Kita vardo forma|Panaši rašyba|Panašiai skamba/;

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

/**
 * Tabs to a file field and opens it with Space, as a keyboard user would; the system's file dialog
 * that opens is answered with `files` (the one step the page cannot see).
 */
async function chooseFile(page: Page, field: Locator, files: Parameters<FileChooser['setFiles']>[0]) {
  // Once, with no pause: the view's heading takes focus in the same task that shows the view, so a Tab
  // that reached the field is not undone (tests/renderer/shell/ViewHeading.test.tsx).
  await tabTo(page, field);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(files);
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
    const { page, context, requests, errors } = await e2e.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${e2e.baseUrl}/`);

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
    await chooseFile(page, page.getByLabel('Importuojamas failas'), REGISTRY);
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
    const kindsOf = async (surname: string) =>
      (await hits.allTextContents())
        .filter((text) => text.startsWith(surname))
        .map((text) => KIND.exec(text)?.[0]);
    await expect.poll(() => hits.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    // Every Kazlauskas in the list, each an exact match; weaker spellings are held back, on request.
    expect(await kindsOf('Казлаускас')).toEqual([
      'Tikslus atitikmuo',
      'Tikslus atitikmuo',
      'Tikslus atitikmuo',
    ]);
    expect(await hits.count()).toBe(3);
    await page
      .getByText(/^Dar \d+ panašios rašybos .* nerodomos, nes rasta tikslesnių atitikmenų\.$/)
      .waitFor();
    await activate(page, page.getByRole('button', { name: 'Rodyti ir panašias rašybas' }));
    await expect.poll(() => hits.count()).toBeGreaterThan(3);
    // Exact matches first, then the similar spellings, each result saying which kind it is.
    const kinds = (await hits.allTextContents()).map((text) => KIND.exec(text)?.[0]);
    expect(kinds.slice(0, 3)).toEqual(['Tikslus atitikmuo', 'Tikslus atitikmuo', 'Tikslus atitikmuo']);
    expect(kinds.slice(3)).not.toContain('Tikslus atitikmuo');
    expect(kinds.slice(3)).not.toContain(undefined);

    // Search, fuzzy: a misspelt surname still finds the people, shown as a similar spelling.
    // "/" from anywhere goes back to the search box with the old query selected, so typing replaces it.
    await page.keyboard.press('/');
    expect(await isFocused(searchbox)).toBe(true);
    expect(
      await searchbox.evaluate(
        (box: HTMLInputElement) => (box.selectionEnd ?? 0) - (box.selectionStart ?? 0),
      ),
    ).toBe('Казлаускас'.length);
    await page.keyboard.type('Казлаускос');
    // (Polled: the results of the previous query stay until the new ones are in.)
    await expect
      .poll(() => kindsOf('Казлаускас'), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(/^Panaš/),
        expect.stringMatching(/^Panaš/),
        expect.stringMatching(/^Panaš/),
      ]);

    // Open a person: the one born "в июле 1907", whose date is kept as written. In the search box "/"
    // is a character; Esc clears the query there (as the hint under the box says).
    await page.keyboard.press('Escape');
    expect(await searchbox.inputValue()).toBe('');
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
    // The row of the list, cited to the list as it was named and the file it came from.
    await dialog.getByText('(“memorial-style-ru”, eil. 4)', { exact: true }).waitFor();
    await dialog.getByText('“memorial-style-ru.” memorial-style-ru.csv.', { exact: true }).waitFor();
    await style.selectOption({ label: 'Chicago (išnašos ir bibliografija)' });
    await dialog.getByRole('heading', { name: 'Išnaša' }).waitFor();
    const note = '“memorial-style-ru,” n.d., memorial-style-ru.csv, eil. 4.';
    await dialog.getByText(note, { exact: true }).waitFor();
    await activate(page, dialog.getByRole('button', { name: 'Kopijuoti išnašą' }));
    await dialog.getByRole('status').filter({ hasText: 'Nukopijuota.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(note);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(cite)).toBe(true);

    // Export the bibliography as BibTeX and parse it back.
    await goTo(page, 'Bibliografija');
    await page.getByRole('heading', { level: 1, name: 'Bibliografija' }).waitFor();
    // The bundled collection by its Lithuanian title.
    await page.getByText(/^Rinkinyje Sovietiniai trėmimai iš Lietuvos, 1940–1953 m\. cituojami/).waitFor();
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
    await chooseFile(page, page.getByLabel('Importuoti dokumentus'), [
      { name: 'darbo-uzrasai.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) },
    ]);
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
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  }, 180_000);
});
