import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { backOff, describeFailure, Replicator } from '../../../src/renderer/src/sync/replicator';
import type { ReplicaDb } from '../../../src/renderer/src/sync/replica';

/** A replica whose two replications are emitters the test drives, as PouchDB would emit. */
function scripted() {
  const pull = Object.assign(new EventEmitter(), { cancel: () => undefined });
  const push = Object.assign(new EventEmitter(), { cancel: () => undefined });
  const options: unknown[] = [];
  const local = {
    replicate: {
      from: (_remote: unknown, given: unknown) => (options.push(given), pull),
      to: (_remote: unknown, given: unknown) => (options.push(given), push),
    },
  } as unknown as ReplicaDb;
  const replicator = new Replicator(
    local,
    () => ({}) as ReplicaDb,
    () => new Date('2026-12-08T02:00:00.000Z'),
  );
  return { pull, push, replicator, options };
}

describe('replication status', () => {
  it('keeps a refused change on show: PouchDB moves past it and pauses as if all were well', () => {
    const { pull, push, replicator } = scripted();
    replicator.start();
    pull.emit('paused');
    push.emit('active');
    // express-pouchdb's refusal inside a _bulk_docs answer: a name, no HTTP status.
    push.emit('denied', { id: 'note:x', name: 'forbidden', message: 'may read but not change it' });
    push.emit('paused');
    expect(replicator.status()).toMatchObject({
      state: 'error',
      reason: { code: 'forbidden', detail: 'may read but not change it' },
    });
    push.emit('active');
    push.emit('paused');
    expect(replicator.status().state).toBe('error');
    // Stopping ends this run, but the reason stays as the last thing heard from the server.
    replicator.stop();
    expect(replicator.status()).toMatchObject({ state: 'idle', reason: { code: 'forbidden' } });
    // A new run starts clean.
    replicator.start();
    pull.emit('paused');
    push.emit('paused');
    expect(replicator.status()).toMatchObject({ state: 'up-to-date', reason: null });
  });

  it('says offline when the server goes away while waiting for changes (PouchDB only retries quietly)', () => {
    const { pull, push, replicator } = scripted();
    replicator.start();
    pull.emit('paused');
    push.emit('paused');
    expect(replicator.status().state).toBe('up-to-date');
    pull.emit('requestError', { status: 502, message: 'The sync server cannot be reached.' });
    expect(replicator.status()).toMatchObject({ state: 'offline', reason: { code: 'unreachable' } });
    pull.emit('active');
    pull.emit('paused');
    expect(replicator.status().state).toBe('up-to-date');
    pull.emit('requestError', { status: 401, reason: 'Name or password is incorrect.' });
    expect(replicator.status()).toMatchObject({ state: 'error', reason: { code: 'unauthorized' } });
  });

  it('shows the last sync and error of an earlier run until this run has its own', () => {
    const { pull, push, replicator } = scripted();
    replicator.restore({
      lastSyncAt: '2026-12-07T18:00:00.000Z',
      reason: { code: 'unreachable', detail: 'Failed to fetch' },
    });
    expect(replicator.status()).toEqual({
      state: 'idle',
      lastSyncAt: '2026-12-07T18:00:00.000Z',
      reason: { code: 'unreachable', detail: 'Failed to fetch' },
    });
    replicator.start();
    pull.emit('paused');
    push.emit('paused');
    expect(replicator.status()).toEqual({
      state: 'up-to-date',
      lastSyncAt: '2026-12-08T02:00:00.000Z',
      reason: null,
    });
  });

  it('retries after 1 s, doubling up to 30 s, not PouchDB’s ten minutes', () => {
    const { replicator, options } = scripted();
    replicator.start();
    expect(options).toHaveLength(2);
    for (const given of options)
      expect(given).toMatchObject({ live: true, retry: true, back_off_function: backOff });
    const delays = [0];
    for (let i = 0; i < 8; i += 1) delays.push(backOff(delays[delays.length - 1] ?? 0));
    expect(delays.slice(1)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('names refusals that carry only a name (documents refused inside a batch)', () => {
    expect(describeFailure({ name: 'forbidden', message: 'read only' }).code).toBe('forbidden');
    expect(describeFailure({ error: 'forbidden', reason: 'read only' })).toEqual({
      code: 'forbidden',
      detail: 'read only',
    });
    expect(describeFailure({ name: 'unauthorized', status: 500 }).code).toBe('unauthorized');
  });
});
