/**
 * Hostile data in real Chromium (npm run web): a collection whose every text field carries XSS payloads
 * (tests/fixtures/collections/hostile, served with --collections-dir) and a notes backup with the same
 * payloads, imported through the Notes view. Every payload, if it ever ran, would call `__canary(…)`,
 * set `window.__pwned`, open a dialog or request evil.invalid. In every view: nothing ran, no request
 * left the origin, the DOM holds no event-handler attribute, javascript: URL or frame, and the payload
 * text is on screen as text.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '@shared/notes/backup';
import type { Note, NoteTarget } from '@shared/notes/model';
import { fixtureCollections, useE2e } from '../support/e2e';
import { foreignRequests, startHarness, type ObservedPage } from '../support/web-harness';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'collections', 'hostile');
const COLLECTION = 'hostile-xss';
/** Shown verbatim wherever a field is rendered as text (and escaped by Markdown where it is Markdown). */
const SCRIPT_PAYLOAD = "<script>__canary('script');window.__pwned='script'</script>";

/**
 * The archive with every entry's uncompressed size rewritten to 600 MiB, as a zip bomb declares it
 * (local headers at offset 22, central directory entries at offset 24).
 */
function declaringHugeSizes(archive: Uint8Array): Uint8Array {
  const out = archive.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, 600 * 1024 * 1024, true);
    else if (signature === 0x02014b50) view.setUint32(i + 24, 600 * 1024 * 1024, true);
  }
  return out;
}

// A folder holding only the hostile collection, so nothing else under tests/fixtures is served.
const e2e = useE2e({ collectionsDirs: () => [fixtureCollections('hostile')] });

interface GuardedPage extends ObservedPage {
  /** Labels passed to `__canary` by any payload that ran. */
  fired: string[];
  dialogs: string[];
}

async function openGuardedPage(): Promise<GuardedPage> {
  const observed = await e2e.open();
  const guarded: GuardedPage = { ...observed, fired: [], dialogs: [] };
  await observed.context.exposeFunction('__canary', (label: unknown) => guarded.fired.push(String(label)));
  observed.page.on('dialog', (dialog) => {
    guarded.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return guarded;
}

async function visit(
  page: Page,
  route: string,
  ready: (page: Page) => Promise<unknown>,
  baseUrl = e2e.baseUrl,
) {
  await page.goto(`${baseUrl}/#${route}`);
  await ready(page);
}

/** Waits for `text` to be on screen somewhere. */
const shows = (text: string) => (page: Page) => page.getByText(text, { exact: false }).first().waitFor();

/** The checks every view must pass once it has rendered the hostile data. */
async function expectInert(guarded: GuardedPage, where: string, baseUrl = e2e.baseUrl) {
  const { page } = guarded;
  // Give deferred payloads (onerror after a failed load, onload, ontoggle, timers) their chance to run.
  await page.waitForLoadState('networkidle');
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      handlerAttributes: all.flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `${element.tagName.toLowerCase()}[${attribute.name}]`),
      ),
      scriptUrls: all.flatMap((element) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']
          .map((name) => element.getAttribute(name) ?? '')
          .filter((value) => /^\s*(?:javascript|vbscript|data:text\/html)|<script/i.test(value)),
      ),
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      foreignScripts: [...document.scripts]
        .map((script) => script.src || 'inline')
        .filter((src) => !src.startsWith(location.origin)),
      hostileStyles: [...document.querySelectorAll('style')].filter((style) =>
        /evil\.invalid/.test(style.textContent ?? ''),
      ).length,
    };
  });
  expect(dom, where).toEqual({
    pwned: null,
    handlerAttributes: [],
    scriptUrls: [],
    frames: 0,
    foreignScripts: [],
    hostileStyles: 0,
  });
  expect(guarded.fired, `${where}: payloads that ran`).toEqual([]);
  expect(guarded.dialogs, `${where}: dialogs`).toEqual([]);
  expect(foreignRequests(guarded.requests, baseUrl), `${where}: requests off the origin`).toEqual([]);
  expect(
    guarded.requests.filter((url) => /evil\.invalid|\/x$/.test(url)),
    `${where}: payload requests`,
  ).toEqual([]);
}

describe('hostile collection and notes in Chromium', () => {
  it('shows a collection full of XSS payloads as inert text in every view', async () => {
    const guarded = await openGuardedPage();
    const { page, context } = guarded;

    // Browse: the hostile collection is the first one, so the list, timeline, charts and map show it.
    // Records show their English label ("HOSTILE-label-en …") as their name.
    await visit(page, '/browse', (p) =>
      p
        .getByRole('table', { name: 'Records of the collection' })
        .getByText('HOSTILE-label-en')
        .first()
        .waitFor(),
    );
    await expectInert(guarded, 'browse list');
    for (const tab of ['timeline', 'charts', 'map']) {
      await visit(page, `/browse/${tab}`, (p) => p.getByRole('main').waitFor());
      await expectInert(guarded, `browse ${tab}`);
    }

    // Record pages: every field of the event and the place.
    await visit(page, `/browse/record/${COLLECTION}/ev-hostile`, (p) =>
      p.getByRole('heading', { level: 1, name: /HOSTILE-label-en/ }).waitFor(),
    );
    expect(await page.getByRole('main').innerText()).toContain(SCRIPT_PAYLOAD);
    await expectInert(guarded, 'event record');
    await visit(page, `/browse/record/${COLLECTION}/place-hostile`, (p) =>
      p.getByRole('heading', { level: 1, name: /HOSTILE-place-label/ }).waitFor(),
    );
    await expectInert(guarded, 'place record');

    // Search finds the records by their hostile titles and opens one.
    await visit(page, '/search', (p) => p.getByRole('searchbox', { name: 'Search' }).waitFor());
    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('HOSTILE', { delay: 20 });
    const results = page.getByRole('list', { name: 'Search results' });
    await results
      .getByRole('link', { name: /HOSTILE-label-en/ })
      .first()
      .waitFor();
    await expectInert(guarded, 'search results');
    await results
      .getByRole('link', { name: /HOSTILE-label-en/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /HOSTILE-label-en/ }).waitFor();
    await expectInert(guarded, 'record opened from search');

    // The long text in the Reader: raw HTML, javascript: links and reference tricks in Markdown; first
    // through an address of the old Notes reading pane, which leads to the Reader.
    await visit(page, `/notes/texts/${COLLECTION}/hostile-text`, shows('HOSTILE-paragraph'));
    expect(page.url()).toContain(`#/reader/${COLLECTION}/hostile-text`);
    expect(await page.getByRole('main').innerText()).toContain(SCRIPT_PAYLOAD);
    await expectInert(guarded, 'reading pane');
    await visit(page, `/reader/${COLLECTION}/hostile-text`, shows('HOSTILE-paragraph'));
    expect(await page.getByRole('main').innerText()).toContain(SCRIPT_PAYLOAD);
    await expectInert(guarded, 'reader');

    // The bibliography: the list and an entry formatted by citeproc.
    await visit(page, `/bibliography/${COLLECTION}`, shows('HOSTILE-bib-title'));
    await expectInert(guarded, 'bibliography list');
    await visit(page, `/bibliography/${COLLECTION}/evil2000`, shows('HOSTILE-bib-title'));
    await expectInert(guarded, 'bibliography entry');

    await visit(page, '/about', (p) => p.getByRole('main').waitFor());
    await expectInert(guarded, 'about');
    await context.close();
  });

  it('imports a notes backup full of XSS payloads and shows the notes (Markdown preview) inert', async () => {
    const guarded = await openGuardedPage();
    const { page, context } = guarded;
    const payloads = [
      SCRIPT_PAYLOAD,
      '<img src=x onerror="__canary(\'note-img\')">',
      '<svg onload="__canary(\'note-svg\')"></svg>',
      '<iframe src="javascript:__canary(\'note-iframe\')"></iframe>',
      "[click me](javascript:__canary('note-md-link'))",
      "[case](JaVaScRiPt:__canary('note-md-case'))",
      '![pixel](http://evil.invalid/note.png)',
      '<a href="javascript:__canary(\'note-a\')">a</a>',
      '<div style="background:url(http://evil.invalid/note-css.png)">styled</div>',
      '<details open ontoggle="__canary(\'note-details\')">x</details>',
      "[ref]: javascript:__canary('note-ref')\n\n[reference][ref]",
    ];
    const body = `HOSTILE-note-body\n\n${payloads.join('\n\n')}`;
    const at = '2026-11-28T18:00:00.000Z';
    const note = (id: string, target: NoteTarget): Note => ({
      id,
      target,
      body,
      tags: payloads.filter((payload) => payload.length <= 200 && !payload.includes('\n')).slice(0, 6),
      colour: 'yellow',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    const backup = serializeBackup(
      [
        note('hostile-record', { kind: 'record', collectionId: COLLECTION, recordId: 'ev-hostile' }),
        note('hostile-collection', { kind: 'collection', collectionId: COLLECTION }),
        note('hostile-bibliography', { kind: 'bibliography', collectionId: COLLECTION, entryId: 'evil2000' }),
        note('hostile-passage', {
          kind: 'passage',
          collectionId: COLLECTION,
          textId: 'hostile-text',
          selectors: [
            { type: 'TextQuoteSelector', exact: 'HOSTILE-paragraph', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 17 },
          ],
        }),
      ],
      new Date(at),
    );

    // Import through the Notes view's restore UI.
    await visit(page, '/notes/backups', (p) => p.getByLabel('Choose a JSON backup file').waitFor());
    await page.getByLabel('Choose a JSON backup file').setInputFiles({
      name: 'hostile-notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    await page.getByText('Checked hostile-notes.json').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported: 4 new/).waitFor();
    await expectInert(guarded, 'notes import');

    // All notes with their Markdown previews.
    await visit(page, '/notes', shows('HOSTILE-note-body'));
    expect(await page.getByRole('main').innerText()).toContain(SCRIPT_PAYLOAD);
    await expectInert(guarded, 'notes list');

    // The notes shown inline on the record, and the highlight in the Reader, opened at the note.
    await visit(page, `/browse/record/${COLLECTION}/ev-hostile`, shows('HOSTILE-note-body'));
    await expectInert(guarded, 'record with notes');
    await visit(page, `/reader/${COLLECTION}/hostile-text/note/hostile-passage`, shows('HOSTILE-note-body'));
    await page.locator('mark.note-highlight[data-note-id="hostile-passage"]').first().waitFor();
    await expectInert(guarded, 'reading pane with highlight');
    await context.close();
  });

  it('imports the hostile collection as a .zip through the Import view and shows it inert', async () => {
    // A harness of its own: here the collection arrives through the importer, not from a folder.
    const own = await startHarness();
    try {
      const files: Record<string, Uint8Array> = {};
      for (const entry of readdirSync(FIXTURE, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        files[relative(FIXTURE, path).split('\\').join('/')] = new Uint8Array(readFileSync(path));
      }
      const zipPath = join(mkdtempSync(join(tmpdir(), 'atmintis-hostile-zip-')), 'hostile.zip');
      writeFileSync(zipPath, zipSync(files));

      const guarded = await openGuardedPage();
      const { page, context } = guarded;
      await visit(
        page,
        '/import',
        (p) => p.getByRole('heading', { level: 1, name: 'Import' }).waitFor(),
        own.baseUrl,
      );
      await page.getByLabel('File to import').setInputFiles(zipPath);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 60_000 });
      await expectInert(guarded, 'import view after importing', own.baseUrl);

      await visit(
        page,
        `/browse/record/${COLLECTION}/ev-hostile`,
        (p) => p.getByRole('heading', { level: 1, name: /HOSTILE-label-en/ }).waitFor(),
        own.baseUrl,
      );
      expect(await page.getByRole('main').innerText()).toContain(SCRIPT_PAYLOAD);
      await expectInert(guarded, 'imported event record', own.baseUrl);

      await visit(
        page,
        '/search',
        (p) => p.getByRole('searchbox', { name: 'Search' }).waitFor(),
        own.baseUrl,
      );
      await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('HOSTILE', { delay: 20 });
      await page
        .getByRole('list', { name: 'Search results' })
        .getByRole('link', { name: /HOSTILE-label-en/ })
        .first()
        .waitFor();
      await expectInert(guarded, 'search over the imported collection', own.baseUrl);

      await visit(page, `/bibliography/${COLLECTION}/evil2000`, shows('HOSTILE-bib-title'), own.baseUrl);
      await expectInert(guarded, 'imported bibliography entry', own.baseUrl);

      // Oversized input through the same view: refused with the reason, the earlier import untouched.
      const dir = mkdtempSync(join(tmpdir(), 'atmintis-hostile-big-'));
      const hugeField = join(dir, 'huge-field.csv');
      writeFileSync(hugeField, `Name,Notes\nJonas,"${'x'.repeat(10 * 1024 * 1024)}"\n`);
      const bomb = join(dir, 'bomb.zip');
      writeFileSync(bomb, declaringHugeSizes(zipSync(files)));
      for (const [file, reason] of [
        [hugeField, /20,?000 characters/],
        [bomb, /zip bomb/],
      ] as const) {
        await visit(page, '/import', (p) => p.getByLabel('File to import').waitFor(), own.baseUrl);
        await page.getByLabel('File to import').setInputFiles(file);
        const importButton = page.getByRole('button', { name: 'Import', exact: true });
        const failure = page.getByRole('alert');
        await Promise.race([importButton.waitFor(), failure.first().waitFor()]);
        if ((await failure.count()) === 0) {
          if (await page.getByLabel('Collection id').count())
            await page.getByLabel('Collection id').fill('big');
          await importButton.click();
        }
        await expect.poll(() => failure.allInnerTexts().then((texts) => texts.join('\n'))).toMatch(reason);
      }
      await visit(
        page,
        `/browse/record/${COLLECTION}/ev-hostile`,
        (p) => p.getByRole('heading', { level: 1, name: /HOSTILE-label-en/ }).waitFor(),
        own.baseUrl,
      );
      await context.close();
    } finally {
      await own.stop();
    }
  });
});
