/**
 * The photo viewer end to end in Chromium against the real harness: three photos imported through
 * "Add a folder…", one opened from its item; zoomed with a button and rotated with the keyboard; a
 * rectangle drawn with the mouse and given a note and a transcription; after a reload the view, the
 * region and its note are still there, and the Notes list opens the photo with the region selected.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';

/** Three scans of one file: a light page with a dark block where a stamp would be. */
async function photoFolder(): Promise<string> {
  const root = join(mkdtempSync(join(tmpdir(), 'atmintis-e2e-viewer-')), 'delo 501');
  mkdirSync(root, { recursive: true });
  for (let n = 1; n <= 3; n += 1) {
    const stamp = await sharp({
      create: { width: 400, height: 300, channels: 3, background: { r: 120, g: 20, b: 20 } },
    })
      .png()
      .toBuffer();
    const bytes = await sharp({
      create: { width: 2400, height: 1800, channels: 3, background: { r: 235, g: 228, b: 210 - n * 10 } },
    })
      .composite([{ input: stamp, left: 1600, top: 1200 }])
      .jpeg()
      .toBuffer();
    writeFileSync(join(root, `scan_${n}.jpg`), bytes);
  }
  return root;
}

const e2e = useE2e({ photosPickDir: photoFolder, timeout: 120_000 });

const rotation = (page: Page) => page.getByRole('slider', { name: 'Rotation' }).inputValue();
const stage = (page: Page) => page.locator('.photo-stage[data-ready="true"]');

async function remembered(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('atmintis.photo-view.'));
    return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>) : {};
  });
}

describe('photo viewer: zoom, rotate, draw a region with a note, reload, open it from Notes', () => {
  it('keeps the view, the region and its note', { timeout: 240_000 }, async () => {
    const { page, context } = await e2e.visit('/items');
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    await page.getByText('Added 3 photos in 1 item.').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'delo 501' }).first().click();
    await page.getByRole('link', { name: 'Photo 1' }).click();

    await stage(page).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Photos of this item' }).waitFor();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await remembered(page))['zoom']).toBeGreaterThan(1.5);
    const zoomed = Number((await remembered(page))['zoom']);
    await page.getByRole('button', { name: 'Fit page' }).click();
    await expect.poll(async () => (await remembered(page))['zoom']).toBeLessThan(zoomed / 2);

    await stage(page).focus();
    await page.keyboard.press('r');
    await expect.poll(() => rotation(page)).toBe('90');
    await page.keyboard.press('r');
    await page.keyboard.press('Shift+R');
    await expect.poll(() => rotation(page)).toBe('90');
    await page.keyboard.press('i');
    await expect
      .poll(() => page.locator('.photo-osd').evaluate((element) => (element as HTMLElement).style.filter))
      .toBe('invert(1)');
    await expect.poll(async () => (await remembered(page))['rotation']).toBe(90);

    // Draw a rectangle with the mouse over the middle of the photo.
    await page.getByRole('button', { name: 'Draw a rectangle' }).click();
    const box = await stage(page).boundingBox();
    if (!box) throw new Error('the stage has no box');
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx - 60, cy - 40);
    await page.mouse.down();
    await page.mouse.move(cx, cy, { steps: 5 });
    await page.mouse.move(cx + 60, cy + 40, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Region 1 (rectangle)' }).waitFor();
    await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Stamp of the district office');
    await page.getByRole('textbox', { name: 'Transcription (what the region says)' }).fill('Vilniaus apskr.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    expect(await page.locator('.region-shape').count()).toBe(1);

    await page.reload();
    await stage(page).waitFor({ timeout: 30_000 });
    await expect.poll(() => rotation(page)).toBe('90');
    expect(await page.getByRole('button', { name: 'Invert' }).getAttribute('aria-pressed')).toBe('true');
    await page
      .getByRole('button', { name: /Region 1 \(rectangle\) — Stamp of the district office/ })
      .waitFor();
    expect(await page.locator('.region-shape').count()).toBe(1);

    await page.goto(page.url().replace(/#.*$/, '#/notes'));
    await page.getByText('Stamp of the district office').waitFor();
    await page.getByRole('link', { name: /·/ }).click();
    await stage(page).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/#\/items\/[^/]+\/photos\/[0-9a-f]{64}\/region\/[0-9a-f-]+$/);
    await expect
      .poll(() => page.getByRole('button', { name: /Region 1 \(rectangle\)/ }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(
      await page.getByRole('textbox', { name: 'Transcription (what the region says)' }).inputValue(),
    ).toBe('Vilniaus apskr.');
    expect(await page.locator('.region-selected').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
