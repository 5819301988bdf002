import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-browser';
import { describe, expect, it, vi } from 'vitest';
import type { DatasetContent } from '@shared/sync/dataset';
import {
  receiveDatasets,
  shareDataset,
  type CollectionPort,
  type ReceivedDatasets,
} from '../../../src/renderer/src/sync/datasets';
import {
  SharedReceiver,
  type ReceivedPhotos,
  type ReceivePorts,
} from '../../../src/renderer/src/sync/shared-receiver';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { freshDatabase } from '../notes/fixtures';
import { memoryReplica } from './fixtures';

const NOTHING_DATASETS: ReceivedDatasets = { imported: [], refused: [], kept: [] };
const NOTHING_PHOTOS: ReceivedPhotos = { imported: [], refused: [] };

/** Ports whose every call waits until the test lets it finish, counting how many run at once. */
function gatedPorts() {
  let open = 0;
  let most = 0;
  const calls: string[] = [];
  const gates: Array<() => void> = [];
  const gated = async <T>(kind: string, value: T): Promise<T> => {
    calls.push(kind);
    open += 1;
    most = Math.max(most, open);
    await new Promise<void>((resolve) => gates.push(resolve));
    open -= 1;
    return value;
  };
  const ports: ReceivePorts = {
    datasets: () => gated('datasets', NOTHING_DATASETS),
    photos: () => gated('photos', { imported: ['a'.repeat(64)], refused: [] }),
  };
  const release = async () => {
    await vi.waitFor(() => expect(gates.length).toBeGreaterThan(0));
    gates.shift()?.();
  };
  return { ports, calls, release, most: () => most };
}

describe('receiving what teammates shared', () => {
  it('runs checks one at a time, and a kind already waiting its turn is not queued twice', async () => {
    const receiver = new SharedReceiver();
    const gate = gatedPorts();
    receiver.attach(gate.ports);
    receiver.pulled();
    receiver.pulled(); // both kinds are already waiting their turn: nothing more is queued
    // Asked before the first check started: the user's press joins that turn.
    const joined = receiver.check('datasets', gate.ports);
    await gate.release();
    await joined;
    await vi.waitFor(() => expect(receiver.running()).toBe('photos'));
    // Asked while another check runs: a new turn after it (what arrived meanwhile is seen).
    const again = receiver.check('datasets', gate.ports);
    await gate.release();
    await gate.release();
    await again;
    expect(gate.calls).toEqual(['datasets', 'photos', 'datasets']);
    expect(gate.most()).toBe(1);
    expect(receiver.outcome('photos')).toEqual({
      manual: false,
      result: { imported: ['a'.repeat(64)], refused: [] },
    });
    // The user asked: "nothing new" is an answer worth showing.
    expect(receiver.outcome('datasets')).toEqual({ manual: true, result: NOTHING_DATASETS });
  });

  it('runs other work on the datasets record (sharing) in the same queue, never beside a check', async () => {
    const receiver = new SharedReceiver();
    const gate = gatedPorts();
    receiver.attach(gate.ports);
    receiver.pulled();
    let sharedWhile: string | null = 'not run';
    const sharing = receiver.exclusive(async () => {
      sharedWhile = receiver.running();
      return 'shared';
    });
    await gate.release();
    await gate.release();
    expect(await sharing).toBe('shared');
    expect(sharedWhile).toBe(null);
    await expect(receiver.exclusive(() => Promise.reject(new Error('full')))).rejects.toThrow('full');
    // A failed task does not stop the queue.
    const after = receiver.check('photos', gate.ports);
    await gate.release();
    await after;
    expect(gate.calls).toEqual(['datasets', 'photos', 'photos']);
  });

  it('keeps a failure as the outcome of its kind and goes on with the next check', async () => {
    const receiver = new SharedReceiver();
    const photos = vi.fn(async () => NOTHING_PHOTOS);
    const ports: ReceivePorts = {
      datasets: async () => {
        throw new Error('imports.begin: the disk is full');
      },
      photos,
    };
    receiver.attach(ports);
    receiver.pulled();
    await receiver.check('photos', ports, false);
    expect(receiver.outcome('datasets')).toEqual({ manual: false, error: 'imports.begin: the disk is full' });
    expect(photos).toHaveBeenCalledTimes(1);
    // A background check that found nothing leaves nothing on show.
    expect(receiver.outcome('photos')).toBeUndefined();
  });

  it('does nothing after a pull until the window gives its ports, and stops when they are taken back', async () => {
    const receiver = new SharedReceiver();
    const datasets = vi.fn(async () => NOTHING_DATASETS);
    const ports: ReceivePorts = { datasets, photos: async () => NOTHING_PHOTOS };
    receiver.pulled();
    const detach = receiver.attach(ports);
    detach();
    receiver.pulled();
    await receiver.check('photos', ports, false);
    expect(datasets).not.toHaveBeenCalled();
  });

  it('imports a collection a teammate shared after the pull completes, with no button pressed', async () => {
    const server = memoryReplica('server');
    const teammate = memoryReplica('teammate');
    const collection: DatasetContent = {
      manifest: { id: 'family-a', title: 'Registry family-a', version: '1.0.0' },
      files: [{ path: 'bibliography.json', text: '[]' }],
      records: [{ id: 'p-1', kind: 'person' }],
    };
    const teammatePort: CollectionPort = {
      imported: async () => [{ id: 'family-a', title: 'Registry family-a', revision: 'r1' }],
      read: async () => structuredClone(collection),
      importPackage: async () => ({ revision: 'r1' }),
    };
    await shareDataset(teammate, teammatePort, 'family-a', 'Ona', new Date('2026-12-01T10:00:00.000Z'));
    await PouchDB.replicate(teammate, server);

    const imported: DatasetContent[] = [];
    const port: CollectionPort = {
      imported: async () => [],
      read: async () => {
        throw new Error('not used');
      },
      importPackage: async (content) => {
        imported.push(content);
        return { revision: 'here-1' };
      },
    };
    const { db } = freshDatabase();
    const replica = memoryReplica('machine');
    const service = new SyncService(db, { replica: () => replica, remote: () => server });
    const photos = vi.fn(async () => NOTHING_PHOTOS);
    service.receiver.attach({ datasets: () => receiveDatasets(replica, port), photos });
    service.connect();
    await vi.waitFor(() => expect(imported).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(imported[0]?.records).toEqual(collection.records);
    expect(photos).toHaveBeenCalled();
    // As above: the outcome is kept after the import's own awaits, which a loaded machine stretches.
    await vi.waitFor(
      () =>
        expect(service.receiver.outcome('datasets')?.result?.imported).toEqual([
          { collectionId: 'family-a', title: 'Registry family-a', records: 1 },
        ]),
      { timeout: 10_000, interval: 20 },
    );
    service.disconnect();
    service.bridge.stop();
    await service.settled();
  });
});
