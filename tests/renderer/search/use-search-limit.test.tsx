import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import type { SearchResponse } from '@shared/search/engine';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { RESULT_LIMIT, useSearch, type SearchState } from '../../../src/renderer/src/search/use-search';

/**
 * The worker is stood in for by a client whose answers the test releases one by one, so what is shown
 * while a search for more runs can be checked. Notes are left out (their query never resolves).
 */
const pending: { query: string; limit: number; resolve: () => void }[] = [];
const search = vi.fn((query: string, limit: number) => {
  return new Promise((resolve) => {
    const response = { total: 5000, hits: [{ id: `${query}:${limit}` }] } as unknown as SearchResponse;
    pending.push({ query, limit, resolve: () => resolve({ query, response, ms: 1 }) });
  });
});

vi.mock('../../../src/renderer/src/search/search-service', () => ({
  getSearchService: () => ({ ready: Promise.resolve('collections'), client: { search, setNotes: vi.fn() } }),
}));
vi.mock('../../../src/renderer/src/notes/NotesContext', () => ({
  useNotes: () => ({ repository: { live: () => new Promise(() => undefined) } }),
}));
vi.mock('../../../src/renderer/src/notes/use-live-query', () => ({
  useLiveQuery: () => ({ status: 'loading' }),
}));

afterEach(() => {
  cleanup();
  pending.length = 0;
  search.mockClear();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <ApiProvider api={{} as AtmintisApi}>{children}</ApiProvider>
);

const ready = (state: SearchState) => {
  if (state.status !== 'ready') throw new Error(`not ready: ${state.status}`);
  return state;
};

/** Waits for the search for `query` at `limit` to be sent, and answers it. */
async function answer(query: string, limit: number) {
  await waitFor(() => expect(pending.at(-1)).toMatchObject({ query, limit }));
  await act(async () => pending.at(-1)?.resolve());
}

const shownId = (state: SearchState) => ready(state).response?.hits[0]?.id;

describe('useSearch: showing more', () => {
  it('grows the limit on showMore, keeping the shown results until the larger answer arrives', async () => {
    const { result } = renderHook(({ query }) => useSearch(query), {
      wrapper,
      initialProps: { query: '1941' },
    });
    await answer('1941', RESULT_LIMIT);
    expect(shownId(result.current)).toBe('1941:50');
    expect(ready(result.current).searching).toBe(false);

    act(() => ready(result.current).showMore());
    await waitFor(() => expect(pending.at(-1)).toMatchObject({ query: '1941', limit: 100 }));
    // Meanwhile the 50 stay, marked as still searching.
    expect(shownId(result.current)).toBe('1941:50');
    expect(ready(result.current).searching).toBe(true);
    await act(async () => pending.at(-1)?.resolve());
    expect(shownId(result.current)).toBe('1941:100');
    expect(ready(result.current).searching).toBe(false);

    act(() => ready(result.current).showMore());
    await answer('1941', 200);
    expect(shownId(result.current)).toBe('1941:200');
  });

  it('starts again at RESULT_LIMIT for a new query, and for the same text typed again', async () => {
    const { result, rerender } = renderHook(({ query }) => useSearch(query), {
      wrapper,
      initialProps: { query: '1941' },
    });
    await answer('1941', RESULT_LIMIT);
    act(() => ready(result.current).showMore());
    await answer('1941', 100);

    rerender({ query: 'Osen' });
    await answer('Osen', RESULT_LIMIT);
    expect(shownId(result.current)).toBe('Osen:50');

    rerender({ query: '1941' });
    await answer('1941', RESULT_LIMIT);
    expect(shownId(result.current)).toBe('1941:50');
    // No search ever ran a new query at a raised limit.
    expect(search.mock.calls.filter(([query, limit]) => query === 'Osen' && limit !== RESULT_LIMIT)).toEqual(
      [],
    );
  });
});
