/**
 * Photos end to end in Chromium against the real harness: a folder of 30 photos made here with sharp
 * (two sub-folders) is imported through "Add a folder…" into two items; one item is reordered by
 * keyboard and described; after a reload everything is still there, and every thumbnail is served;
 * the item is exported as a IIIF manifest (checked against the official schema) and as a PDF.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

/** 18 photos in "delo 12345" and 12 in "delo 12346", each a different colour (so a different sha256). */
async function photoFolder(): Promise<string> {
  const root = join(mkdtempSync(join(tmpdir(), 'atmintis-e2e-photos-')), 'Reading room');
  for (const [folder, count, green] of [
    ['delo 12345', 18, 60],
    ['delo 12346', 12, 160],
  ] as const) {
    mkdirSync(join(root, folder), { recursive: true });
    for (let n = 1; n <= count; n += 1) {
      const bytes = await sharp({
        create: {
          width: 600 + n * 7,
          height: 800,
          channels: 3,
          background: { r: n * 12, g: green, b: 200 - n * 5 },
        },
      })
        .jpeg()
        .toBuffer();
      writeFileSync(join(root, folder, `IMG_${String(n).padStart(4, '0')}.jpg`), bytes);
    }
  }
  return root;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations on the page as it is now (as tests/e2e/accessibility.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
    };
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Array<{ id: string; impact: string | null; nodes: { target: string[] }[] }>;
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

// The official IIIF Presentation 3 schema (tests/fixtures/iiif/README.md), as in the unit tests.
const iiifAjv = new Ajv({ strict: false });
addFormats.default(iiifAjv);
const validateIiif = iiifAjv.compile(
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/iiif/iiif_3_0.json'), 'utf8')) as object,
);

const e2e = useE2e({ photosPickDir: photoFolder, timeout: 120_000 });

const thumbnails = (page: Page) =>
  page
    .getByRole('list')
    .filter({ has: page.getByRole('img', { name: 'Photo 1', exact: true }) })
    .getByRole('img');

async function sources(page: Page): Promise<string[]> {
  return thumbnails(page).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
}

describe('photos: import into items, reorder, describe, reload', () => {
  it('imports a folder of 30 photos into two items that survive a reload', { timeout: 180_000 }, async () => {
    const { page, context } = await e2e.visit('/items');
    await page.getByRole('heading', { level: 1, name: 'Items: photographs and scans' }).waitFor();
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    await page.getByText('Added 30 photos in 2 items.').waitFor({ timeout: 120_000 });

    await page.getByRole('link', { name: 'delo 12345' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'delo 12345' }).waitFor();
    await page.getByRole('heading', { name: '18 photos' }).waitFor();
    const before = await sources(page);
    expect(before).toHaveLength(18);
    // Every thumbnail is really served and decoded.
    await expect
      .poll(() =>
        thumbnails(page).evaluateAll((images) =>
          images.every(
            (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
          ),
        ),
      )
      .toBe(true);

    // Alt+→ twice moves the first photo to third place; focus stays on it.
    await page.getByRole('link', { name: 'Photo 1', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => (await sources(page))[1]).toBe(before[0]);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => (await sources(page))[2]).toBe(before[0]);
    const reordered = [before[1], before[2], before[0], ...before.slice(3)];

    await page.getByRole('textbox', { name: 'Archive' }).fill('LYA');
    await page.getByRole('textbox', { name: 'Fond' }).fill('K-1');
    await page.getByRole('textbox', { name: 'Opis (inventory)' }).fill('58');
    await page.getByRole('textbox', { name: 'Delo (file)' }).fill('12345');
    await page.getByRole('textbox', { name: 'Sheets' }).fill('1–18');
    await page.getByRole('textbox', { name: 'Date' }).fill('1949-03');
    await page.getByRole('button', { name: 'Save description' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Photo number' }).fill('3');
    await expect
      .poll(() => page.getByRole('status', { name: 'Sheet citation' }).textContent())
      .toBe('LYA, f. K-1, ap. 58, b. 12345, l. 3');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'delo 12345' }).waitFor();
    await expect.poll(() => sources(page)).toEqual(reordered);
    expect(await page.getByRole('textbox', { name: 'Fond' }).inputValue()).toBe('K-1');
    expect(await page.getByRole('textbox', { name: 'Date' }).inputValue()).toBe('1949-03');
    expect(await page.getByRole('status', { name: 'Item' }).textContent()).toBe(
      'LYA, f. K-1, ap. 58, b. 12345, l. 1–18',
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Export: the IIIF zip's manifest passes the official schema; the PDF has a title page + 18 photos.
    const iiifDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as IIIF manifest' }).click();
    const zip = unzipSync(readFileSync((await (await iiifDownload).path()) ?? ''));
    const manifest = JSON.parse(strFromU8(zip['delo-12345/manifest.json'] ?? new Uint8Array())) as {
      items: unknown[];
    };
    expect(validateIiif(manifest), JSON.stringify(validateIiif.errors)).toBe(true);
    expect(manifest.items).toHaveLength(18);
    expect(Object.keys(zip).filter((name) => name.endsWith('.jpg'))).toHaveLength(18);
    await page.getByRole('status').filter({ hasText: 'The export was downloaded.' }).waitFor();
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as PDF' }).click();
    const pdf = await PDFDocument.load(readFileSync((await (await pdfDownload).path()) ?? ''));
    expect(pdf.getPageCount()).toBe(19);

    // Search finds the item by its delo number, shows its first thumbnail and opens it.
    await page.goto(e2e.url('/search'));
    await page.getByRole('searchbox', { name: 'Search' }).fill('kind:item 12345');
    const hit = page
      .getByRole('list', { name: /^Photo items/ })
      .getByRole('link', { name: /^delo 12345\b/ })
      .first();
    await expect
      .poll(() =>
        hit
          .locator('img')
          .evaluate(
            (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
          ),
      )
      .toBe(true);
    // The item's first photo after the reorder above.
    const thumb = (await hit.locator('img').getAttribute('src')) ?? 'none';
    expect(reordered[0]?.endsWith(thumb)).toBe(true);
    await hit.click();
    await page.getByRole('heading', { level: 1, name: 'delo 12345' }).waitFor();

    await page.getByRole('link', { name: '← All items' }).click();
    await page.getByRole('link', { name: 'delo 12346' }).waitFor();
    await page.getByText('12 photos').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
