/**
 * Team sync without a network, in Chromium through the web harness: a note written on machine A (one
 * browser context, its own IndexedDB) is exported from the Sync view as a bundle, imported on machine
 * B (another context) and shown there with its author; the replica runs on pouchdb-browser in the
 * page's real IndexedDB. Then both edit it apart, exchange bundles, and both show the conflict with
 * both texts kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

const COLLECTION_TITLE = 'Soviet deportations from Lithuania, 1940–1953';
const e2e = useE2e({ timeout: 120_000 });
const folder = () => mkdtempSync(join(tmpdir(), 'atmintis-sync-e2e-'));

async function writeNote(page: Page, text: string): Promise<void> {
  await page.goto(e2e.url('/notes'));
  await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
  await page.getByRole('button', { name: `New note on ${COLLECTION_TITLE}` }).click();
  const body = page.getByRole('textbox', { name: 'Note (Markdown)' });
  await body.fill(text);
  await page.getByText(/^Saved at /).waitFor();
}

async function editNote(page: Page, text: string): Promise<void> {
  await page.goto(e2e.url('/notes'));
  await page.getByRole('button', { name: 'Edit' }).first().click();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
  await page.getByText(/^Saved at /).waitFor();
}

async function exportBundle(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a sync bundle' }).click(),
  ]);
  const file = join(folder(), 'bundle.jsonl');
  await download.saveAs(file);
  return file;
}

async function importBundle(page: Page, file: string): Promise<void> {
  await page.goto(e2e.url('/sync'));
  await page.getByLabel('Import a sync bundle…').setInputFiles(file);
  await page.getByText(/^Imported bundle\.jsonl: /).waitFor();
}

describe('sync bundles in Chromium', () => {
  it('carries a note to another machine, then keeps both texts when both edit it apart', async () => {
    const a = await e2e.visit('/notes');
    const b = await e2e.visit('/notes');
    await writeNote(a.page, 'Compare the 1948 figures with the archive file.');
    await importBundle(b.page, await exportBundle(a.page));
    await b.page.goto(e2e.url('/notes'));
    await b.page.getByText('Compare the 1948 figures with the archive file.').waitFor();
    await b.page.getByText('by local').waitFor();

    await editNote(a.page, 'Text from machine A.');
    await editNote(b.page, 'Text from machine B.');
    await importBundle(b.page, await exportBundle(a.page));
    await importBundle(a.page, await exportBundle(b.page));
    for (const side of [a, b]) {
      await side.page.goto(e2e.url('/sync'));
      const card = side.page.getByRole('article', { name: 'A note edited on two machines' });
      await card.getByText('Text from machine A.').waitFor();
      await card.getByText('Text from machine B.').waitFor();
    }
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
