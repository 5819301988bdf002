import PouchDB from 'pouchdb-browser';
import { describe, expect, it } from 'vitest';
import type { Item } from '@shared/photos/item';
import type { PhotoRecord } from '@shared/photos/model';
import { sha256Hex } from '@shared/sync/dataset';
import {
  photoDocId,
  planPhotoShare,
  receivePhotos,
  sharePhotos,
} from '../../../src/renderer/src/sync/photo-originals';
import { memoryReplica } from './fixtures';

/** Two "photos" (any bytes: main, not this module, checks they are images) and a machine's store. */
async function photos() {
  const bytes = [
    new TextEncoder().encode('first original'),
    new TextEncoder().encode('second, longer original'),
  ];
  const shas = await Promise.all(bytes.map((b) => sha256Hex(b)));
  const store = new Map(shas.map((sha, i) => [sha, bytes[i] as Uint8Array]));
  const record = async (sha256: string): Promise<PhotoRecord | null> =>
    store.has(sha256)
      ? ({
          sha256,
          fileName: `${sha256.slice(0, 4)}.jpg`,
          mediaType: 'image/jpeg',
          byteSize: store.get(sha256)?.byteLength ?? 0,
          width: 1,
          height: 1,
          pageCount: 1,
        } as PhotoRecord)
      : null;
  return { bytes, shas, store, record };
}

const itemWith = (shas: string[]): Item => ({
  id: 'item-1',
  template: 'document',
  title: 'Laiškas',
  metadata: {},
  fields: [],
  photos: shas.map((sha256) => ({ sha256, page: 0 })),
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

describe('photo originals through sync', () => {
  it('plans with the size first, sends each original once, and the other machine imports it', async () => {
    const a = await photos();
    const missing = 'f'.repeat(64);
    const replicaA = memoryReplica('a');
    const plan = await planPhotoShare(
      replicaA,
      [itemWith([...a.shas, missing, a.shas[0] as string])],
      a.record,
    );
    expect(plan.toSend).toHaveLength(2);
    expect(plan.bytes).toBe(a.bytes.reduce((sum, b) => sum + b.byteLength, 0));
    expect(plan.absent).toEqual([missing]);
    expect(await sharePhotos(replicaA, plan, async (sha) => a.store.get(sha) as Uint8Array)).toEqual({
      sent: 2,
      bytes: plan.bytes,
    });
    expect((await planPhotoShare(replicaA, [itemWith(a.shas)], a.record)).toSend).toEqual([]);

    const replicaB = memoryReplica('b');
    await PouchDB.replicate(replicaA, replicaB);
    const received: Record<string, Uint8Array> = {};
    const result = await receivePhotos(
      replicaB,
      async (sha) => sha in received,
      async ({ sha256, bytes }) => void (received[sha256] = bytes),
    );
    expect(result).toEqual({ imported: [...a.shas].sort(), refused: [] });
    for (const [sha, bytes] of a.store) expect([...(received[sha] ?? [])]).toEqual([...bytes]);
  });

  it('writes the same document for the same photo on two machines: no conflict', async () => {
    const a = await photos();
    const [one, two] = [memoryReplica('a'), memoryReplica('b')];
    for (const replica of [one, two])
      await sharePhotos(
        replica,
        await planPhotoShare(replica, [itemWith(a.shas)], a.record),
        async (sha) => a.store.get(sha) as Uint8Array,
      );
    await PouchDB.replicate(one, two);
    const doc = await two.get(photoDocId(a.shas[0] as string), { conflicts: true });
    expect((doc as { _conflicts?: string[] })._conflicts).toBeUndefined();
  });

  it('names a photo main refuses and still imports the others', async () => {
    const a = await photos();
    const replica = memoryReplica('a');
    await sharePhotos(
      replica,
      await planPhotoShare(replica, [itemWith(a.shas)], a.record),
      async (sha) => a.store.get(sha) as Uint8Array,
    );
    const result = await receivePhotos(
      replica,
      async () => false,
      async ({ sha256 }) => {
        if (sha256 === a.shas[0]) throw new Error('does not match the sha256 it was sent under');
      },
    );
    expect(result.imported).toEqual([a.shas[1]]);
    expect(result.refused).toEqual([
      { sha256: a.shas[0], reason: 'does not match the sha256 it was sent under' },
    ]);
  });

  it('refuses to share a stored original that no longer matches its sha256', async () => {
    const a = await photos();
    const replica = memoryReplica('a');
    const plan = await planPhotoShare(replica, [itemWith(a.shas)], a.record);
    await expect(sharePhotos(replica, plan, async () => new TextEncoder().encode('changed'))).rejects.toThrow(
      /no longer matches its sha256/,
    );
  });
});
