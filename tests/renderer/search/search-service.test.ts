import { describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { base64ToBytes } from '@shared/base64';
import { createSearchWorkerHost, type SearchWorkerResponse } from '@shared/search/protocol';
import { getSearchService, setSearchWorkerFactory } from '../../../src/renderer/src/search/search-service';
import type { WorkerPort } from '../../../src/renderer/src/search/search-client';
import { COLLECTIONS_CHANGED_EVENT } from '../../../src/renderer/src/import/useImportedCollections';
import { igarkaCollection } from './fixtures';

/**
 * An API serving one small collection and keeping a saved search index in memory, counting calls.
 * `revision` is what collections.list reports; `damaged` makes the stored index unreadable.
 */
interface Store {
  key: string | null;
  content: string | null;
  damaged: boolean;
}

function fakeApi(options: { revision?: string } = {}) {
  const calls: string[] = [];
  const store: Store = { key: null, content: null, damaged: false };
  const collection = igarkaCollection('test');
  const api = {
    call: async (channel: string, request: Record<string, string>) => {
      calls.push(channel);
      switch (channel) {
        case 'collections.list':
          return {
            ok: true,
            value: [{ id: collection.manifest.id, revision: options.revision ?? 'r1' }],
          };
        case 'collections.get':
          return { ok: true, value: collection };
        case 'searchIndex.save':
          store.key = request.key ?? null;
          store.content = request.contentBase64 ?? null;
          store.damaged = false;
          return { ok: true, value: { bytes: 1 } };
        default:
          throw new Error(`unexpected channel ${channel}`);
      }
    },
    onOpenView: () => () => undefined,
  } as unknown as AtmintisApi;
  return { api, calls, store };
}

/** The worker's logic in-process; the saved index URL is answered from the fake store. */
function inProcessWorker(store: Store): WorkerPort {
  const listeners: ((event: MessageEvent<SearchWorkerResponse>) => void)[] = [];
  const host = createSearchWorkerHost(
    (message) =>
      queueMicrotask(() =>
        listeners.forEach((listener) => listener({ data: message } as MessageEvent<SearchWorkerResponse>)),
      ),
    (run) => setTimeout(run, 0),
    () => performance.now(),
    {
      fetchBytes: async (url) => {
        const key = new URL(url, 'http://localhost').searchParams.get('key');
        if (store.content === null || store.key !== key) return null;
        return store.damaged ? new TextEncoder().encode('not an index') : base64ToBytes(store.content);
      },
      later: (run) => setTimeout(run, 0),
      quietMs: 0,
    },
  );
  return {
    postMessage: (message) => host.receive(structuredClone(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
    terminate: () => undefined,
  };
}

const saved = (store: { content: string | null }) => vi.waitFor(() => expect(store.content).not.toBeNull());

describe('search service', () => {
  it('keeps one index per window, and indexes anew after collections are imported or removed', async () => {
    const { api, calls, store } = fakeApi();
    setSearchWorkerFactory(() => inProcessWorker(store));
    const first = getSearchService(api);
    await first.ready;
    expect(getSearchService(api)).toBe(first);
    expect(calls.filter((c) => c === 'collections.list')).toHaveLength(1);

    window.dispatchEvent(new Event(COLLECTIONS_CHANGED_EVENT));
    const second = getSearchService(api);
    expect(second).not.toBe(first);
    await second.ready;
    expect(calls.filter((c) => c === 'collections.list')).toHaveLength(2);
  });

  it('saves the index it built, and opens it at the next start without fetching collections', async () => {
    const { api, calls, store } = fakeApi();
    setSearchWorkerFactory(() => inProcessWorker(store));
    expect(await getSearchService(api).ready).toBe('collections');
    await saved(store);
    const answer = await getSearchService(api).client.search('Igarka');
    expect(answer?.response.total).toBeGreaterThan(0);

    // A new window (the next start): same collections, same revision.
    const next = { ...api } as AtmintisApi;
    calls.length = 0;
    expect(await getSearchService(next).ready).toBe('saved index');
    expect(calls).not.toContain('collections.get');
    expect((await getSearchService(next).client.search('Igarka'))?.response).toEqual(answer?.response);
  });

  it('indexes again when a collection changed since the index was saved', async () => {
    const before = fakeApi({ revision: 'r1' });
    setSearchWorkerFactory(() => inProcessWorker(before.store));
    await getSearchService(before.api).ready;
    await saved(before.store);
    const after = fakeApi({ revision: 'r2' });
    Object.assign(after.store, before.store);
    setSearchWorkerFactory(() => inProcessWorker(after.store));
    expect(await getSearchService(after.api).ready).toBe('collections');
    expect(after.calls).toContain('collections.get');
  });

  it('indexes again, and replaces the saved index, when the saved one is damaged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = fakeApi();
    setSearchWorkerFactory(() => inProcessWorker(first.store));
    await getSearchService(first.api).ready;
    await saved(first.store);
    const second = fakeApi();
    Object.assign(second.store, first.store, { damaged: true });
    setSearchWorkerFactory(() => inProcessWorker(second.store));
    expect(await getSearchService(second.api).ready).toBe('collections');
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/saved search index could not be opened/),
      expect.anything(),
    );
    expect((await getSearchService(second.api).client.search('Igarka'))?.response.total).toBeGreaterThan(0);
    // The damaged index is replaced by a good one.
    await vi.waitFor(() => expect(second.store.damaged).toBe(false));
    warn.mockRestore();
  });
});
