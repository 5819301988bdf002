/**
 * Notes in real Chromium with a persistent profile (IndexedDB on disk, as in the app): notes and
 * highlights survive closing and reopening the browser, a note typed one second before the browser
 * process is killed (SIGKILL) is there afterwards, deleted notes come back from the trash, and the
 * main process keeps automatic backups.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/find-browser';
import { routeUrl, useHarness } from '../support/e2e';
import { selectPhrase } from '../support/select-phrase';
import { CHROMIUM_ARGS } from '../support/web-harness';

const COLLECTION_TITLE = 'Soviet deportations from Lithuania, 1940–1953';
const web = useHarness();
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  }
});

const newProfile = () => mkdtempSync(join(tmpdir(), 'atmintis-profile-'));

async function openProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: (await testBrowser()).executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

async function writeCollectionNote(page: Page, text: string): Promise<void> {
  await page.goto(routeUrl(web.harness, '/notes'));
  await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  await page.getByRole('button', { name: `New note on ${COLLECTION_TITLE}` }).click();
  const body = page.getByRole('textbox', { name: 'Note (Markdown)' });
  await body.waitFor();
  await body.pressSequentially(text, { delay: 15 });
}

describe('notes in Chromium with a persistent profile', () => {
  it('keeps notes and highlights across a browser restart, and restores deleted notes from the trash', async () => {
    const profile = newProfile();
    let context = await openProfile(profile);
    let page = await firstPage(context);

    await writeCollectionNote(page, 'Compare the **1948** figures. #todo');
    await page.getByRole('combobox', { name: 'Tags' }).fill('figures');
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved at /).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    const card = page.getByRole('article', { name: 'Note' }).filter({ hasText: 'Compare the' });
    await card.waitFor();
    // The preview renders Markdown (bold), never raw HTML.
    expect(await card.locator('strong').first().textContent()).toBe('1948');

    // Highlight a passage of the collection's overview text in the Reader and annotate it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reader' }).click();
    await page.getByRole('link', { name: 'The Soviet deportations from Lithuania: an overview' }).click();
    await page.locator('.reader-text').waitFor();
    await selectPhrase(page, 'Lithuania came under Soviet rule twice');
    await page
      .getByRole('toolbar', { name: 'Annotate the selection' })
      .getByRole('button', { name: 'Add note' })
      .click();
    await page.locator('mark.note-highlight').first().waitFor();
    await page
      .getByRole('textbox', { name: 'Note (Markdown)' })
      .pressSequentially('Two occupations: 1940 and 1944.');
    await page.getByText(/^Saved at /).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await context.close();

    context = await openProfile(profile);
    page = await firstPage(context);
    await page.goto(routeUrl(web.harness, '/notes'));
    await page.getByRole('article', { name: 'Note' }).filter({ hasText: 'Compare the' }).waitFor();
    await page.getByRole('article', { name: 'Note' }).filter({ hasText: 'Two occupations' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'notes shown' }).textContent()).toBe(
      '2 of 2 notes shown',
    );
    // Filter by tag and by search, then jump from the highlight to its passage in context.
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('figures');
    await expect.poll(() => page.getByRole('article', { name: 'Note' }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('occupations');
    await expect.poll(() => page.getByRole('article', { name: 'Note' }).count()).toBe(1);
    await page.getByRole('link', { name: 'The Soviet deportations from Lithuania: an overview' }).click();
    const mark = page.locator('mark.note-highlight');
    await mark.first().waitFor();
    expect((await mark.allTextContents()).join('')).toBe('Lithuania came under Soviet rule twice');
    // It opens in the Reader, the one reading pane, with the highlight focused for the keyboard.
    expect(page.url()).toMatch(/#\/reader\/lt-deportations-1940-1953\/overview\/note\/[^/]+$/);
    await expect
      .poll(() => mark.first().evaluate((element) => element === document.activeElement))
      .toBe(true);
    const noteId = await mark.first().getAttribute('data-note-id');
    // Enter on the highlight opens its note.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('textbox', { name: 'Note (Markdown)' }).inputValue()).toBe(
      'Two occupations: 1940 and 1944.',
    );
    await page.getByRole('button', { name: 'Done' }).click();
    // An address of the old Notes reading pane, from a bookmark or the history, opens the same place.
    await page.goto(routeUrl(web.harness, `/notes/texts/lt-deportations-1940-1953/overview/${noteId}`));
    await expect
      .poll(() => page.url())
      .toContain(`#/reader/lt-deportations-1940-1953/overview/note/${noteId}`);
    await expect
      .poll(() => mark.first().evaluate((element) => element === document.activeElement))
      .toBe(true);

    // Delete, undo, delete again, restore from the trash.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
    await page.getByRole('link', { name: 'All notes' }).click();
    const target = page.getByRole('article', { name: 'Note' }).filter({ hasText: 'Compare the' });
    await target.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Note moved to the trash.').waitFor();
    await expect.poll(() => target.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await target.waitFor();
    await target.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => target.count()).toBe(0);
    await page.getByRole('link', { name: 'Trash' }).click();
    const trashed = page.getByRole('article', { name: 'Note' }).filter({ hasText: 'Compare the' });
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The trash is empty.').waitFor();
    await page.getByRole('link', { name: 'All notes' }).click();
    await target.waitFor();

    // A manual backup lands in the harness's data folder, listed in the UI, with both notes.
    await page.getByRole('link', { name: 'Export and backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup written.').waitFor();
    await page
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .waitFor();
    const files = readdirSync(join(web.harness.dataDir, 'backups')).filter((name) =>
      /^notes-.*Z(-\d+)?\.json$/.test(name),
    );
    expect(files.length).toBeGreaterThan(0);
    const newest = files.sort().at(-1) ?? '';
    const backup = JSON.parse(readFileSync(join(web.harness.dataDir, 'backups', newest), 'utf8')) as {
      notes: unknown[];
    };
    expect(backup.notes).toHaveLength(2);
    await context.close();
  });

  it('keeps a note typed one second before the browser process is killed (SIGKILL)', async () => {
    const profile = newProfile();
    const browserProcess = spawn(
      (await testBrowser()).executablePath,
      [
        ...CHROMIUM_ARGS,
        '--headless',
        '--remote-debugging-port=0',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(browserProcess);
    const wsEndpoint = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
      browserProcess.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const browser = await chromium.connectOverCDP(wsEndpoint);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await firstPage(context);
    const text = 'Reading room, fond 1771: check the deportation lists for Ukmergė before Friday.';
    await writeCollectionNote(page, text);
    // The last keystroke was just sent; one second later the browser dies without any warning.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const exited = new Promise((resolve) => browserProcess.once('exit', resolve));
    if (browserProcess.pid === undefined) throw new Error('Chromium has no process id');
    process.kill(browserProcess.pid, 'SIGKILL');
    await exited;

    const reopened = await openProfile(profile);
    const again = await firstPage(reopened);
    await again.goto(routeUrl(web.harness, '/notes'));
    const card = again.getByRole('article', { name: 'Note' }).filter({ hasText: 'Reading room, fond 1771' });
    await card.waitFor({ timeout: 15_000 });
    expect((await card.locator('.note-markdown').textContent())?.trim()).toBe(text);
    await reopened.close();
  });
});
