import { describe, expect, it } from 'vitest';
import { FORGOTTEN, readSyncMemory, updateSyncMemory } from '../../../src/renderer/src/sync/sync-memory';
import { freshDatabase, openExisting } from '../notes/fixtures';

describe('what a machine remembers of live sync', () => {
  it('starts forgotten, keeps each change across a reopening, and leaves the bridge’s rows alone', async () => {
    const { db, indexedDB } = freshDatabase();
    expect(await readSyncMemory(db)).toEqual(FORGOTTEN);
    await db.syncState.put({ key: 'feed', seq: 41 });
    await updateSyncMemory(db, { wanted: true });
    await updateSyncMemory(db, { lastSyncAt: '2026-12-08T01:00:00.000Z' });
    await updateSyncMemory(db, { lastError: { code: 'forbidden', detail: 'read only' } });
    db.close();

    const again = openExisting(indexedDB);
    expect(await readSyncMemory(again)).toEqual({
      wanted: true,
      lastSyncAt: '2026-12-08T01:00:00.000Z',
      lastError: { code: 'forbidden', detail: 'read only' },
    });
    expect(await again.syncState.get('feed')).toEqual({ key: 'feed', seq: 41 });
    await updateSyncMemory(again, { wanted: false, lastError: null });
    expect(await readSyncMemory(again)).toMatchObject({ wanted: false, lastError: null });
  });

  it('reads a damaged row as far as it is valid', async () => {
    const { db } = freshDatabase();
    await db.syncState.put({
      key: 'replication',
      wanted: 'yes',
      lastSyncAt: 7,
      lastError: { code: 'x' },
    } as never);
    expect(await readSyncMemory(db)).toEqual(FORGOTTEN);
  });
});
