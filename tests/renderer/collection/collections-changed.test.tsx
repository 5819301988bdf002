import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { collectionsChanged } from '../../../src/renderer/src/api/collections-changed';
import { fetchCollection } from '../../../src/renderer/src/collection/use-collection';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { useCollections } from '../../../src/renderer/src/notes/use-collections';
import { useCollectionTitles } from '../../../src/renderer/src/search/use-collection-titles';
import { igarkaCollection } from '../search/fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

/** An API whose installed collections the test changes, as an import or a removal would. */
function fakeApi() {
  const installed = new Map([['first', igarkaCollection('first')]]);
  const calls: string[] = [];
  const api = {
    call: async (channel: string, request: { collectionId?: string }) => {
      calls.push(channel);
      if (channel === 'collections.list')
        return {
          ok: true,
          value: [...installed.values()].map(({ manifest }) => ({ ...manifest, revision: 'r1' })),
        };
      const found = installed.get(request.collectionId ?? '');
      return found
        ? { ok: true, value: found }
        : { ok: false, error: { code: 'not-found', message: 'no such collection' } };
    },
    onOpenView: () => () => undefined,
  } as unknown as AtmintisApi;
  return { api, installed, calls };
}

const wrapperFor =
  (api: AtmintisApi) =>
  ({ children }: { children: ReactNode }) => <ApiProvider api={api}>{children}</ApiProvider>;

describe('collectionsChanged', () => {
  it('drops the cached collections, so the next fetch asks the main process again', async () => {
    const { api, calls } = fakeApi();
    const first = await fetchCollection(api, 'first');
    expect(await fetchCollection(api, 'first')).toBe(first);
    expect(calls.filter((c) => c === 'collections.get')).toHaveLength(1);
    collectionsChanged(api);
    await fetchCollection(api, 'first');
    expect(calls.filter((c) => c === 'collections.get')).toHaveLength(2);
  });

  it('makes the views that list collections list them again (an import adds one)', async () => {
    const { api, installed } = fakeApi();
    const wrapper = wrapperFor(api);
    const collections = renderHook(() => useCollections(), { wrapper });
    const titles = renderHook(() => useCollectionTitles(), { wrapper });
    await waitFor(() => expect([...collections.result.current.keys()]).toEqual(['first']));
    // The facet also names the photos pseudo-collection (use-collection-titles.ts), always first.
    await waitFor(() => expect([...titles.result.current.keys()]).toEqual(['user-photos', 'first']));

    installed.set('second', igarkaCollection('second'));
    act(() => collectionsChanged(api));
    await waitFor(() => expect([...collections.result.current.keys()]).toEqual(['first', 'second']));
    await waitFor(() =>
      expect([...titles.result.current.keys()]).toEqual(['user-photos', 'first', 'second']),
    );
  });
});
