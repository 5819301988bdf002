import { describe, expect, it } from 'vitest';
import {
  createSearchWorkerHost,
  type SearchWorkerRequest,
  type SearchWorkerResponse,
} from '@shared/search/protocol';
import { SearchClient, type WorkerPort } from '../../../src/renderer/src/search/search-client';
import { igarkaCollection } from './fixtures';

const collection = igarkaCollection();

/** A Worker stand-in running the real worker logic, with the worker's deferral under test control. */
function fakeWorker() {
  const listeners: ((event: MessageEvent<SearchWorkerResponse>) => void)[] = [];
  const deferred: (() => void)[] = [];
  const ran: string[] = [];
  const host = createSearchWorkerHost(
    (message) => {
      if (message.type === 'results') ran.push(message.query);
      // Answers arrive asynchronously, as from a real worker.
      queueMicrotask(() =>
        listeners.forEach((listener) => listener({ data: message } as MessageEvent<SearchWorkerResponse>)),
      );
    },
    (run) => deferred.push(run),
  );
  const port: WorkerPort = {
    postMessage: (message: SearchWorkerRequest) => host.receive(structuredClone(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
    terminate: () => undefined,
  };
  const flush = () => deferred.splice(0).forEach((run) => run());
  return { port, flush, ran };
}

describe('search client and worker host', () => {
  it('indexes, then answers with each hit and its document (the renderer keeps no copy)', async () => {
    const worker = fakeWorker();
    const client = new SearchClient(worker.port);
    expect(await client.index([collection])).toBe(1);
    const outcome = client.search('Игарка');
    worker.flush();
    const result = await outcome;
    expect(result?.response.hits).toEqual([
      {
        id: 'c/r/place-igarka',
        kind: 'place',
        score: expect.any(Number),
        matchKind: 'exact',
        matches: expect.any(Array),
        document: expect.objectContaining({ id: 'c/r/place-igarka', title: 'Igarka' }),
      },
    ]);
  });

  it('passes the wish for similar spellings on to the engine', async () => {
    const worker = fakeWorker();
    const client = new SearchClient(worker.port);
    // "Igarko" is a letter away from "Igarka": a similar spelling, left out unless asked for.
    const igarka = collection.records[0] as (typeof collection.records)[number];
    const igarko = { ...igarka, id: 'place-igarko', title: 'Igarko', altNames: [] };
    await client.index([{ ...collection, records: [...collection.records, igarko] }]);
    const exact = client.search('Igarka');
    worker.flush();
    const strict = (await exact)?.response;
    const withSimilar = client.search('Igarka', undefined, true);
    worker.flush();
    const all = (await withSimilar)?.response;
    expect(strict?.similar).toBe(1);
    expect(strict?.hits.map((hit) => hit.id)).toEqual(['c/r/place-igarka']);
    expect(all?.hits.map((hit) => hit.id)).toEqual(['c/r/place-igarka', 'c/r/place-igarko']);
  });

  it('runs only the newest of the searches waiting, and resolves superseded ones with null', async () => {
    const worker = fakeWorker();
    const client = new SearchClient(worker.port);
    await client.index([collection]);
    const first = client.search('Ig');
    const second = client.search('Iga');
    const third = client.search('Igarka');
    worker.flush();
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect((await third)?.query).toBe('Igarka');
    expect(worker.ran).toEqual(['Igarka']);
  });

  it('ignores a late answer to an older query', async () => {
    const worker = fakeWorker();
    const client = new SearchClient(worker.port);
    await client.index([collection]);
    const older = client.search('Igarka');
    worker.flush(); // the worker answers "Igarka"…
    const newer = client.search('Port'); // …but a newer query was sent before the answer arrived.
    expect(await older).toBeNull();
    worker.flush();
    expect((await newer)?.query).toBe('Port');
  });

  it('queues a search sent before the index is ready', async () => {
    const worker = fakeWorker();
    const client = new SearchClient(worker.port);
    const early = client.search('Igarka');
    const indexed = client.index([collection]);
    worker.flush();
    await indexed;
    worker.flush();
    expect((await early)?.response.total).toBe(1);
  });
});
