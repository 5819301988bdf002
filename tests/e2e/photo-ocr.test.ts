/**
 * OCR in the photo viewer end to end, in Chromium against the real harness and CSP: a scan with printed
 * Lithuanian text is imported, a region is drawn around the text with the mouse and read with
 * "Read text (OCR)"; the known word is in the transcription, moving the caret onto it outlines its box
 * on the photo; Search finds the word with the photo's thumbnail and opens the region; after a reload
 * the transcription and its word boxes are still there, a word clicked on the photo is selected in the
 * text, and "Read the whole page (OCR)" reads the page into a region covering the photo.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

/** Where the text is on the scan, in the original's pixels (set when the scan is made). */
const TEXT = { left: 300, top: 600, width: 0, height: 0 };

async function scanFolder(): Promise<string> {
  const root = join(mkdtempSync(join(tmpdir(), 'atmintis-e2e-ocr-')), 'delo 77');
  mkdirSync(root, { recursive: true });
  // Rendered by libvips (Pango) in a system sans-serif: black print on white, as a clean scan.
  const text = await sharp({
    text: { text: 'Vilniaus apskrities archyvas\nKaunas, Šiauliai, Panevėžys', font: 'sans', dpi: 400 },
  })
    .negate()
    .png()
    .toBuffer();
  const { width = 0, height = 0 } = await sharp(text).metadata();
  Object.assign(TEXT, { width, height });
  const bytes = await sharp({
    create: { width: 2400, height: 1800, channels: 3, background: { r: 255, g: 255, b: 255 } },
  })
    .composite([{ input: text, left: TEXT.left, top: TEXT.top }])
    .jpeg({ quality: 92 })
    .toBuffer();
  writeFileSync(join(root, 'scan_1.jpg'), bytes);
  return root;
}

const e2e = useE2e({ photosPickDir: scanFolder, timeout: 120_000 });

const stage = (page: Page) => page.locator('.photo-stage[data-ready="true"]');
const transcription = (page: Page) =>
  page.getByRole('textbox', { name: 'Transcription (what the region says)' });

/** A point of the original on screen, through the region layer's own transform. */
async function onScreen(page: Page, x: number, y: number): Promise<[number, number]> {
  const layer = page.locator('svg.region-layer');
  const box = await layer.boundingBox();
  const transform = await layer.locator('g').first().getAttribute('transform');
  const m = (/matrix\(([^)]+)\)/.exec(transform ?? '')?.[1] ?? '').split(' ').map(Number);
  const [a = NaN, b = NaN, c = NaN, d = NaN, e = NaN, f = NaN] = m;
  if (!box || [a, b, c, d, e, f].some((n) => Number.isNaN(n))) {
    throw new Error(`no transform on the region layer (${transform})`);
  }
  return [box.x + a * x + c * y + e, box.y + b * x + d * y + f];
}

describe('photo viewer: OCR of a region, its words on the photo, found in Search', () => {
  it(
    'reads the region, shows a word, finds it with the thumbnail, and keeps it all',
    { timeout: 180_000 },
    async () => {
      const { page, context } = await e2e.visit('/items');
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.getByRole('button', { name: 'Add a folder…' }).click();
      await page.getByText(/^Added 1 photo in 1 item\.$/).waitFor({ timeout: 120_000 });
      await page.getByRole('link', { name: 'delo 77' }).first().click();
      await page.getByRole('link', { name: 'Photo 1' }).click();
      await stage(page).waitFor({ timeout: 30_000 });

      await page.getByRole('button', { name: 'Draw a rectangle' }).click();
      const [x0, y0] = await onScreen(page, TEXT.left - 30, TEXT.top - 30);
      const [x1, y1] = await onScreen(page, TEXT.left + TEXT.width + 30, TEXT.top + TEXT.height + 30);
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 4 });
      await page.mouse.move(x1, y1, { steps: 4 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Region 1 (rectangle)' }).waitFor();

      // The item names no language: Lithuanian is ticked.
      expect(await page.getByRole('checkbox', { name: 'Lithuanian' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Read text (OCR)' }).click();
      await expect.poll(() => transcription(page).inputValue(), { timeout: 90_000 }).toMatch(/Vilniaus/);
      expect(await transcription(page).inputValue()).toMatch(/apskrities archyvas/);
      await page.getByText(/^Word positions kept for \d+ of \d+ words\.$/).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved/ })
        .waitFor();

      // The caret on the first word outlines its box on the photo.
      await transcription(page).focus();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowRight');
      await page.locator('.ocr-word-active[data-word="Vilniaus"]').waitFor();
      const outline = await page.locator('.ocr-word-active').boundingBox();
      const [left] = await onScreen(page, TEXT.left, TEXT.top);
      expect(outline && Math.abs(outline.x - left)).toBeLessThan(40);

      await page.goto(page.url().replace(/#.*$/, '#/search'));
      await page.getByRole('searchbox', { name: 'Search' }).fill('Vilniaus kind:note');
      const hit = page.locator('a.search-result-link', { has: page.locator('img.search-result-thumb') });
      await hit.first().waitFor({ timeout: 30_000 });
      const thumb = hit.first().locator('img.search-result-thumb');
      expect(await thumb.getAttribute('src')).toMatch(/^\/photos\/[0-9a-f]{64}\/thumb$/);
      await expect
        .poll(() => thumb.evaluate((image) => (image as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      await hit.first().click();
      await stage(page).waitFor({ timeout: 30_000 });
      expect(page.url()).toMatch(/#\/items\/[^/]+\/photos\/[0-9a-f]{64}\/region\/[0-9a-f-]+$/);
      await expect
        .poll(() => page.getByRole('button', { name: /Region 1 \(rectangle\)/ }).getAttribute('aria-pressed'))
        .toBe('true');

      await page.reload();
      await stage(page).waitFor({ timeout: 30_000 });
      await expect.poll(() => transcription(page).inputValue()).toMatch(/Vilniaus apskrities archyvas/);
      expect(await page.locator('.ocr-word').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.region-shape').count()).toBe(1);

      // A word clicked on the photo is selected in the text.
      await page.locator('.ocr-word').nth(1).click();
      const selected = () =>
        transcription(page).evaluate((element) => {
          const field = element as HTMLTextAreaElement;
          return field.value.slice(field.selectionStart, field.selectionEnd);
        });
      await expect.poll(selected).toBe('apskrities');

      // The whole page is read into a region of its own, covering the photo.
      await page.getByRole('button', { name: 'Read the whole page (OCR)' }).click();
      const wholePage = page.getByRole('button', { name: /^Region 2 \(rectangle\) \(whole page\)/ });
      await expect.poll(() => wholePage.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
      await expect.poll(() => transcription(page).inputValue(), { timeout: 90_000 }).toMatch(/Kaunas/);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
