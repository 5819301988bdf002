/**
 * The worker saves its index only when searches have been quiet (a snapshot of 200,000 documents
 * takes seconds and must not hold up the first searches), and opens a saved index from its URL.
 */
import { describe, expect, it } from 'vitest';
import { NO_SAVED_INDEX, createSearchWorkerHost, type SearchWorkerResponse } from '@shared/search/protocol';
import { base64ToBytes } from '@shared/base64';
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
  return { worker, posted, advance };
}

describe('search worker: saving and opening the index', () => {
  it('makes the snapshot only after searches have been quiet for quietMs', () => {
    const { worker, posted, advance } = host();
    worker.receive({ type: 'index', collections: [smallCollection()] });
    worker.receive({ type: 'snapshot' });
    advance(500);
    worker.receive({ type: 'search', seq: 1, query: 'Igarka' });
    advance(600); // 1,100 ms after the request, but only 600 after the search
    expect(posted.some((message) => message.type === 'snapshot')).toBe(false);
    advance(500);
    const snapshot = posted.find((message) => message.type === 'snapshot');
    expect(snapshot).toBeDefined();
    expect(posted.findIndex((message) => message.type === 'results')).toBeLessThan(
      posted.indexOf(snapshot as SearchWorkerResponse),
    );
  });

  it('opens the snapshot it made from its URL, and says so when none is saved', async () => {
    const first = host();
    first.worker.receive({ type: 'index', collections: [smallCollection()] });
    first.worker.receive({ type: 'snapshot' });
    first.advance(1000);
    const made = first.posted.find((message) => message.type === 'snapshot');
    if (made?.type !== 'snapshot') throw new Error('no snapshot');

    const second = host(new Map([['/search-index.bin?key=k', base64ToBytes(made.snapshotBase64)]]));
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
