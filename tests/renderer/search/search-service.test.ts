import { describe, expect, it } from 'vitest';
import type { AtmintisApi } from '../../../src/shared/ipc/api';
import { createSearchWorkerHost, type SearchWorkerResponse } from '../../../src/shared/search/protocol';
import { getSearchService, setSearchWorkerFactory } from '../../../src/renderer/src/search/search-service';
import type { WorkerPort } from '../../../src/renderer/src/search/search-client';
import { COLLECTIONS_CHANGED_EVENT } from '../../../src/renderer/src/import/useImportedCollections';

/** An API serving no collections, counting how often the list is asked for. */
function countingApi() {
  const calls: string[] = [];
  const api = {
    call: async (channel: string) => {
      calls.push(channel);
      return { ok: true, value: [] };
    },
    onOpenView: () => () => undefined,
  } as unknown as AtmintisApi;
  return { api, calls };
}

function inProcessWorker(): WorkerPort {
  const listeners: ((event: MessageEvent<SearchWorkerResponse>) => void)[] = [];
  const host = createSearchWorkerHost((message) =>
    queueMicrotask(() =>
      listeners.forEach((listener) => listener({ data: message } as MessageEvent<SearchWorkerResponse>)),
    ),
  );
  return {
    postMessage: (message) => host.receive(structuredClone(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
    terminate: () => undefined,
  };
}

describe('search service', () => {
  it('keeps one index per window, and indexes anew after collections are imported or removed', async () => {
    setSearchWorkerFactory(inProcessWorker);
    const { api, calls } = countingApi();
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
});
