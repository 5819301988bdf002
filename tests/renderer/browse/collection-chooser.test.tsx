import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { App } from '../../../src/renderer/src/App';
import { CHOSEN_COLLECTION_KEY } from '../../../src/renderer/src/collection/use-chosen-collection';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { record } from './fixtures';
import { withRecordChannels } from '../record-channels';

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  localStorage.clear();
  window.location.hash = '#/browse';
});
afterEach(cleanup);

/** Fictional test collections: `<id>` holds one event titled "<Title> operation". */
const summary = (id: string, title: string, recordCount: number, synthetic = false): CollectionSummary => ({
  id,
  title,
  description: 'Test collection.',
  version: '1.0.0',
  languages: ['en'],
  recordCount,
  synthetic,
  revision: `rev-${id}`,
});

function fakeApi(summaries: CollectionSummary[]) {
  const fetched: string[] = [];
  const invoke = vi.fn(async (channel: string, request: { collectionId?: string }) => {
    if (channel === 'collections.list') return { ok: true, value: summaries };
    if (channel === 'collections.get') {
      const found = summaries.find((s) => s.id === request.collectionId);
      if (!found) return { ok: false, error: { code: 'not-found', message: 'no such collection' } };
      fetched.push(found.id);
      return {
        ok: true,
        value: {
          manifest: { id: found.id, title: found.title, synthetic: found.synthetic },
          records: [
            record({
              id: `${found.id}-op`,
              kind: 'event',
              title: `${found.title} operation`,
              date: '1948-05-22',
              earliest: '1948-05-22',
              latest: '1948-05-22',
            }),
          ],
          bibliography: [],
          texts: [],
          integrity: { findings: [] },
        },
      };
    }
    return { ok: false, error: { code: 'x', message: 'unexpected' } };
  }) as unknown as Invoke;
  return { api: createApi(withRecordChannels(invoke)), fetched };
}

const THREE = [
  summary('alpha', 'Alpha', 1),
  summary('beta', 'Beta', 200_000, true),
  summary('gamma', 'Gamma', 3),
];

/** The Browse view, lazily loaded: allow for its import in a cold test run. */
const browseReady = () => screen.findByRole('heading', { level: 1, name: 'Browse' }, { timeout: 10_000 });
const chooser = () => screen.queryByRole('combobox', { name: 'Collection' }) as HTMLSelectElement | null;

describe('collection chooser in Browse', () => {
  it('is not shown when only one collection is installed', async () => {
    const { api } = fakeApi([summary('alpha', 'Alpha', 1)]);
    render(<App api={api} />);
    await browseReady();
    await screen.findByRole('link', { name: 'Alpha operation' });
    expect(chooser()).toBeNull();
  });

  it('lists every collection with its size and synthetic mark, and switches the list', async () => {
    const { api, fetched } = fakeApi(THREE);
    render(<App api={api} />);
    await browseReady();
    await screen.findByRole('link', { name: 'Alpha operation' });
    const select = chooser();
    expect(select?.value).toBe('alpha');
    expect(
      within(select as HTMLElement)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Alpha (1 record)', 'Beta (200,000 records), synthetic test data', 'Gamma (3 records)']);

    fireEvent.change(select as HTMLSelectElement, { target: { value: 'beta' } });
    expect(await screen.findByRole('link', { name: 'Beta operation' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Alpha operation' })).toBeNull();
    expect(localStorage.getItem(CHOSEN_COLLECTION_KEY)).toBe('beta');

    // The choice holds on the other tabs.
    fireEvent.click(screen.getByRole('link', { name: 'Timeline' }));
    const timeline = await screen.findByRole('group', { name: 'Timeline' });
    expect(within(timeline).getByRole('link').getAttribute('aria-label')).toBe(
      'Beta operation · May 22, 1948',
    );
    expect(chooser()?.value).toBe('beta');
    // Only the collections shown were fetched, not every installed one.
    expect([...new Set(fetched)].sort()).toEqual(['alpha', 'beta']);
  });

  it('remembers the choice across a restart', async () => {
    const first = fakeApi(THREE);
    const { unmount } = render(<App api={first.api} />);
    await browseReady();
    await screen.findByRole('link', { name: 'Alpha operation' });
    fireEvent.change(chooser() as HTMLSelectElement, { target: { value: 'gamma' } });
    await screen.findByRole('link', { name: 'Gamma operation' });
    unmount();

    const second = fakeApi(THREE);
    render(<App api={second.api} />);
    await browseReady();
    expect(await screen.findByRole('link', { name: 'Gamma operation' })).toBeTruthy();
    expect(chooser()?.value).toBe('gamma');
    expect(second.fetched).toEqual(['gamma']);
  });

  it('falls back to the first collection when the remembered one was removed', async () => {
    localStorage.setItem(CHOSEN_COLLECTION_KEY, 'removed-since');
    const { api } = fakeApi(THREE);
    render(<App api={api} />);
    await browseReady();
    expect(await screen.findByRole('link', { name: 'Alpha operation' })).toBeTruthy();
    expect(chooser()?.value).toBe('alpha');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps record deep links to any collection working', async () => {
    window.location.hash = '#/browse/record/gamma/gamma-op';
    const { api } = fakeApi(THREE);
    render(<App api={api} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Gamma operation' }, { timeout: 10_000 }),
    ).toBeTruthy();
  });
});
