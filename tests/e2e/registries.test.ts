/**
 * Real registries kept whole, in Chromium through the web harness: each invented fixture registry
 * (tests/fixtures/registries: a Memorial-style Russian list in Windows-1251 with prose dates, a
 * Lithuanian list with families, a Polish-header list) is imported through the Import view with the
 * suggested mapping; then every non-empty cell of every row must be shown on its record page, in English
 * and, after switching the interface language in About as a user would, in Lithuanian; members of one
 * family or case file are linked on each other's pages.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

const FIXTURES = join(import.meta.dirname, '../fixtures/registries');

interface Fixture {
  file: string;
  encoding: string;
  delimiter: string;
  /** The column holding the family or case number, when the list has one. */
  caseColumn?: string;
}

const REGISTRIES: Fixture[] = [
  { file: 'memorial-style-ru.csv', encoding: 'windows-1251', delimiter: ';' },
  { file: 'lithuanian-style-lt.csv', encoding: 'utf-8', delimiter: ',', caseColumn: 'Bylos Nr.' },
  { file: 'polish-headers-pl.tsv', encoding: 'utf-8', delimiter: '\t' },
];

interface StoredRecord {
  id: string;
  title: string;
  provenance?: { row: number };
  person?: { caseNumber?: string };
}

const e2e = useE2e({ timeout: 120_000 });

function table(fixture: Fixture): string[][] {
  const text = new TextDecoder(fixture.encoding).decode(readFileSync(join(FIXTURES, fixture.file)));
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    delimiter: fixture.delimiter,
    skipEmptyLines: true,
  }).data;
}

function storedRecords(collectionId: string): StoredRecord[] {
  const dir = join(e2e.harness.dataDir, 'collections', collectionId, 'records');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const parsed = JSON.parse(readFileSync(join(dir, name), 'utf8')) as
        StoredRecord[] | { records: StoredRecord[] };
      return Array.isArray(parsed) ? parsed : parsed.records;
    });
}

async function openRecord(page: Page, collectionId: string, record: StoredRecord): Promise<string> {
  await page.goto(e2e.url(`/browse/record/${collectionId}/${record.id}`));
  await page.getByRole('heading', { level: 1, name: record.title, exact: true }).waitFor({ timeout: 30_000 });
  return (await page.locator('article.record-page').textContent()) ?? '';
}

/** Cells of a row missing from its record page's text. */
function missingCells(header: string[], cells: string[], text: string): string[] {
  return cells
    .map((cell, i) => ({ column: header[i] ?? `column ${i + 1}`, value: cell.trim() }))
    .filter(({ value }) => value !== '' && !text.includes(value))
    .map(({ column, value }) => `${column}: ${value}`);
}

async function switchLanguage(page: Page, from: string, to: 'en' | 'lt') {
  await page
    .getByRole('navigation')
    .first()
    .getByRole('link', { name: from === 'en' ? 'About' : 'Apie' })
    .click();
  await page
    .getByRole('combobox', { name: from === 'en' ? 'Interface language' : 'Sąsajos kalba' })
    .selectOption(to);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

describe('registries kept whole (npm run web, Chromium)', () => {
  for (const fixture of REGISTRIES) {
    it(`${fixture.file}: every cell on its record page in English and Lithuanian`, async () => {
      const rows = table(fixture);
      const header = rows[0] ?? [];
      const data = rows.slice(1);
      const collectionId = fixture.file.replace(/\.[^.]+$/, '');
      const { page, context, errors } = await e2e.visit('/import');
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
      await page.getByLabel('File to import').setInputFiles(join(FIXTURES, fixture.file));
      await page.getByText(`${fixture.file}: CSV/TSV table`).waitFor();
      expect(await page.getByLabel('Encoding').inputValue()).toBe(fixture.encoding);
      // The preview lists every column with its fate before anything is stored.
      const fates = page.getByRole('table', { name: /columns of the file and what happens to each/ });
      expect(await fates.getByRole('row').count()).toBe(header.length + 1);
      for (const column of header) {
        await fates.getByRole('combobox', { name: `What happens to column “${column}”` }).waitFor();
      }
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page
        .locator('.import-done')
        .filter({ hasText: `: ${data.length} records.` })
        .waitFor({ timeout: 60_000 });

      const records = storedRecords(collectionId);
      expect(records).toHaveLength(data.length);
      const byRow = new Map(records.map((r) => [r.provenance?.row, r]));

      const check = async (language: 'en' | 'lt') => {
        const missing: string[] = [];
        for (const [i, cells] of data.entries()) {
          const row = i + 2;
          const record = byRow.get(row);
          if (!record) {
            missing.push(`row ${row}: no record`);
            continue;
          }
          const text = await openRecord(page, collectionId, record);
          missing.push(...missingCells(header, cells, text).map((m) => `row ${row} (${language}): ${m}`));
          // Labels in the interface language, provenance with the file and row.
          const provenance = page.getByRole('region', {
            name: language === 'en' ? 'Where this record comes from' : 'Iš kur šis įrašas',
          });
          expect(await provenance.textContent()).toContain(fixture.file);
          expect(await provenance.textContent()).toContain(String(row));
        }
        expect(missing).toEqual([]);
      };

      await check('en');
      await switchLanguage(page, 'en', 'lt');
      await check('lt');
      expect(await page.getByRole('region', { name: 'Registro įrašas' }).count()).toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    }, 600_000);
  }

  it('links members of one family on each other’s pages (Lithuanian list, case numbers)', async () => {
    const fixture = REGISTRIES[1] as Fixture;
    const rows = table(fixture);
    const header = rows[0] ?? [];
    const caseIndex = header.indexOf(fixture.caseColumn as string);
    expect(caseIndex).toBeGreaterThanOrEqual(0);
    const collectionId = fixture.file.replace(/\.[^.]+$/, '');
    const records = storedRecords(collectionId);
    const byRow = new Map(records.map((r) => [r.provenance?.row, r]));
    const families = new Map<string, StoredRecord[]>();
    rows.slice(1).forEach((cells, i) => {
      const caseNumber = cells[caseIndex]?.trim();
      const record = byRow.get(i + 2);
      if (!caseNumber || !record) return;
      families.set(caseNumber, [...(families.get(caseNumber) ?? []), record]);
    });
    const shared = [...families].filter(([, members]) => members.length > 1);
    expect(shared.length).toBeGreaterThan(0);

    const { page, context } = await e2e.open();
    for (const [caseNumber, members] of shared) {
      for (const member of members) {
        await openRecord(page, collectionId, member);
        const region = page.getByRole('region', { name: `Same family or case file (${caseNumber})` });
        const links = await region
          .getByRole('link')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const expected = members.filter((m) => m.id !== member.id).map((m) => `/${collectionId}/${m.id}`);
        expect(links.map((href) => href?.replace(/^.*\/browse\/record/, ''))).toEqual(expected);
      }
    }
    // Following a link lands on the relative's page, which links back.
    const [caseNumber, [first, second]] = shared[0] as [string, StoredRecord[]];
    await openRecord(page, collectionId, first as StoredRecord);
    await page
      .getByRole('region', { name: `Same family or case file (${caseNumber})` })
      .getByRole('link', { name: (second as StoredRecord).title, exact: true })
      .click();
    await page
      .getByRole('heading', { level: 1, name: (second as StoredRecord).title, exact: true })
      .waitFor();
    await page
      .getByRole('region', { name: `Same family or case file (${caseNumber})` })
      .getByRole('link', { name: (first as StoredRecord).title, exact: true })
      .waitFor();
    await context.close();
  }, 300_000);
  it('answers every action after a failed import: mapping changed, same file again, skip and list rows', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atmintis-registries-e2e-'));
    // Invented rows; rows 3 and 5 have a cell too few (ragged), row 4 has a birth date that is no date.
    const broken = join(folder, 'broken-list.csv');
    writeFileSync(
      broken,
      'Nr.,Pavardė,Vardas,Gimimo metai\n1,Testaitis,Jonas,1901\n2,Testaitytė\n3,Bandaitis,Petras,19o5\n4,Bandaitė\n5,Pavyzdys,Ona,1927\n',
    );
    // 279 ragged rows: more than the 200 listed.
    const many = join(folder, 'many-problems.csv');
    writeFileSync(
      many,
      `Nr.,Pavardė,Vardas\n${Array.from({ length: 279 }, (_, i) => `${i + 1},Testaitis`).join('\n')}\n`,
    );
    const { page, context, errors } = await e2e.visit('/import');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    const fileInput = page.getByLabel('File to import');
    const alert = page.getByRole('alert').filter({ hasText: 'The import failed' });

    // The heading's count and the list's "…and N more" add up.
    await fileInput.setInputFiles(many);
    await page.getByText('many-problems.csv: CSV/TSV table').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('279 problems');
    expect(await alert.getByRole('listitem').count()).toBe(200);
    expect(await alert.textContent()).toContain('…and 79 more problems, not listed.');

    await fileInput.setInputFiles(broken);
    await page.getByText('broken-list.csv: CSV/TSV table').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('2 problems');
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      'broken-list.csv, row 3: 2 cells but the header has 4 (ragged row; check the delimiter and quotes)',
      'broken-list.csv, row 5: 2 cells but the header has 4 (ragged row; check the delimiter and quotes)',
    ]);

    // After changing the mapping, Import runs again and answers (the problems are the file's).
    await page.getByLabel('What happens to column “Gimimo metai”').selectOption('excluded');
    await alert.evaluate((element) => element.setAttribute('data-stale', 'yes'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const fresh = page.locator('.import-errors:not([data-stale])');
    await fresh.waitFor();
    expect(await fresh.textContent()).toContain('2 problems');

    // Choosing the same file again reads it again: a fresh preview, the old failure gone.
    await fileInput.setInputFiles(broken);
    await alert.waitFor({ state: 'detached' });
    await page.getByText('broken-list.csv: CSV/TSV table').waitFor();
    expect(await page.getByLabel('What happens to column “Gimimo metai”').inputValue()).toBe(
      'field:birthDate',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await alert.waitFor();

    // The explicit choice: skip the broken rows, import the rest, and list what was skipped.
    await page.getByRole('button', { name: 'Skip and list these rows, then import' }).click();
    await page
      .locator('.import-done')
      .filter({ hasText: 'Imported “broken-list”: 3 records.' })
      .waitFor({ timeout: 60_000 });
    const skipped = page.locator('.import-skipped');
    expect(await skipped.textContent()).toContain('2 rows were skipped and not stored:');
    expect(await skipped.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('row 3: a different number of cells than the header'),
      expect.stringContaining('row 5: a different number of cells than the header'),
    ]);
    expect(await page.getByText('1 date was kept exactly as written').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('says import problems and detection notes in Lithuanian, with no English mixed in', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atmintis-registries-e2e-'));
    const broken = join(folder, 'sarasas.csv');
    writeFileSync(broken, 'Nr.,Pavardė,Vardas\n1,Testaitis,Jonas\n2,Testaitytė\n');
    const { page, context } = await e2e.visit('/import', { language: 'lt' });
    await page.getByRole('heading', { level: 1, name: 'Importas' }).waitFor();
    await page.getByLabel('Importuojamas failas').setInputFiles(broken);
    await page.getByText('sarasas.csv: CSV/TSV lentelė').waitFor();
    expect(await page.getByText('Atpažinta: taisyklingas UTF-8').count()).toBe(1);
    await page.getByRole('button', { name: 'Importuoti', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Importuoti nepavyko' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('1 problema');
    expect(text).toContain('sarasas.csv, 3 eilutė: langelių: 2, o antraštėje jų 3');
    expect(text).not.toMatch(/cells|header|ragged|row/);
    await context.close();
  }, 120_000);
});
