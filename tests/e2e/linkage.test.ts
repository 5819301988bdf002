/**
 * The Linkage view in Chromium through the web harness: two invented lists of the same people
 * (tests/fixtures/linkage/e2e: Lithuanian spelling and a Russian clerk's Cyrillic, birth years ± 1,
 * a near-namesake) are imported through the Import view; linkage runs in its worker; one pair is
 * confirmed with `s` and one rejected with `d` by keyboard; after a reload the decisions are still
 * there and the confirmed record's page shows "Also in"; a JSON notes backup exported on the Backups page and restored into a fresh profile brings
 * them back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

const FIXTURES = join(import.meta.dirname, '../fixtures/linkage/e2e');
const LISTS = [
  { file: 'linkage-e2e-lt.json', title: 'Linkage e2e list, Lithuanian spelling (synthetic)', records: 4 },
  {
    file: 'linkage-e2e-ru.json',
    title: "Linkage e2e list, a Russian clerk's spelling (synthetic)",
    records: 3,
  },
];
const SAME = { a: 'Antanas Žemaitis (Utena, synthetic)', b: 'Жемайтис Антанас Пятрович (synthetic)' };
const NAMESAKE = { a: 'Antanas Žemaitis (deported 1951, synthetic)', b: SAME.b };

const e2e = useE2e({ timeout: 120_000 });

/** axe-core's own source, injected as tests/e2e/accessibility.test.ts does. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations of the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function importList(page: Page, list: (typeof LISTS)[number]) {
  await page.goto(e2e.url('/import'));
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await page.getByLabel('File to import').setInputFiles(join(FIXTURES, list.file));
  await page.getByText(`${list.file}: collection JSON`).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page
    .locator('.import-done')
    .filter({ hasText: `: ${list.records} records.` })
    .waitFor({ timeout: 60_000 });
}

/** Opens Linkage from the navigation, chooses both lists and runs; answers the queue's listbox. */
async function runLinkage(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Linkage' }).click();
  await page.getByRole('heading', { level: 1, name: 'Linkage' }).waitFor();
  for (const list of LISTS) await page.getByRole('checkbox', { name: list.title }).check();
  await page.getByRole('button', { name: 'Run linkage' }).click();
  const queue = page.getByRole('listbox', { name: 'Candidate pairs, highest score first' });
  await queue.waitFor({ timeout: 60_000 });
  await page.getByText(/^4 candidate pairs among 7 records/).waitFor();
  return queue;
}

const pairOption = (page: Page, pair: { a: string; b: string }) =>
  page
    .getByRole('listbox', { name: 'Candidate pairs, highest score first' })
    .getByRole('option')
    .filter({ hasText: `${pair.a} ↔ ${pair.b}` });

describe('linkage in Chromium (npm run web)', () => {
  it('links two imported lists, decides pairs by keyboard, and keeps the decisions across a reload', async () => {
    const { page, context, errors } = await e2e.open();
    for (const list of LISTS) await importList(page, list);

    const queue = await runLinkage(page);
    // The queue has focus after the run, the best pair selected and shown side by side.
    expect(await queue.evaluate((element) => element === document.activeElement)).toBe(true);
    const comparison = page.getByRole('table', { name: /compared with .* field by field/ });
    await comparison.waitFor();
    expect(await comparison.getByRole('row', { name: /^Birth date/ }).textContent()).toMatch(/agrees|partly/);
    // The queue and the comparison pass axe in both colour schemes (the audit list sees the view
    // only with the bundled collection, which has no candidate pairs).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Confirm the true pair with "s".
    await pairOption(page, SAME).click();
    await page.keyboard.press('s');
    await page
      .getByRole('status')
      .filter({ hasText: `Same person: ${SAME.a} and ${SAME.b}.` })
      .waitFor();
    await pairOption(page, SAME).filter({ hasText: 'Same person' }).waitFor();

    // Reject the near-namesake with "d", by keyboard from the listbox.
    await pairOption(page, NAMESAKE).click();
    await page.keyboard.press('d');
    await page
      .getByRole('status')
      .filter({ hasText: `Different people: ${NAMESAKE.a} and ${NAMESAKE.b}.` })
      .waitFor();

    // After a reload (a new window session), the decisions are read back from IndexedDB.
    await page.reload();
    await runLinkage(page);
    await pairOption(page, SAME).filter({ hasText: 'Same person' }).waitFor();
    await pairOption(page, NAMESAKE).filter({ hasText: 'Different people' }).waitFor();
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('undecided');
    expect(
      await page
        .getByRole('listbox', { name: 'Candidate pairs, highest score first' })
        .getByRole('option')
        .count(),
    ).toBe(2);

    // The confirmed record's page, opened from the comparison, says where else the person is.
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('same');
    await pairOption(page, SAME).click();
    await page.getByRole('link', { name: `Open the record page of ${SAME.a}` }).click();
    await page.getByRole('heading', { level: 1, name: SAME.a }).waitFor({ timeout: 30_000 });
    const alsoIn = page.getByRole('region', { name: 'Also in' });
    await alsoIn.getByRole('list', { name: 'Records of the same person' }).getByText(SAME.b).waitFor();

    // Export a JSON notes backup: it carries both decisions.
    await page.goto(e2e.url('/notes/backups'));
    const exportButton = page.getByRole('button', { name: 'Export JSON backup' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const backupFile = join(mkdtempSync(join(tmpdir(), 'atmintis-linkage-e2e-')), 'backup.json');
    await download.saveAs(backupFile);
    const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as { decisions: { decision: string }[] };
    expect(backup.decisions.map((d) => d.decision).sort()).toEqual(['different', 'same']);
    expect(errors).toEqual([]);
    await context.close();

    // Restore it into a fresh profile (an empty IndexedDB): the decisions are back in the queue.
    const fresh = await e2e.open();
    await fresh.page.goto(e2e.url('/notes/backups'));
    await fresh.page.getByLabel('Choose a JSON backup file').setInputFiles(backupFile);
    const summary = fresh.page.getByRole('group', { name: 'Import summary' });
    await summary.getByText(/^Linkage decisions: 2 new/).waitFor();
    await summary.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh.page
      .getByText(/Linkage decisions: 2 new/)
      .first()
      .waitFor();
    await runLinkage(fresh.page);
    await pairOption(fresh.page, SAME).filter({ hasText: 'Same person' }).waitFor();
    await pairOption(fresh.page, NAMESAKE).filter({ hasText: 'Different people' }).waitFor();
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  }, 300_000);
});
