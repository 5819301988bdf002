/**
 * `npm run bench:photo-open -- [--megapixels 100] [--format tiff|jpeg] [--runs 5] [--json file]` — opening a very large photo
 * in the viewer, to its first sharp view, in Chromium against the real web harness (which must be built:
 * `npx electron-vite build`).
 *
 * A noisy TIFF (the case; `--format jpeg` for a JPEG) of about N megapixels (square; default
 * 100 MP, 10,000 × 10,000) is made with sharp and
 * imported through "Add a folder…" (not timed; the import makes the ≤ 4096 px display copy). Then, each
 * run, from clicking the photo's thumbnail on its item's page to the viewer reporting every level of the
 * current (fitted) view drawn (`data-sharp`, OpenSeadragon's `fully-loaded-change`). The first run has a
 * cold browser cache; the others reopen the same photo in a fresh page (cache kept, as a user returning
 * to it). Target: ≤ 3 s.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchBrowser, startHarness } from '../tests/support/web-harness';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const megapixels = Number(option('--megapixels') ?? 100);
const runs = Number(option('--runs') ?? 5);
const format = photoFormat(option('--format') ?? 'tiff');

function photoFormat(name: string): 'tiff' | 'jpeg' {
  if (name !== 'tiff' && name !== 'jpeg') throw new Error('--format is tiff or jpeg');
  return name;
}
const jsonPath = option('--json') ?? null;
const side = Math.round(Math.sqrt(megapixels * 1e6));

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'atmintis-bench-open-'));
  const folder = join(base, 'large');
  mkdirSync(folder);
  const file = join(folder, format === 'tiff' ? 'scan.tif' : 'scan.jpg');
  const made = performance.now();
  await sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: '#d8d0c0',
      noise: { type: 'gaussian', mean: 200, sigma: 25 },
    },
  })
    .toFormat(format, format === 'tiff' ? { compression: 'lzw' } : { quality: 80 })
    .toFile(file);
  console.log(
    `made ${side} × ${side} (${((side * side) / 1e6).toFixed(0)} MP, ${(statSync(file).size / 1e6).toFixed(1)} MB ${format.toUpperCase()}) in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );
  const [harness, browser] = await Promise.all([startHarness({ photosPickDir: folder }), launchBrowser()]);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/#/items`);
    const imported = performance.now();
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    await page.getByText('Added 1 photo in 1 item.').waitFor({ timeout: 600_000 });
    console.log(
      `imported in ${((performance.now() - imported) / 1000).toFixed(1)} s (not part of the figure)`,
    );
    await page.getByRole('link', { name: 'large' }).first().click();
    const itemUrl = page.url();
    const seconds: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const tab = run === 0 ? page : await context.newPage();
      if (run > 0) await tab.goto(itemUrl);
      const thumbnail = tab.getByRole('link', { name: 'Photo 1' });
      await thumbnail.waitFor();
      const started = performance.now();
      await thumbnail.click();
      await tab.locator('.photo-stage[data-sharp="true"]').waitFor({ timeout: 60_000 });
      seconds.push((performance.now() - started) / 1000);
      if (run > 0) await tab.close();
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    const figures = {
      megapixels: (side * side) / 1e6,
      format,
      side,
      runs: seconds.map((value) => Math.round(value * 1000) / 1000),
      cold: Math.round((seconds[0] ?? 0) * 1000) / 1000,
      median: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 1000) / 1000,
      targetSeconds: 3,
    };
    console.log(JSON.stringify(figures, null, 2));
    if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(figures, null, 2)}\n`);
    await context.close();
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
