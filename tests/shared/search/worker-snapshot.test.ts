/**
 * The worker saves its index only when searches have been quiet (a snapshot of 200,000 documents
 * takes seconds and must not hold up the first searches), and opens a saved index from its URL.
 */
import { describe, expect, it, vi } from 'vitest';
import { INDEX_BYTES_HEADER, INDEX_SHA256_HEADER } from '@shared/search/index-url';
import {
  NO_SAVED_INDEX,
  browserWorkerIo,
  createSearchWorkerHost,
  type SearchWorkerResponse,
} from '@shared/search/protocol';
import { smallCollection } from './fixtures';

function host(saved: Map<string, Uint8Array> = new Map()) {
  const posted: SearchWorkerResponse[] = [];
  const timers: { at: number; run: () => void }[] = [];
  let clock = 0;
  const worker = createSearchWorkerHost(
    (message) => posted.push(message),
    (run) => run(),
    () => clock,
    {
      fetchBytes: async (url) => saved.get(url) ?? null,
      putBytes: async (url, bytes) => {
        saved.set(url, bytes.slice());
      },
      later: (run, ms) => timers.push({ at: clock + ms, run }),
      quietMs: 1000,
    },
  );
  /** Moves the clock on, running the timers that come due. */
  const advance = (ms: number) => {
    clock += ms;
    for (const timer of timers.splice(0)) {
      if (timer.at <= clock) timer.run();
      else timers.push(timer);
    }
  };
  return { worker, posted, advance, saved };
}

describe('search worker: saving and opening the index', () => {
  it('makes the snapshot only after searches have been quiet for quietMs', async () => {
    const { worker, posted, advance } = host();
    worker.receive({ type: 'index', collections: [smallCollection()] });
    worker.receive({ type: 'snapshot', url: '/search-index.bin?key=k' });
    advance(500);
    worker.receive({ type: 'search', seq: 1, query: 'Igarka' });
    advance(600); // 1,100 ms after the request, but only 600 after the search
    expect(posted.some((message) => message.type === 'snapshot')).toBe(false);
    advance(500);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the upload
    const snapshot = posted.find((message) => message.type === 'snapshot');
    expect(snapshot).toBeDefined();
    expect(posted.findIndex((message) => message.type === 'results')).toBeLessThan(
      posted.indexOf(snapshot as SearchWorkerResponse),
    );
  });

  it('saves the snapshot it made at its URL as raw bytes, opens it from there, and says so when none is saved', async () => {
    const first = host();
    first.worker.receive({ type: 'index', collections: [smallCollection()] });
    first.worker.receive({ type: 'snapshot', url: '/search-index.bin?key=k' });
    first.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const made = first.posted.find((message) => message.type === 'snapshot');
    if (made?.type !== 'snapshot') throw new Error('no snapshot');
    expect(made.bytes).toBe(first.saved.get('/search-index.bin?key=k')?.byteLength);
    expect(made.bytes).toBeGreaterThan(0);

    const second = host(first.saved);
    second.worker.receive({ type: 'load', url: '/search-index.bin?key=other' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(second.posted.at(-1)).toMatchObject({ type: 'failed', stage: 'load', message: NO_SAVED_INDEX });
    second.worker.receive({ type: 'load', url: '/search-index.bin?key=k' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(second.posted.at(-1)).toMatchObject({ type: 'indexed', from: 'snapshot' });
    first.worker.receive({ type: 'search', seq: 1, query: 'Igarka' });
    second.worker.receive({ type: 'search', seq: 1, query: 'Igarka' });
    const answer = (posted: SearchWorkerResponse[]) => {
      const last = posted.at(-1);
      return last?.type === 'results' ? last.response : null;
    };
    expect(answer(second.posted)?.total).toBeGreaterThan(0);
    expect(answer(second.posted)).toEqual(answer(first.posted));
  });
});

describe('search worker: the upload', () => {
  it('reports a refused upload as a failed snapshot, with the reason main gave', async () => {
    const posted: SearchWorkerResponse[] = [];
    const worker = createSearchWorkerHost(
      (message) => posted.push(message),
      (run) => run(),
      () => 0,
      {
        fetchBytes: async () => null,
        putBytes: async () => {
          throw new Error('The search index snapshot needs 1.20 GiB but the disk has only 0.50 GiB free');
        },
        later: (run) => run(),
        quietMs: 0,
      },
    );
    worker.receive({ type: 'index', collections: [smallCollection()] });
    worker.receive({ type: 'snapshot', url: '/search-index.bin?key=k' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted.at(-1)).toEqual({
      type: 'failed',
      seq: null,
      stage: 'snapshot',
      message: 'The search index snapshot needs 1.20 GiB but the disk has only 0.50 GiB free',
    });
  });

  it("PUTs the raw bytes as a Blob, declaring their length and sha256, and rejects with the server's reason", async () => {
    const bytes = new TextEncoder().encode('abc');
    const requests: { url: string; init: RequestInit }[] = [];
    let answer = new Response(JSON.stringify({ ok: true, value: { bytes: 3 } }), { status: 200 });
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      requests.push({ url: String(url), init: init ?? {} });
      return answer;
    });
    try {
      await browserWorkerIo.putBytes('/search-index.bin?key=k', bytes);
      const [request] = requests;
      expect(request?.url).toBe('/search-index.bin?key=k');
      expect(request?.init.method).toBe('PUT');
      expect(request?.init.headers).toEqual({
        'Content-Type': 'application/octet-stream',
        [INDEX_BYTES_HEADER]: '3',
        // sha256("abc"), the FIPS 180-2 test vector
        [INDEX_SHA256_HEADER]: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      });
      expect(request?.init.body).toBeInstanceOf(Blob);
      expect(new Uint8Array(await (request?.init.body as Blob).arrayBuffer())).toEqual(bytes);

      answer = new Response(
        JSON.stringify({
          ok: false,
          error: { code: 'search-index-upload-mismatch', message: 'does not match' },
        }),
        { status: 400 },
      );
      await expect(browserWorkerIo.putBytes('/search-index.bin?key=k', bytes)).rejects.toThrow(
        'does not match',
      );
    } finally {
      fetchMock.mockRestore();
    }
  });
});
