// Dexie's liveQuery only runs where a global indexedDB exists; each test has its own database.
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import type { SearchDocument } from '@shared/search/documents';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { InPhotographedFiles } from '../../../src/renderer/src/photos/InPhotographedFiles';
import { ItemLinks } from '../../../src/renderer/src/photos/ItemLinks';
import { ItemsProvider } from '../../../src/renderer/src/photos/ItemsContext';
import { ItemsRepository } from '../../../src/renderer/src/photos/items-repository';
import { freshDatabase } from '../notes/fixtures';

const person = (recordId: string, title: string) =>
  ({ id: `c/r/${recordId}`, collectionId: 'c', targetId: recordId, kind: 'person', title }) as SearchDocument;
const people = [person('p1', 'Ona Petraitienė'), person('p2', 'Onutė Petraitytė')];

// The collections' search worker stood in for: every query answers these two people.
const search = vi.fn(async (query: string) => ({
  query,
  response: { hits: people.map((document) => ({ id: document.id, document })) },
}));
vi.mock('../../../src/renderer/src/search/search-service', () => ({
  getSearchService: () => ({ ready: Promise.resolve('collections'), client: { search } }),
}));

const ref = (n: number) => ({ sha256: n.toString(16).padStart(64, '0'), page: 0 });

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

async function setup() {
  const { db } = freshDatabase();
  const items = new ItemsRepository(db);
  const [item] = await items.create([{ title: 'delo 12345', photos: [ref(1), ref(2)] }]);
  if (!item) throw new Error('no item');
  const stored = await items.update(item.id, { metadata: { sheets: '12–13' } });
  const wrap = (node: React.ReactNode) => (
    <ApiProvider api={{} as AtmintisApi}>
      <ItemsProvider repository={items}>{node}</ItemsProvider>
    </ApiProvider>
  );
  return { db, item: stored, wrap };
}

describe('linking items to people', () => {
  it('links a person by keyboard to the item and to one sheet; the record page lists both', async () => {
    const { db, item, wrap } = await setup();
    render(wrap(<ItemLinks item={item} />));
    expect(await screen.findByText(/No people linked yet/)).toBeTruthy();

    const picker = screen.getByRole('combobox', { name: 'Link to a person' });
    fireEvent.change(picker, { target: { value: 'Ona Petr' } });
    await screen.findByRole('option', { name: 'Ona Petraitienė' });
    expect(search).toHaveBeenLastCalledWith('kind:person Ona Petr', 8);
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    expect(screen.getByRole('option', { name: 'Onutė Petraitytė' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    fireEvent.keyDown(picker, { key: 'ArrowUp' });
    fireEvent.keyDown(picker, { key: 'Enter' });
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Linked Ona Petraitienė (the whole item).',
    );

    fireEvent.change(screen.getByRole('combobox', { name: 'Link on' }), {
      target: { value: `${ref(2).sha256}:0` },
    });
    fireEvent.change(picker, { target: { value: 'Ona' } });
    await screen.findByRole('option', { name: 'Ona Petraitienė' });
    fireEvent.keyDown(picker, { key: 'Enter' });
    const list = await screen.findByRole('list', { name: 'Linked people' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(list.textContent).toContain('(photo 2, sheet 13)');
    expect(within(list).getAllByRole('link', { name: 'Ona Petraitienė' })[0]?.getAttribute('href')).toBe(
      '#/browse/record/c/p1',
    );
    cleanup();

    render(wrap(<InPhotographedFiles collectionId="c" recordId="p1" />));
    const files = await screen.findByRole('region', { name: 'In photographed files' });
    const entries = within(files).getAllByRole('link');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'delo 12345 (the whole item)',
      'delo 12345 (photo 2, sheet 13)',
    ]);
    expect(entries[0]?.getAttribute('href')).toBe(`#/items/${item.id}`);
    expect(entries[1]?.getAttribute('href')).toBe(`#/items/${item.id}/photos/${ref(2).sha256}`);
    expect(files.querySelector('img')?.getAttribute('src')).toBe(`/photos/${ref(1).sha256}/thumb`);

    // An item gone from the database (a restore of links without it): its links stay, marked.
    await act(() => db.items.delete(item.id));
    await waitFor(() => expect(files.textContent).toContain(`Item missing (“${item.id}”)`));
    expect(await db.itemLinks.count()).toBe(2);
  });

  it('removes one link by its named button', async () => {
    const { item, wrap } = await setup();
    render(wrap(<ItemLinks item={item} />));
    const picker = await screen.findByRole('combobox', { name: 'Link to a person' });
    fireEvent.change(picker, { target: { value: 'Ona' } });
    await screen.findByRole('option', { name: 'Ona Petraitienė' });
    fireEvent.keyDown(picker, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the link to Ona Petraitienė' }));
    expect(await screen.findByText(/No people linked yet/)).toBeTruthy();
  });
});
