import { describe, expect, it, vi } from 'vitest';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { readSyncMemory } from '../../../src/renderer/src/sync/sync-memory';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { browserRemote, type ReplicaDb } from '../../../src/renderer/src/sync/replica';
import { freshDatabase, openExisting } from '../notes/fixtures';
import { draft, memoryReplica } from './fixtures';

const NOTE = '5e8d2c41-7a9b-4c3d-8e1f-2a3b4c5d6e7f';
const NOON = new Date('2026-12-08T12:00:00.000Z');

/** A machine that can be "restarted": the same IndexedDB and replica, a new notes database and service. */
function restartable(server: ReplicaDb) {
  const { db, indexedDB } = freshDatabase();
  const replica = memoryReplica('machine');
  const open = (notes = db) =>
    new SyncService(notes, { replica: () => replica, remote: () => server, now: () => NOON });
  return { db, open, reopen: () => openExisting(indexedDB) };
}

const upToDate = (service: SyncService) =>
  vi.waitFor(() => expect(service.status().state).toBe('up-to-date'), { timeout: 10_000, interval: 20 });

describe('sync across restarts', () => {
  it('resumes live sync at start after "Start syncing", with the last sync time kept', async () => {
    const server = memoryReplica('server');
    const machine = restartable(server);
    const first = machine.open();
    expect(await first.resume()).toBe(false); // never started: nothing to resume
    expect(first.replicator.running).toBe(false);
    first.connect();
    await upToDate(first);
    await first.settled();
    expect(await readSyncMemory(machine.db)).toMatchObject({ wanted: true, lastSyncAt: NOON.toISOString() });
    // The app closes while syncing: the replications end, the choice stays.
    first.replicator.stop();
    first.bridge.stop();
    await first.settled();
    machine.db.close();

    const notes = machine.reopen();
    const second = machine.open(notes);
    await second.remembered;
    // Shown at once after the restart, before any replication.
    expect(second.status()).toMatchObject({ state: 'idle', lastSyncAt: NOON.toISOString() });
    expect(await second.resume()).toBe(true);
    expect(second.replicator.running).toBe(true);
    // Notes written now travel without the Sync view ever opening: the bridge watches from the start.
    await new NotesRepository(notes).save(draft(NOTE, 'Written after a restart.'));
    await vi.waitFor(async () => expect((await server.get(`note:${NOTE}`)) as unknown).toBeTruthy(), {
      timeout: 10_000,
      interval: 50,
    });
    second.disconnect();
    second.bridge.stop();
  });

  it('remembers "Stop syncing": the next start does not sync', async () => {
    const machine = restartable(memoryReplica('server'));
    const first = machine.open();
    first.connect();
    await upToDate(first);
    first.disconnect();
    first.bridge.stop();
    await first.settled();
    expect(await readSyncMemory(machine.db)).toMatchObject({ wanted: false });

    const second = machine.open();
    expect(await second.resume()).toBe(false);
    expect(second.replicator.running).toBe(false);
    expect(second.status().lastSyncAt).toBe(NOON.toISOString());
    second.bridge.stop();
  });

  it('keeps the last error’s reason for the next start', async () => {
    const { db } = freshDatabase();
    const unreachable = () => browserRemote('http://127.0.0.1:9/sync/remote');
    const service = new SyncService(db, { replica: () => memoryReplica('machine'), remote: unreachable });
    service.connect();
    await vi.waitFor(() => expect(service.status().state).toBe('offline'), { timeout: 10_000, interval: 20 });
    service.disconnect();
    service.bridge.stop();
    await service.settled();
    expect((await readSyncMemory(db)).lastError?.code).toBe('unreachable');
    const again = new SyncService(db, { replica: () => memoryReplica('m2'), remote: unreachable });
    await again.remembered;
    expect(again.status()).toMatchObject({ state: 'idle', reason: { code: 'unreachable' } });
    again.bridge.stop();
  });
});
