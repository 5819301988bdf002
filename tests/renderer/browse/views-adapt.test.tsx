import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compositions } from '../../../src/shared/collection/chart-model';
import { Charts } from '../../../src/renderer/src/browse/Charts';
import { hasMapPoints } from '../../../src/shared/collection/map-model';
import { RecordList } from '../../../src/renderer/src/browse/RecordList';
import { tableColumns } from '../../../src/shared/collection/table-columns';
import { Timeline } from '../../../src/renderer/src/browse/Timeline';
import { recordsPerYear, timelineRows } from '../../../src/renderer/src/browse/timeline-model';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { BUNDLED_COLLECTION, FIXTURE_COLLECTIONS, loadCollection } from './load-collection';

const bundled = loadCollection(BUNDLED_COLLECTION);
const people = loadCollection(`${FIXTURE_COLLECTIONS}/people`);
/** Intl separates thousands with a no-break space in Lithuanian; compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('figures: a range spans only one quantity (issue 19, item 3)', () => {
  it("Operation Vesna's range is its deportees, never its children (11,000)", () => {
    const vesna = timelineRows(bundled.records, (r) => r.title).find((row) => row.id === 'op-vesna');
    expect(vesna?.people).toMatchObject({
      counts: 'people deported in Operation Vesna',
      min: 39766,
      max: 49331,
    });
  });

  it('the timeline labels Vesna with one count, in both languages', async () => {
    render(<Timeline collection={bundled} />);
    const link = screen.getByRole('link', { name: /^Operation Vesna/ });
    expect(plain(link.textContent)).toContain('39,766–49,331 people');
    expect(link.textContent).not.toContain('11,000');
    expect(link.getAttribute('aria-label')).toContain('people deported in Operation Vesna');
    expect(link.getAttribute('aria-label')).toContain('May 22–23, 1948');
    cleanup();
    await i18next.changeLanguage('lt');
    render(<Timeline collection={bundled} />);
    const lt = screen.getAllByRole('link').find((a) => plain(a.textContent).includes('39 766–49 331 žm.'));
    expect(lt).toBeDefined();
    // What the figure counts is said in the interface language too.
    expect(lt?.getAttribute('aria-label')).toContain('per operaciją „Pavasaris“ ištremti žmonės');
  });

  it('a chart adds only the shares one source gives of one whole', () => {
    const charts = compositions(bundled.records);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart.total).toBeLessThanOrEqual(100.5);
    const ethnic = charts.filter((chart) => chart.record.id === 'stat-1941-ethnic-composition');
    expect(ethnic.map((chart) => [chart.source, Math.round(chart.total * 10) / 10])).toEqual([
      ['davoliute2015', 99],
      ['textbook-lietuvos-istorija', 88.4],
    ]);
    // 4.5 % of the population and 70 % of the deportees are shares of different wholes.
    expect(charts.some((chart) => chart.record.id === 'ev-soviet-deportations-lithuania')).toBe(false);
  });

  it('the charts never say the shares add up to more than the whole', () => {
    render(<Charts collection={bundled} />);
    expect(document.body.textContent).not.toMatch(/187[.,]4/);
    const figures = screen.getAllByRole('figure');
    expect(figures.length).toBe(compositions(bundled.records).length);
    // Labels are table headers that wrap, not SVG text cut off at a fixed edge.
    expect(
      within(figures[0] as HTMLElement)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toContain('Lithuanians among those deported in 1941');
  });

  it('chart labels follow the interface language', async () => {
    await i18next.changeLanguage('lt');
    render(<Charts collection={bundled} />);
    const labels = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(labels).toContain('lietuviai tarp 1941 m. ištremtųjų');
    expect(labels).not.toContain('Lithuanians among those deported in 1941');
  });
});

describe('views adapt to the collection (issue 19, item 12)', () => {
  it('a list of people: no events, figures or places, dates 1921–1941', () => {
    expect(timelineRows(people.records, (r) => r.title)).toEqual([]);
    const years = recordsPerYear(people.records);
    expect(years[0]).toEqual({ year: 1921, count: 1 });
    expect(years.at(-1)).toEqual({ year: 1941, count: 1 });
    expect(years).toHaveLength(21);
    expect(hasMapPoints(people.records)).toBe(false);
    expect(compositions(people.records)).toEqual([]);
    expect(tableColumns(people.records).map((column) => column.key)).toEqual([
      'title',
      'date',
      'born',
      'birthPlace',
    ]);
    expect(tableColumns(bundled.records).map((column) => column.key)).toEqual([
      'title',
      'kind',
      'date',
      'figures',
    ]);
    expect(hasMapPoints(bundled.records)).toBe(true);
  });

  it("the timeline of a list of people spans the list's own years", () => {
    render(<Timeline collection={people} />);
    expect(screen.getByText(/from 1921 to 1941/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Records per year' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['1921', '1938', '1941']);
  });

  it('a collection without dates says so on the timeline', () => {
    const undated = {
      ...people,
      records: people.records.map((r) => ({ ...r, earliest: null, latest: null })),
    };
    render(<Timeline collection={undated} />);
    expect(screen.getByRole('status').textContent).toMatch(/No record in this collection has a date/);
  });

  it('the Browse table of a list of people: birth date and place, no Kind or Figures column, dates at their precision', async () => {
    render(<RecordList collection={people} />);
    expect(
      screen.getAllByRole('columnheader').map((cell) => cell.textContent?.replace(/[▲▼]/, '').trim()),
    ).toEqual(['Title', 'Date', 'Born', 'Birth place']);
    const text = document.querySelector('table')?.textContent ?? '';
    expect(text).toContain('1898');
    expect(text).toContain('about 1910');
    expect(text).toContain('Northtown (synthetic)');
    expect(text).not.toContain('ок. 1910');
    expect(text).toContain('1921');
    expect(text).not.toContain('January 1, 1921');
    expect(text).toContain('about June 1941');
    expect(screen.queryByLabelText('Kind')).toBeNull();
    expect(screen.queryByLabelText('Place')).toBeNull();
    cleanup();
    await i18next.changeLanguage('lt');
    render(<RecordList collection={people} />);
    const lt = document.querySelector('table')?.textContent ?? '';
    expect(lt).toContain('1921 m.');
    expect(lt).toContain('1938 m. kovo 2 d.');
    expect(lt).toContain('apie 1910 m.');
    expect(
      screen.getAllByRole('columnheader').map((cell) => cell.textContent?.replace(/[▲▼]/, '').trim()),
    ).toEqual(['Pavadinimas', 'Data', 'Gimė', 'Gimimo vieta']);
    expect(lt).toContain('apie 1910 m.');
    expect(
      screen.getAllByRole('columnheader').map((cell) => cell.textContent?.replace(/[▲▼]/, '').trim()),
    ).toEqual(['Pavadinimas', 'Data', 'Gimė', 'Gimimo vieta']);
  });
});
