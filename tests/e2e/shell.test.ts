import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();

const VIEWS = [
  { link: 'Search', heading: 'Search', hash: '#/search' },
  { link: 'Browse', heading: 'Browse', hash: '#/browse' },
  { link: 'Reader', heading: 'Reader', hash: '#/reader' },
  { link: 'Bibliography', heading: 'Bibliography', hash: '#/bibliography' },
  { link: 'Notes', heading: 'Notes', hash: '#/notes' },
  { link: 'Items', heading: 'Items: photographs and scans', hash: '#/items' },
  { link: 'Import', heading: 'Import', hash: '#/import' },
  { link: 'Sync', heading: 'Sync', hash: '#/sync' },
  { link: 'About', heading: 'About Atmintis', hash: '#/about' },
];

describe('app shell in Chromium (npm run web)', () => {
  it('loads with a CSP, no console errors and no request leaving the origin', async () => {
    const { page, context, requests, errors } = await e2e.open();
    const response = await page.goto(e2e.baseUrl + '/');
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("default-src 'self'");
    // The root redirects to Browse, which lists the bundled collections through the real handlers.
    await expect.poll(() => page.url()).toContain('#/browse');
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    await page.getByRole('table', { name: 'Records of the collection' }).waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('reaches every view by keyboard alone', async () => {
    const { page, context, requests, errors } = await e2e.visit('/browse');
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const view of VIEWS) {
      // Focus sits on the current view's heading; Shift+Tab walks back up into the navigation.
      const link = nav.getByRole('link', { name: view.link, exact: true });
      let focused = false;
      for (let presses = 0; presses < 20 && !focused; presses++) {
        await page.keyboard.press('Shift+Tab');
        focused = await link.evaluate((element) => element === document.activeElement);
      }
      expect(focused, `Tab reaches the ${view.link} link`).toBe(true);
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 1, name: view.heading });
      await heading.waitFor();
      expect(page.url()).toContain(view.hash);
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      // Focus moves to the new view's heading, so keyboard users start reading there.
      await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    }
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('shows a not-found view for unknown addresses and the About facts from the main process', async () => {
    const { page, context, errors } = await e2e.visit('/no-such-view');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to Browse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    await page.goto(e2e.url('/about'));
    await page.getByText('License: AGPL-3.0-or-later').waitFor();
    await page.getByText(`User data folder: ${e2e.harness.dataDir}`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the OS colour scheme', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { page, context } = await e2e.visit('/browse', { colorScheme });
      await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
      const value = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await context.close();
      return value;
    };
    const light = await background('light');
    const dark = await background('dark');
    expect(light).not.toBe(dark);
    expect(light).toBe('rgb(250, 248, 245)');
    expect(dark).toBe('rgb(28, 27, 26)');
  });

  it('uses only bundled fonts', async () => {
    const { page, context, requests } = await e2e.visit('/browse');
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    const families = await page.evaluate(() => [...document.fonts].map((font) => font.family));
    expect(families.join(',')).toContain('Inter');
    expect(requests.filter((url) => url.endsWith('.woff2')).length).toBeGreaterThan(0);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });
});
