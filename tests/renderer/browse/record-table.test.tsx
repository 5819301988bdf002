import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCollection } from '@shared/collection/model';
import { RecordList } from '../../../src/renderer/src/browse/RecordList';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { record } from './fixtures';
import { installFakeLayout } from '../fake-layout';

/** The virtualiser sees a pane of about ten rows (see ../fake-layout.ts). */
const PANE_HEIGHT = 400;
const ROW_HEIGHT = 38;
let restoreLayout: () => void = () => undefined;

beforeAll(async () => {
  await initI18n('en');
  restoreLayout = installFakeLayout({
    paneClass: 'record-table-pane',
    paneHeight: PANE_HEIGHT,
    isRow: (element) => element.matches('tr[data-index]'),
    rowHeight: ROW_HEIGHT,
  });
});

afterAll(() => restoreLayout());

afterEach(cleanup);

const COUNT = 20_000;
const pad = (n: number) => String(n).padStart(5, '0');

/** A fictional collection of COUNT people, "Person 00000" … "Person 19999", dated 1941 or 1949. */
function largeCollection(): LoadedCollection {
  const records = Array.from({ length: COUNT }, (_, n) => {
    const day = n % 2 === 0 ? '1941-06-14' : '1949-03-25';
    return record({
      id: `p${pad(n)}`,
      kind: 'person',
      title: `Person ${pad(n)}`,
      date: day,
      earliest: day,
      latest: day,
    });
  });
  return {
    manifest: { id: 'large', title: 'Large test collection', synthetic: true },
    records,
    bibliography: [],
    texts: [],
    integrity: { findings: [] },
  } as unknown as LoadedCollection;
}

/** Lets queued scroll events arrive and the renders they cause finish. */
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

const table = () => screen.getByRole('table', { name: 'Records of the collection' });
const bodyRows = () => table().querySelectorAll('tbody tr[data-index]');
const focusedText = () => document.activeElement?.textContent;

describe('record list with a large collection', () => {
  it('renders only a window of rows, yet tells how many there are', async () => {
    render(<RecordList collection={largeCollection()} />);
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Showing 20,000 of 20,000 records');
    expect(table().getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    // Sorted by date: the 1941 people first, by title.
    expect(within(rows[0] as HTMLElement).getByRole('link').textContent).toBe('Person 00000');
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(within(rows[1] as HTMLElement).getByRole('link').textContent).toBe('Person 00002');
  });

  it('moves focus with the keyboard to rows not rendered yet, keeping the window small', async () => {
    render(<RecordList collection={largeCollection()} />);
    await settle();
    const first = within(table()).getAllByRole('link')[0] as HTMLElement;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await settle();
    expect(focusedText()).toBe('Person 00002');

    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    await settle();
    expect(focusedText()).toBe('Person 19999');
    expect(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')).toBe(String(COUNT + 1));
    expect(bodyRows().length).toBeLessThan(40);

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    await settle();
    expect(focusedText()).toBe('Person 19997');

    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    await settle();
    expect(focusedText()).toBe('Person 00000');
  });

  it('filters and re-sorts the whole collection, not only the rendered rows', async () => {
    render(<RecordList collection={largeCollection()} />);
    await settle();
    fireEvent.change(screen.getByLabelText('Name contains'), { target: { value: 'person 1999' } });
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Showing 10 of 20,000 records');

    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    fireEvent.click(screen.getByRole('button', { name: /Title/ }));
    fireEvent.click(screen.getByRole('button', { name: /Title/ }));
    await settle();
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('descending');
    const rows = bodyRows();
    expect(within(rows[0] as HTMLElement).getByRole('link').textContent).toBe('Person 19999');
    expect(rows.length).toBeLessThan(40);
  });
});
