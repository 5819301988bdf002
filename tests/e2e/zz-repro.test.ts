import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openObservedPage, startHarness, type Harness } from '../support/web-harness';
let harness: Harness; let browser: Browser;
beforeAll(async () => { harness = await startHarness(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await harness?.stop(); });
it('repro', async () => {
  const { page } = await openObservedPage(browser);
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.goto(`${harness.baseUrl}/#/reader`);
  await page.getByRole('link', { name: 'The Soviet deportations from Lithuania: an overview' }).click();
  await page.getByRole('navigation', { name: 'Contents' }).waitFor();
  const field = page.getByRole('searchbox', { name: 'Find in document' });
  await page.evaluate(() => { const o = Element.prototype.scrollIntoView; (window as any).calls = []; Element.prototype.scrollIntoView = function (a?: any) { (window as any).calls.push(this.tagName + ':' + (this.textContent ?? '').slice(0, 30) + ':' + window.scrollY); return o.call(this, a); }; });
  await field.click();
  await field.pressSequentially('garbled', { delay: 30 });
  await page.waitForTimeout(500);
  const info = () => page.evaluate(() => ({ y: window.scrollY, h: window.innerHeight, out: document.querySelector('output')?.textContent,
    scrollers: [...document.querySelectorAll('*')].filter(e => e.scrollTop > 0).map(e => e.className + ':' + e.scrollTop),
    docH: document.documentElement.scrollHeight }));
  console.log(JSON.stringify(await info()));
  console.log(JSON.stringify(await page.evaluate(() => { const h = (CSS as any).highlights; const cur = h.get('reader-find-current'); const r = cur && [...cur][0]; return { has: !!cur, size: h.size, text: r?.toString(), par: r?.startContainer.parentElement?.tagName, top: r?.getBoundingClientRect().top, conn: r?.startContainer.isConnected, calls: (window as any).calls }; })));
  await field.press('Enter'); await page.waitForTimeout(300);
  console.log(JSON.stringify(await info()));
});
