import { describe, expect, it } from 'vitest';
import { describeFailure, Replicator, type SyncStatus } from '../../../src/renderer/src/sync/replicator';
import { browserRemote } from '../../../src/renderer/src/sync/replica';
import { memoryReplica } from './fixtures';

function until(replicator: Replicator, test: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const check = () => {
      if (test(replicator.status())) {
        off();
        resolve(replicator.status());
      }
    };
    const off = replicator.changes.subscribe(check);
    check();
  });
}

describe('replicator', () => {
  it('replicates live and reports up to date with the time of the last sync', async () => {
    const local = memoryReplica('local');
    const remote = memoryReplica('remote');
    const replicator = new Replicator(
      local,
      () => remote,
      () => new Date('2026-12-03T08:00:00.000Z'),
    );
    expect(replicator.status().state).toBe('idle');
    await remote.put({ _id: 'note:x', type: 'note', author: 'Ona' } as never);
    replicator.start();
    const status = await until(replicator, (s) => s.state === 'up-to-date');
    expect(status.lastSyncAt).toBe('2026-12-03T08:00:00.000Z');
    await expect(local.get('note:x')).resolves.toMatchObject({ author: 'Ona' });
    replicator.stop();
    expect(replicator.status()).toMatchObject({ state: 'idle', lastSyncAt: '2026-12-03T08:00:00.000Z' });
  });

  it('says offline, with the reason, when the server cannot be reached (and keeps retrying)', async () => {
    const local = memoryReplica('local');
    const replicator = new Replicator(local, () => browserRemote('http://127.0.0.1:9/sync/remote'));
    replicator.start();
    const status = await until(replicator, (s) => s.state === 'offline' || s.state === 'error');
    expect(status.state).toBe('offline');
    expect(status.reason?.code).toBe('unreachable');
    expect(replicator.running).toBe(true);
    replicator.stop();
  });

  it('names refused credentials and read-only users', () => {
    expect(describeFailure({ status: 401, reason: 'Name or password is incorrect.' })).toEqual({
      code: 'unauthorized',
      detail: 'Name or password is incorrect.',
    });
    expect(describeFailure({ status: 403, message: 'forbidden' }).code).toBe('forbidden');
    expect(describeFailure({ status: 400, message: 'bad' }).code).toBe('other');
  });
});
