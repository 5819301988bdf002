/**
 * `npm run screenshots`: takes the README/docs screenshots from the web harness in Debian Chromium
 * (after `npm run build`). Not part of npm test; rerun when the UI changes.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, startHarness } from '../tests/support/web-harness';

const SHOTS: { name: string; hash: string; waitFor: string; colorScheme?: 'light' | 'dark' }[] = [
  { name: 'browse', hash: '#/browse', waitFor: 'table' },
  { name: 'record', hash: '#/browse/record/lt-deportations-1940-1953/op-vesna', waitFor: 'table' },
  { name: 'timeline', hash: '#/browse/timeline', waitFor: 'svg.timeline' },
  { name: 'charts', hash: '#/browse/charts', waitFor: 'figure' },
  { name: 'map', hash: '#/browse/map', waitFor: 'svg.exile-map' },
  {
    name: 'record-dark',
    hash: '#/browse/record/lt-deportations-1940-1953/op-vesna',
    waitFor: 'table',
    colorScheme: 'dark',
  },
];

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const harness = await startHarness();
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      colorScheme: shot.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/${shot.hash}`);
    await page.locator(shot.waitFor).first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(outDir, `${shot.name}.png`) });
    await context.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await harness.stop();
}
