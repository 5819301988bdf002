/**
 * Photo originals through sync, when the user chooses to share them (docs/sync.md, "Photos"): one
 * document `photo:<sha256>` per original with the file attached. It is content-addressed like a
 * dataset — the one revision is derived from the sha256 — so the same photo is the same document on
 * every machine and never a conflict. The receiving side hands the bytes to main
 * (`photos.importBytes`), which checks the sha256 again and imports them as a picked file.
 */
import type { Item } from '@shared/photos/item';
import { isSha256, type PhotoRecord } from '@shared/photos/model';
import { sha256Hex } from '@shared/sync/dataset';
import type { ReplicaDb } from './replica';

export const PHOTO_PREFIX = 'photo:';
export const photoDocId = (sha256: string): string => `${PHOTO_PREFIX}${sha256}`;
const photoRev = (sha256: string): string => `1-${sha256.slice(0, 32)}`;

/** What sharing would send, shown to the user before anything is sent. */
export interface PhotoSharePlan {
  /** Originals held here and not in the replica yet. */
  toSend: PhotoRecord[];
  bytes: number;
  /** Originals the items name that this machine does not hold (kept on another machine). */
  absent: string[];
}

/** The originals the items use, those already in the replica left out, with their total size. */
export async function planPhotoShare(
  replica: ReplicaDb,
  items: readonly Item[],
  record: (sha256: string) => Promise<PhotoRecord | null>,
): Promise<PhotoSharePlan> {
  const shas = [...new Set(items.flatMap((item) => item.photos.map((photo) => photo.sha256)))].sort();
  const inReplica = await replica.allDocs({ keys: shas.map(photoDocId) });
  const present = new Set(
    inReplica.rows.flatMap((row) => ('error' in row || row.value.deleted ? [] : [row.id])),
  );
  const plan: PhotoSharePlan = { toSend: [], bytes: 0, absent: [] };
  for (const sha256 of shas) {
    if (present.has(photoDocId(sha256))) continue;
    const found = await record(sha256);
    if (!found) plan.absent.push(sha256);
    else {
      plan.toSend.push(found);
      plan.bytes += found.byteSize;
    }
  }
  return plan;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.byteLength; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Puts each planned original into the replica (after checking its bytes are what its name says). */
export async function sharePhotos(
  replica: ReplicaDb,
  plan: PhotoSharePlan,
  original: (sha256: string) => Promise<Uint8Array>,
): Promise<{ sent: number; bytes: number }> {
  let bytes = 0;
  for (const photo of plan.toSend) {
    const data = await original(photo.sha256);
    if ((await sha256Hex(data)) !== photo.sha256)
      throw new Error(`The stored original ${photo.fileName} no longer matches its sha256: not shared.`);
    const rev = photoRev(photo.sha256);
    await replica.bulkDocs(
      [
        {
          _id: photoDocId(photo.sha256),
          _rev: rev,
          _revisions: { start: 1, ids: [rev.slice(2)] },
          type: 'photo',
          sha256: photo.sha256,
          fileName: photo.fileName,
          mediaType: photo.mediaType,
          byteSize: data.byteLength,
          _attachments: { original: { content_type: photo.mediaType, data: toBase64(data) } },
        } as never,
      ],
      { new_edits: false },
    );
    bytes += data.byteLength;
  }
  return { sent: plan.toSend.length, bytes };
}

async function toBytes(data: Blob | ArrayBufferView): Promise<Uint8Array> {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  const view = data as ArrayBufferView;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * Hands every shared original this machine lacks to main. A photo main refuses (its bytes do not
 * match, or it is not a photo) is named with the reason; the others still go in.
 */
export async function receivePhotos(
  replica: ReplicaDb,
  has: (sha256: string) => Promise<boolean>,
  importBytes: (request: { sha256: string; fileName: string; bytes: Uint8Array }) => Promise<void>,
): Promise<{ imported: string[]; refused: Array<{ sha256: string; reason: string }> }> {
  const result = { imported: [] as string[], refused: [] as Array<{ sha256: string; reason: string }> };
  const docs = await replica.allDocs({
    startkey: PHOTO_PREFIX,
    endkey: `${PHOTO_PREFIX}\uffff`,
    include_docs: true,
  });
  for (const row of docs.rows) {
    const doc = row.doc as unknown as { sha256?: unknown; fileName?: unknown } | undefined;
    const sha256 = row.id.slice(PHOTO_PREFIX.length);
    if (!isSha256(sha256) || doc?.sha256 !== sha256 || (await has(sha256))) continue;
    try {
      const bytes = await toBytes(await replica.getAttachment(row.id, 'original'));
      const fileName = typeof doc.fileName === 'string' && doc.fileName !== '' ? doc.fileName : sha256;
      await importBytes({ sha256, fileName, bytes });
      result.imported.push(sha256);
    } catch (error) {
      result.refused.push({ sha256, reason: (error as Error).message });
    }
  }
  return result;
}
