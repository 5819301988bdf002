import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCollection } from '@shared/collection/model';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { PagedRecordList } from '../../../src/renderer/src/browse/PagedRecordList';
import { useBrowseListing } from '../../../src/renderer/src/browse/use-browse-listing';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { installFakeLayout } from '../fake-layout';
import { withRecordChannels } from '../record-channels';
import { record } from './fixtures';

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

/** An API over the collection that records every request, as main's record channels would answer. */
function fakeApi() {
  const collection = largeCollection();
  const requests: { channel: string; request: { offset?: number; limit?: number } }[] = [];
  const base = (async (channel: string) => {
    if (channel === 'collections.list')
      return { ok: true, value: [{ id: 'large', recordCount: COUNT, revision: 'r1' }] };
    if (channel === 'collections.get') return { ok: true, value: collection };
    return { ok: false, error: { code: 'x', message: `unexpected ${channel}` } };
  }) as unknown as Invoke;
  const answering = withRecordChannels(base);
  const invoke = ((channel: string, request: { offset?: number; limit?: number }) => {
    requests.push({ channel, request });
    return answering(channel as never, request as never);
  }) as unknown as Invoke;
  return { api: createApi(invoke), requests };
}

function List() {
  const listing = useBrowseListing('large');
  return <PagedRecordList collectionId="large" listing={listing} emptyMessage="none" />;
}

/** Lets answers arrive and the renders they cause finish (a few rounds: page after page). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
};

const table = () => screen.getByRole('table', { name: 'Records of the collection' });
const bodyRows = () => table().querySelectorAll('tbody tr[data-index]');
const focusedText = () => document.activeElement?.textContent;
const pageOffsets = (requests: ReturnType<typeof fakeApi>['requests']) =>
  requests.filter((r) => r.channel === 'collections.page').map((r) => r.request.offset);

describe('the Browse table page by page (collections.page)', () => {
  it('asks for the first page only, yet tells how many rows there are', async () => {
    const { api, requests } = fakeApi();
    render(
      <ApiProvider api={api}>
        <List />
      </ApiProvider>,
    );
    await screen.findByRole('table', { name: 'Records of the collection' });
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Showing 20,000 of 20,000 records');
    expect(table().getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(within(bodyRows()[0] as HTMLElement).getByRole('link').textContent).toBe('Person 00000');
    expect(requests.some((r) => r.channel === 'collections.get')).toBe(false);
    expect(pageOffsets(requests)).toEqual([0]);

    // Scrolled to the middle: the pages in view are asked for, and their rows shown.
    const pane = document.querySelector('.record-table-pane') as HTMLElement;
    pane.scrollTop = 10_000 * ROW_HEIGHT;
    fireEvent.scroll(pane);
    await settle();
    expect(pageOffsets(requests)).toEqual([0, 9_900, 10_000]);
    const shown = [...bodyRows()].map((row) => row.textContent ?? '');
    expect(shown.some((text) => text.startsWith('Person 19'))).toBe(true);
  });

  it('moves focus with End to the last row, fetching only its page', async () => {
    const { api, requests } = fakeApi();
    render(
      <ApiProvider api={api}>
        <List />
      </ApiProvider>,
    );
    await screen.findByRole('table', { name: 'Records of the collection' });
    await settle();
    const first = within(table()).getAllByRole('link')[0] as HTMLElement;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    await settle();
    expect(focusedText()).toBe('Person 19999');
    expect(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')).toBe(String(COUNT + 1));
    expect(bodyRows().length).toBeLessThan(40);
    // The first page and the page of the last rows; nothing between.
    expect(pageOffsets(requests)).toEqual([0, 19_900]);

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    await settle();
    expect(focusedText()).toBe('Person 19997');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    await settle();
    expect(focusedText()).toBe('Person 00000');
  });

  it('filters and sorts in main: the count is said only once the new rows are in', async () => {
    const { api } = fakeApi();
    render(
      <ApiProvider api={api}>
        <List />
      </ApiProvider>,
    );
    await screen.findByRole('table', { name: 'Records of the collection' });
    await settle();
    fireEvent.change(screen.getByLabelText('Name contains'), { target: { value: 'person 1999' } });
    // Asked, not answered yet: no count of rows that are not the ones shown.
    expect(screen.getByRole('status').textContent).toBe('');
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Showing 10 of 20,000 records');
    expect(bodyRows()).toHaveLength(10);

    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    fireEvent.click(screen.getByRole('button', { name: /Title/ }));
    fireEvent.click(screen.getByRole('button', { name: /Title/ }));
    await settle();
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('descending');
    expect(within(bodyRows()[0] as HTMLElement).getByRole('link').textContent).toBe('Person 19999');
  });
});
