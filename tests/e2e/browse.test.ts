import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foreignRequests,
  launchBrowser,
  openObservedPage,
  startHarness,
  type Harness,
} from '../support/web-harness';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Explore the collection' }).getByRole('link', { name }).click();
}

/** Clicks a link and checks that it opened the record page of the same record. */
async function expectOpensRecord(page: Page, link: ReturnType<Page['getByRole']>, expectedTitle: string) {
  await link.click();
  await page.getByRole('heading', { level: 1, name: expectedTitle, exact: true }).waitFor();
  expect(page.url()).toMatch(/#\/browse\/record\/lt-deportations-1940-1953\//);
}

describe('exploring the bundled collection (npm run web)', () => {
  it('lists records, filters them and opens a record page with sourced figures', async () => {
    const { page, context, errors, requests } = await openObservedPage(browser);
    await page.goto(harness.baseUrl + '/#/browse');
    const table = page.getByRole('table', { name: 'Records of the collection' });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(40);

    await page.getByLabel('Kind').selectOption({ label: 'Places' });
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/Showing \d+ of \d+ records/);
    const kinds = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['Place']));
    await page.getByRole('button', { name: 'Reset filters' }).click();

    await page.getByLabel('Name contains').fill('Vesna');
    const vesna = table.getByRole('link', { name: /Vesna/ }).first();
    const title = (await vesna.textContent()) ?? '';
    await expectOpensRecord(page, vesna, title);
    await page.getByRole('heading', { level: 2, name: 'Figures and their sources' }).waitFor();
    // Competing totals are shown side by side with the spread, never averaged.
    await page
      .getByText(/sources disagree/)
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, harness.baseUrl)).toEqual([]);
    await context.close();
  });

  it('opens a record from the timeline, the charts and the map', async () => {
    const { page, context, errors, requests } = await openObservedPage(browser);
    await page.goto(harness.baseUrl + '/#/browse');

    await openTab(page, 'Timeline');
    const timeline = page.getByRole('group', { name: 'Timeline' });
    await timeline.waitFor();
    const bar = timeline.getByRole('link').first();
    const barLabel = (await bar.getAttribute('aria-label')) ?? '';
    await expectOpensRecord(page, bar, barLabel.split(' · ')[0] ?? '');

    await page.goto(harness.baseUrl + '/#/browse/charts');
    const figure = page.getByRole('figure').first();
    await figure.waitFor();
    await figure.getByText('Source:').waitFor();
    const chartLink = figure.getByRole('link').first();
    await expectOpensRecord(page, chartLink, (await chartLink.textContent()) ?? '');

    await page.goto(harness.baseUrl + '/#/browse/map');
    const map = page.getByRole('group', { name: 'Places of exile' });
    await map.waitFor();
    expect(await map.locator('path.country').count()).toBeGreaterThan(100);
    expect(await map.locator('circle.place-point.unverified').count()).toBeGreaterThan(0);
    const point = map.getByRole('link').first();
    const pointLabel = (await point.getAttribute('aria-label')) ?? '';
    await expectOpensRecord(page, point, pointLabel.split(' · ')[0] ?? '');

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, harness.baseUrl)).toEqual([]);
    await context.close();
  });
});
