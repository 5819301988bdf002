/**
 * `npm run bench:record-open:chromium -- [--records N] [--samples K] [--json file]` — opening a record page
 * of a large imported collection in the real renderer (issue 18: "record page open ≤ 100 ms").
 *
 * Imports N synthetic people (bench/synthetic-registry.ts, as CSV, with the import CLI; every person
 * invented) into the web harness's data folder, then in headless Chromium:
 *  1. the Browse list of that collection, cold: from navigation to its first row (main loads and checks
 *     the collection and lists it; its record-offset index is written meanwhile, in the background, as
 *     an import in the app starts it, which the CLI import, another process, cannot);
 *  2. the same list again in a new tab, warm (pages over `collections.page`);
 *  3. K times: from a click on a row's link in the Browse table to the record page's heading visible
 *     (`collections.summary` + `collections.getRecord` + the records the page names), back to the list
 *     in between; p50 / p95 / max.
 * Needs a build (npx electron-vite build). Default N = 200,000, K = 30.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registryCsv } from '../tests/e2e/registry-csv';
import { launchBrowser, startHarness } from '../tests/support/web-harness';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const records = Number(option('--records') ?? 200_000);
const samples = Number(option('--samples') ?? 30);
const jsonPath = option('--json') ?? null;
if (!Number.isInteger(records) || records <= 0) throw new Error('--records needs a whole number');

const COLLECTION = 'bench-record-open';
const round = (value: number) => Math.round(value * 10) / 10;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

const table = (page: Page) => page.getByRole('table', { name: 'Records of the collection' });

/** Opens Browse on the bench collection; the time from navigation to its first row. */
async function openList(page: Page, baseUrl: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${baseUrl}/#/browse`);
  const chooser = page.getByRole('combobox', { name: 'Collection' });
  await chooser.waitFor({ timeout: 300_000 });
  if ((await chooser.inputValue()) !== COLLECTION) await chooser.selectOption(COLLECTION);
  await table(page).getByRole('link').first().waitFor({ timeout: 300_000 });
  await page
    .getByRole('status')
    .filter({ hasText: /^Showing [\d,]+ of [\d,]+ records$/ })
    .waitFor();
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync('out/renderer/index.html')) throw new Error('No build: run npx electron-vite build');
  const folder = mkdtempSync(join(tmpdir(), 'atmintis-record-open-'));
  const csv = join(folder, 'registry.csv');
  writeFileSync(csv, registryCsv({ persons: records }));
  const harness = await startHarness();
  const browser = await launchBrowser();
  try {
    let t = performance.now();
    const imported = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/import.ts',
        csv,
        '--data-dir',
        harness.dataDir,
        '--id',
        COLLECTION,
        '--title',
        'Synthetic registry',
      ],
      { encoding: 'utf8' },
    );
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
    console.log(
      `Imported ${records} synthetic people with the CLI in ${Math.round(performance.now() - t)} ms.`,
    );

    const context = await browser.newContext();
    const cold = await context.newPage();
    const listColdMs = await openList(cold, harness.baseUrl);
    console.log(`Browse list, cold (collection loaded and checked in main): ${Math.round(listColdMs)} ms`);
    await cold.close();

    const page = await context.newPage();
    const listWarmMs = await openList(page, harness.baseUrl);
    console.log(`Browse list, warm: ${Math.round(listWarmMs)} ms`);

    const openMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      if (i > 0) {
        await page.goBack();
        await table(page).getByRole('link').first().waitFor();
      }
      const links = table(page).getByRole('link');
      const link = links.nth(i % Math.max(1, Math.min(10, await links.count())));
      const title = ((await link.textContent()) ?? '').trim();
      t = performance.now();
      await link.click();
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 60_000 });
      openMs.push(performance.now() - t);
    }
    const report = {
      records,
      samples,
      browse_list_cold_ms: Math.round(listColdMs),
      browse_list_warm_ms: Math.round(listWarmMs),
      record_open_ms: {
        p50: round(percentile(openMs, 50)),
        p95: round(percentile(openMs, 95)),
        max: round(Math.max(...openMs)),
      },
      note: 'record_open: click on a Browse row → the record page heading visible (headless Chromium, web harness over loopback HTTP)',
    };
    const text = JSON.stringify(report, null, 2);
    console.log(text);
    if (jsonPath) writeFileSync(jsonPath, `${text}\n`);
    await context.close();
  } finally {
    await browser.close();
    await harness.stop();
  }
}

await main();
