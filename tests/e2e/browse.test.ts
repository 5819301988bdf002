import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureCollections, useE2e, useHarness } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();

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
    const { page, context, errors, requests } = await e2e.visit('/browse');
    const table = page.getByRole('table', { name: 'Records of the collection' });
    await table.waitFor();
    // The list is virtualised: it names how many records there are, and renders those in view.
    await expect.poll(() => table.getAttribute('aria-rowcount')).toMatch(/^\d+$/);
    const total = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(40);
    expect(await page.getByRole('status').first().textContent()).toBe(`Showing ${total} of ${total} records`);
    expect(await table.getByRole('row').count()).toBeGreaterThan(5);

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
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('opens a record from the timeline, the charts and the map', async () => {
    const { page, context, errors, requests } = await e2e.visit('/browse');

    await openTab(page, 'Timeline');
    const timeline = page.getByRole('group', { name: 'Timeline' });
    await timeline.waitFor();
    const bar = timeline.getByRole('link').first();
    const barLabel = (await bar.getAttribute('aria-label')) ?? '';
    await expectOpensRecord(page, bar, barLabel.split(' · ')[0] ?? '');

    await page.goto(e2e.url('/browse/charts'));
    const figure = page.getByRole('figure').first();
    await figure.waitFor();
    await figure.getByText('Source:').waitFor();
    const chartLink = figure.getByRole('link').first();
    await expectOpensRecord(page, chartLink, (await chartLink.textContent()) ?? '');

    await page.goto(e2e.url('/browse/map'));
    const map = page.getByRole('group', { name: 'Map of places' });
    await map.waitFor();
    expect(await map.locator('path.country').count()).toBeGreaterThan(100);
    expect(await map.locator('circle.place-point.unverified').count()).toBeGreaterThan(0);
    const point = map.getByRole('link').first();
    const pointLabel = (await point.getAttribute('aria-label')) ?? '';
    await expectOpensRecord(page, point, pointLabel.split(' · ')[0] ?? '');

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Ids of serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> };
    };
    const { violations } = await axe.run(document);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

describe('choosing a collection to explore when several are installed', () => {
  // The minimal test collection beside the bundled one (served first, so it is the default).
  const twoCollections = useHarness({ collectionsDirs: () => [fixtureCollections('minimal')] });

  it('switches every explore tab to the chosen collection and remembers it', async () => {
    const { page, context, errors, requests } = await e2e.visit('/browse', { on: twoCollections.harness });
    const chooser = page.getByRole('combobox', { name: 'Collection' });
    await chooser.waitFor();
    const options = await chooser.locator('option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options[0]).toMatch(
      /^Minimal test collection \(synthetic\) \(\d+ records\), synthetic test data$/,
    );
    await page
      .getByRole('link', { name: /Operation Alpha/ })
      .first()
      .waitFor();

    await chooser.selectOption('lt-deportations-1940-1953');
    const table = page.getByRole('table', { name: 'Records of the collection' });
    await page.getByLabel('Name contains').fill('Vesna');
    await table.getByRole('link', { name: /Vesna/ }).first().waitFor();
    expect(await table.getByRole('link', { name: /Operation Alpha/ }).count()).toBe(0);
    // The chooser, and the virtualised table scrolled so spacer rows stand above and below the rows shown.
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.locator('.record-table-pane').evaluate((pane) => (pane.scrollTop = pane.scrollHeight / 2));
    await expect.poll(() => page.locator('tr.record-spacer').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await openTab(page, 'Map');
    await page.getByRole('group', { name: 'Map of places' }).waitFor();
    expect(await chooser.inputValue()).toBe('lt-deportations-1940-1953');
    // A restart (here, a reload) keeps the choice.
    await page.reload();
    await page.getByRole('group', { name: 'Map of places' }).waitFor();
    expect(await chooser.inputValue()).toBe('lt-deportations-1940-1953');
    const point = page.getByRole('group', { name: 'Map of places' }).getByRole('link').first();
    await expectOpensRecord(
      page,
      point,
      ((await point.getAttribute('aria-label')) ?? '').split(' · ')[0] ?? '',
    );

    expect(errors).toEqual([]);
    expect(foreignRequests(requests, twoCollections.harness.baseUrl)).toEqual([]);
    await context.close();
  });
});
