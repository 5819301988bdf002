/**
 * Issue 19, items 3, 4, 12 and 14 in a real Chromium: figures a historian can trust (one quantity per
 * range, one whole per chart, labels never clipped), dates at their own precision, views that adapt to
 * a list of people, and the first-start welcome, in English and Lithuanian.
 */
import { describe, expect, it } from 'vitest';
import { fixtureCollections, useE2e, useHarness } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();
/** A second harness serving a list of people (the fixture) beside the bundled collection. */
const people = useHarness({ collectionsDirs: () => [fixtureCollections('people')] });

/** Thousands separators differ by language (lt: a no-break space); compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('figures a historian can trust', () => {
  it('labels Operation Vesna with one count and draws charts of one whole, unclipped', async () => {
    const { page, context, errors, requests } = await e2e.visit('/browse/timeline');
    const vesna = page
      .getByRole('group', { name: 'Timeline' })
      .getByRole('link', { name: /^Operation Vesna/ });
    expect(plain(await vesna.textContent())).toContain('39,766–49,331 people');
    expect(await vesna.textContent()).not.toContain('11,000');
    // Every bar's label lies inside the drawing.
    const cut = await page.locator('svg.timeline').evaluate((svg) => {
      const width = (svg as SVGSVGElement).viewBox.baseVal.width;
      return [...svg.querySelectorAll<SVGTextElement>('.span-label')]
        .filter((text) => {
          const box = text.getBBox();
          return box.x < 0 || box.x + box.width > width;
        })
        .map((text) => text.textContent);
    });
    expect(cut).toEqual([]);

    await page.goto(e2e.url('/browse/charts'));
    await page.getByRole('figure').first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/187[.,]4/);
    // Every label lies wholly inside its chart and shows all its text.
    const clipped = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.flatMap((figure) => {
        const box = figure.getBoundingClientRect();
        return [...figure.querySelectorAll<HTMLElement>('.bar-label')]
          .filter((label) => {
            const r = label.getBoundingClientRect();
            return (
              r.left < box.left - 0.5 ||
              r.right > box.right + 0.5 ||
              label.scrollWidth > label.clientWidth + 1
            );
          })
          .map((label) => label.textContent);
      }),
    );
    expect(clipped).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });

  it('in Lithuanian: numbers and dates as Lithuanian writes them', async () => {
    const { page, context, errors } = await e2e.visit('/browse/timeline', { language: 'lt' });
    const timeline = page.getByRole('group', { name: 'Laiko juosta' });
    await timeline.waitFor();
    const labels = plain((await timeline.textContent()) ?? '');
    expect(labels).toContain('39 766–49 331 žm.');
    await page.goto(e2e.url('/browse/record/lt-deportations-1940-1953/person-dalia-grinkeviciute'));
    await page.locator('.record-dates').waitFor();
    expect(await page.locator('.record-dates').textContent()).toBe('1927–1987 m.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('views adapt to a list of people', () => {
  it('shows the columns, timeline and tabs the list has, and no empty map', async () => {
    const { page, context, errors } = await e2e.visit('/browse', { on: people.harness });
    await page.getByRole('combobox', { name: 'Collection' }).selectOption('test-people');
    const table = page.getByRole('table', { name: 'Records of the collection' });
    await table.getByRole('link', { name: 'Person A (synthetic)' }).waitFor();
    expect(
      (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/, '').trim()),
    ).toEqual(['Title', 'Date', 'Born', 'Birth place']);
    const tabs = page.getByRole('navigation', { name: 'Explore the collection' }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual(['Records', 'Timeline']);
    await tabs.filter({ hasText: 'Timeline' }).click();
    await page.getByText(/from 1921 to 1941/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('first start', () => {
  it('welcomes a new reader once, with what the bundled collection holds', async () => {
    const { page, context, errors } = await e2e.visit('/browse');
    const welcome = page.getByRole('region', { name: 'Welcome to Atmintis' });
    await welcome.waitFor();
    expect(await welcome.textContent()).toContain('Soviet deportations from Lithuania, 1940–1953');
    await welcome.getByRole('button', { name: 'Got it, do not show again' }).click();
    await page.reload();
    await page.getByRole('table', { name: 'Records of the collection' }).waitFor();
    expect(await page.getByRole('region', { name: 'Welcome to Atmintis' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
