import { describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { createSearchWorkerHost, type SearchWorkerResponse } from '@shared/search/protocol';
import { getSearchService } from '../../../src/renderer/src/search/search-service';
import type { WorkerPort } from '../../../src/renderer/src/search/search-client';
import { collectionsChanged } from '../../../src/renderer/src/api/collections-changed';
import { igarkaCollection } from './fixtures';

/**
 * An API serving one small collection and keeping a saved search index in memory, counting calls.
 * `revision` is what collections.list reports; `damaged` makes the stored index unreadable.
 */
interface Store {
  key: string | null;
  content: Uint8Array | null;
  damaged: boolean;
}

function fakeApi(options: { revision?: string } = {}) {
  const calls: string[] = [];
  const store: Store = { key: null, content: null, damaged: false };
  const collection = igarkaCollection('test');
  const api = {
    call: async (channel: string) => {
      calls.push(channel);
      switch (channel) {
        case 'collections.list':
          return {
            ok: true,
            value: [{ id: collection.manifest.id, revision: options.revision ?? 'r1' }],
          };
        case 'collections.get':
          return { ok: true, value: collection };
        default:
          throw new Error(`unexpected channel ${channel}`);
      }
    },
    onOpenView: () => () => undefined,
  } as unknown as AtmintisApi;
  return { api, calls, store };
}

/** The worker's logic in-process; the saved index URL is answered (GET) and written (PUT) by the fake
 *  store, as main does. */
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
        return store.damaged ? new TextEncoder().encode('not an index') : store.content;
      },
      putBytes: async (url, bytes) => {
        store.key = new URL(url, 'http://localhost').searchParams.get('key');
        store.content = bytes.slice();
        store.damaged = false;
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

const saved = (store: { content: Uint8Array | null }) =>
  vi.waitFor(() => expect(store.content).not.toBeNull());

/** The worker the next new service starts with (the app's default needs a real Worker). */
let nextWorker: () => WorkerPort = () => {
  throw new Error('no worker chosen');
};
const startWith = (factory: () => WorkerPort) => {
  nextWorker = factory;
};
const service = (api: AtmintisApi) => getSearchService(api, () => nextWorker());

describe('search service', () => {
  it('keeps one index per window, and indexes anew after collections are imported or removed', async () => {
    const { api, calls, store } = fakeApi();
    startWith(() => inProcessWorker(store));
    const first = service(api);
    await first.ready;
    expect(service(api)).toBe(first);
    expect(calls.filter((c) => c === 'collections.list')).toHaveLength(1);

    collectionsChanged(api);
    const second = service(api);
    expect(second).not.toBe(first);
    await second.ready;
    expect(calls.filter((c) => c === 'collections.list')).toHaveLength(2);
  });

  it('saves the index it built, and opens it at the next start without fetching collections', async () => {
    const { api, calls, store } = fakeApi();
    startWith(() => inProcessWorker(store));
    expect(await service(api).ready).toBe('collections');
    await saved(store);
    const answer = await service(api).client.search('Igarka');
    expect(answer?.response.total).toBeGreaterThan(0);

    // A new window (the next start): same collections, same revision.
    const next = { ...api } as AtmintisApi;
    calls.length = 0;
    expect(await service(next).ready).toBe('saved index');
    expect(calls).not.toContain('collections.get');
    expect((await service(next).client.search('Igarka'))?.response).toEqual(answer?.response);
  });

  it('indexes again when a collection changed since the index was saved', async () => {
    const before = fakeApi({ revision: 'r1' });
    startWith(() => inProcessWorker(before.store));
    await service(before.api).ready;
    await saved(before.store);
    const after = fakeApi({ revision: 'r2' });
    Object.assign(after.store, before.store);
    startWith(() => inProcessWorker(after.store));
    expect(await service(after.api).ready).toBe('collections');
    expect(after.calls).toContain('collections.get');
  });

  it('indexes again, and replaces the saved index, when the saved one is damaged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = fakeApi();
    startWith(() => inProcessWorker(first.store));
    await service(first.api).ready;
    await saved(first.store);
    const second = fakeApi();
    Object.assign(second.store, first.store, { damaged: true });
    startWith(() => inProcessWorker(second.store));
    expect(await service(second.api).ready).toBe('collections');
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/saved search index could not be opened/),
      expect.anything(),
    );
    expect((await service(second.api).client.search('Igarka'))?.response.total).toBeGreaterThan(0);
    // The damaged index is replaced by a good one.
    await vi.waitFor(() => expect(second.store.damaged).toBe(false));
    warn.mockRestore();
  });
});
