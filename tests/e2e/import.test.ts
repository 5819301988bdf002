/**
 * Importing in Chromium through the web harness: a generated 200,000-row registry CSV (synthetic
 * people, bench/synthetic-registry.ts) is imported with progress, listed, and a person in it is found
 * with Search and opened; a broken CSV gets precise errors and changes nothing on disk.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { startHarness } from '../support/web-harness';
import { registryCsv } from './registry-csv';

const PERSONS = 200_000;
/** As the English interface writes the count ("200,000"). */
const PERSONS_TEXT = new Intl.NumberFormat('en').format(PERSONS);
const BUNDLED_TITLE = 'Soviet deportations from Lithuania, 1940–1953';
const NOTE = 'A note that must survive a failed import.';
let folder: string;
let csvPath: string;
let wanted: { id: string; name: string };

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'atmintis-import-e2e-'));
  // One invented person with a unique surname, as the very last row: finding it proves the whole file
  // landed (the generated names repeat, so they cannot be searched for one person).
  const csv = `${registryCsv({ persons: PERSONS - 1 })}e2e-last-row,Zygmunta Vaivorykštaitė,Зыгмунта Ваиворыкштаите,1920,Utena,Operation Vesna,Irkutsk Oblast,1948-05-22\n`;
  csvPath = join(folder, 'registry-200k.csv');
  writeFileSync(csvPath, csv);
  wanted = { id: 'p-e2e-last-row', name: 'Zygmunta Vaivorykštaitė' };
}, 120_000);

const e2e = useE2e({ timeout: 120_000 });

async function openImport(page: Page) {
  await page.goto(e2e.url('/import'));
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
}

/** Every file under the data folder's collections, with size and mtime: "nothing changed" is exact. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out.push(`${full} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

describe('import in Chromium (npm run web)', () => {
  it('imports a 200,000-row CSV with progress, lists it, and opens its last record', async () => {
    const { page, context, errors } = await e2e.open();
    await openImport(page);
    const started = performance.now();
    await page.getByLabel('File to import').setInputFiles(csvPath);
    await page.getByText('registry-200k.csv: CSV/TSV table').waitFor();
    expect(await page.getByLabel('Encoding').inputValue()).toBe('utf-8');
    expect(await page.getByLabel('Delimiter').inputValue()).toBe(',');
    expect(await page.getByLabel('The first row names the columns').isChecked()).toBe(true);
    expect(await page.getByLabel('What happens to column “Name”').inputValue()).toBe('field:fullName');
    expect(await page.getByLabel('What happens to column “ID”').inputValue()).toBe('id');
    await page.getByLabel('Title').fill('Synthetic test registry');

    // Record every progress value the bar shows, from inside the page.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const value = bar?.getAttribute('aria-valuenow');
        if (value != null && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await page
      .locator('.import-done')
      .filter({ hasText: `Imported “Synthetic test registry”: ${PERSONS_TEXT} records.` })
      .waitFor({ timeout: 120_000 });
    const importSeconds = (performance.now() - started) / 1000;
    console.log(`import of ${PERSONS} rows in the browser: ${importSeconds.toFixed(1)} s`);

    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map(Number).some((v) => v > 0 && v < 100)).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(1);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Synthetic test registry' })
      .filter({ hasText: `${PERSONS_TEXT} records · id registry-200k` })
      .waitFor();

    // The last row of the file is stored and opens in Browse.
    await page.goto(e2e.url(`/browse/record/registry-200k/${wanted.id}`));
    await page
      .getByRole('heading', { level: 1, name: wanted.name, exact: true })
      .waitFor({ timeout: 60_000 });
    console.log(`import + open the last record: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('rejects a broken CSV with row and column errors and leaves stored collections and notes as they were', async () => {
    const before = snapshot(join(e2e.harness.dataDir, 'collections'));
    expect(before.length).toBeGreaterThan(0);
    const broken = join(folder, 'broken.csv');
    writeFileSync(
      broken,
      'ID,Name,Birth year\nb-1,Ona Kazlauskienė,1901\nb-2,Jonas Petraitis\nb-3,Petras Jonaitis,19o5\n',
    );
    const { page, context } = await e2e.open();
    // A note written before the failed import must still be there after it.
    await page.goto(e2e.url('/notes'));
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    await page.getByRole('button', { name: `New note on ${BUNDLED_TITLE}` }).click({ timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(NOTE);
    await page.getByText(/^Saved at /).waitFor();
    await openImport(page);
    await page.getByLabel('File to import').setInputFiles(broken);
    await page.getByText('broken.csv: CSV/TSV table').waitFor();
    await page.getByLabel('Collection id').fill('registry-200k');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The import failed' });
    await alert.waitFor();
    const text = await alert.textContent();
    // Only the ragged row is a fault; an unreadable birth date ("19o5") is kept verbatim and flagged.
    expect(text).toContain('1 problem:');
    expect(text).toContain('broken.csv, row 3: 2 cells but the header has 3');
    expect(text).not.toContain('19o5');
    // The earlier import is still listed, and not one byte of it changed.
    await page
      .getByRole('listitem')
      .filter({ hasText: `${PERSONS_TEXT} records · id registry-200k` })
      .waitFor();
    expect(snapshot(join(e2e.harness.dataDir, 'collections'))).toEqual(before);
    expect(readdirSync(join(e2e.harness.dataDir, '.import-tmp'))).toEqual([]);
    await page.goto(e2e.url('/notes'));
    await page.getByText(NOTE).first().waitFor({ timeout: 60_000 });
    await context.close();
  }, 120_000);

  it('makes an imported person findable with Search, and opens the record from the results', async () => {
    // Its own harness: Search indexes every collection, and this checks the import → search path, not
    // search speed at 200,000 records (bench/ measures that).
    const small = await startHarness();
    try {
      const csv = `${registryCsv({ persons: 2_000 })}e2e-last-row,Zygmunta Vaivorykštaitė,Зыгмунта Ваиворыкштаите,1920,Utena,Operation Vesna,Irkutsk Oblast,1948-05-22\n`;
      const path = join(folder, 'registry-small.csv');
      writeFileSync(path, csv);
      const { page, context, errors } = await e2e.visit('/import', { on: small });
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
      await page.getByLabel('File to import').setInputFiles(path);
      await page.getByText('registry-small.csv: CSV/TSV table').waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.import-done').filter({ hasText: ': 2,001 records.' }).waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: 'Search it' }).click();
      const searchbox = page.getByRole('searchbox', { name: 'Search' });
      await searchbox.waitFor();
      await searchbox.fill('Vaivorykštaitė');
      const link = page.getByRole('list', { name: 'Search results' }).locator(`a[href*="${wanted.id}"]`);
      await link.first().waitFor({ timeout: 60_000 });
      await link.first().click();
      await page.getByRole('heading', { level: 1, name: wanted.name, exact: true }).waitFor();
      expect(page.url()).toContain(`/registry-small/${wanted.id}`);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await small.stop();
    }
  }, 120_000);
});
