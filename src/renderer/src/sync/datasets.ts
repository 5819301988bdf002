/**
 * Sharing imported collections through the replica as immutable datasets (shared/sync/dataset.ts),
 * and receiving them: every part's and the package's sha256 is checked, then the collection goes
 * through main's validated import path (all or nothing, `CollectionPort`). Which dataset each
 * collection here came from is kept in the replica's `_local/atmintis-datasets` document, which never
 * replicates, so a collection the user imported or changed themselves is never replaced by a
 * teammate's.
 */
import {
  assembleDataset,
  datasetBody,
  datasetDocId,
  datasetRev,
  encodeDataset,
  isDatasetDocId,
  PART_BYTES,
  readDatasetBody,
  type DatasetBody,
  type DatasetContent,
} from '@shared/sync/dataset';
import type { ReplicaDb } from './replica';

/** What the datasets need of the collections (the app's is api-collection-port.ts). */
export interface CollectionPort {
  /** Imported collections, with the content revision main gives each. */
  imported(): Promise<Array<{ id: string; title: string; revision: string }>>;
  /** A collection as a package's content: manifest, package files and records in stored order. */
  read(collectionId: string): Promise<DatasetContent>;
  /** Imports through the validated import path, all or nothing; answers the new revision, or throws why. */
  importPackage(content: DatasetContent, source: string): Promise<{ revision: string }>;
}

/** Which dataset each collection here is, and the revision it had then (a later local import differs). */
type Held = Record<string, { sha256: string; revision: string }>;
const HELD_ID = '_local/atmintis-datasets';

/** The name a received collection is listed under, as if imported from that file. */
export const datasetSource = (sha256: string): string => `atmintis-dataset-${sha256.slice(0, 16)}.jsonl`;

async function readHeld(replica: ReplicaDb): Promise<{ held: Held; rev?: string }> {
  try {
    const doc = (await replica.get(HELD_ID)) as unknown as { held: Held; _rev: string };
    return { held: doc.held, rev: doc._rev };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { held: {} };
    throw error;
  }
}

async function writeHeld(replica: ReplicaDb, change: (held: Held) => void): Promise<void> {
  const { held, rev } = await readHeld(replica);
  change(held);
  await replica.put({ _id: HELD_ID, ...(rev ? { _rev: rev } : {}), held } as never);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.byteLength; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

async function toBytes(data: Blob | ArrayBufferView): Promise<Uint8Array> {
  if (typeof Blob !== 'undefined' && data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  const view = data as ArrayBufferView;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export interface SharedDataset {
  sha256: string;
  bytes: number;
  parts: number;
  /** The same content was already in the replica (shared before, here or by a teammate). */
  already: boolean;
}

/** Puts one imported collection into the replica as `dataset:<sha256>` with its package attached. */
export async function shareDataset(
  replica: ReplicaDb,
  port: CollectionPort,
  collectionId: string,
  author: string,
  now: Date,
  partBytes = PART_BYTES,
): Promise<SharedDataset> {
  const content = await port.read(collectionId);
  const bytes = encodeDataset(content);
  const { sha256, body, parts } = await datasetBody(
    bytes,
    { manifest: content.manifest, recordCount: content.records.length },
    author,
    now,
    partBytes,
  );
  const id = datasetDocId(sha256);
  const revision = (await port.imported()).find((c) => c.id === collectionId)?.revision ?? '';
  const described = { sha256, bytes: bytes.byteLength, parts: parts.length };
  const existing = await replica.allDocs({ keys: [id] });
  const found = existing.rows[0];
  if (found && !('error' in found) && !found.value.deleted) {
    await writeHeld(replica, (held) => void (held[collectionId] = { sha256, revision }));
    return { ...described, already: true };
  }
  const rev = datasetRev(sha256);
  const attachments = Object.fromEntries(
    parts.map((part, index) => [
      body.parts[index]?.name,
      { content_type: 'application/octet-stream', data: toBase64(part) },
    ]),
  );
  // Written as replication writes (new_edits: false) so its one revision is the same everywhere.
  await replica.bulkDocs(
    [
      {
        ...body,
        _id: id,
        _rev: rev,
        _revisions: { start: 1, ids: [rev.slice(2)] },
        _attachments: attachments,
      } as never,
    ],
    { new_edits: false },
  );
  await writeHeld(replica, (held) => void (held[collectionId] = { sha256, revision }));
  return { ...described, already: false };
}

export interface DatasetRefusal {
  collectionId: string;
  title: string;
  sharedBy: string;
  reason: string;
}

export interface ReceivedDatasets {
  imported: Array<{ collectionId: string; title: string; records: number }>;
  refused: DatasetRefusal[];
  /** Shared by a teammate but not applied: this machine's own copy of the collection differs. */
  kept: Array<{ collectionId: string; title: string; sharedBy: string }>;
}

/** The dataset each collection should be at: the latest shared, ties broken by sha256 (the same everywhere). */
function latestPerCollection(bodies: readonly DatasetBody[]): DatasetBody[] {
  const latest = new Map<string, DatasetBody>();
  for (const body of bodies) {
    const current = latest.get(body.collectionId);
    if (
      !current ||
      body.sharedAt > current.sharedAt ||
      (body.sharedAt === current.sharedAt && body.sha256 > current.sha256)
    )
      latest.set(body.collectionId, body);
  }
  return [...latest.values()];
}

/**
 * Imports every collection a teammate shared that this machine does not hold yet, or holds at an
 * earlier shared revision it has not changed since. A package that does not check out, or that the
 * import path refuses, is refused naming the collection and why; nothing is half-written.
 */
export async function receiveDatasets(replica: ReplicaDb, port: CollectionPort): Promise<ReceivedDatasets> {
  const result: ReceivedDatasets = { imported: [], refused: [], kept: [] };
  const docs = await replica.allDocs({ startkey: 'dataset:', endkey: 'dataset:\uffff', include_docs: true });
  const bodies: DatasetBody[] = [];
  for (const row of docs.rows) {
    if (!isDatasetDocId(row.id)) continue;
    const read = readDatasetBody(row.id, row.doc);
    if (read.ok) bodies.push(read.value);
    else {
      const raw = (row.doc ?? {}) as Partial<DatasetBody>;
      result.refused.push({
        collectionId: String(raw.collectionId ?? '?'),
        title: String(raw.title ?? row.id),
        sharedBy: String(raw.sharedBy ?? '?'),
        reason: read.error,
      });
    }
  }
  const { held } = await readHeld(replica);
  const local = new Map((await port.imported()).map((c) => [c.id, c]));
  for (const body of latestPerCollection(bodies)) {
    const mine = held[body.collectionId];
    const here = local.get(body.collectionId);
    if (mine?.sha256 === body.sha256 && here) continue;
    if (here && (!mine || mine.revision !== here.revision)) {
      result.kept.push({ collectionId: body.collectionId, title: body.title, sharedBy: body.sharedBy });
      continue;
    }
    const refuse = (reason: string) =>
      result.refused.push({
        collectionId: body.collectionId,
        title: body.title,
        sharedBy: body.sharedBy,
        reason,
      });
    const parts: Uint8Array[] = [];
    try {
      for (const part of body.parts)
        parts.push(await toBytes(await replica.getAttachment(datasetDocId(body.sha256), part.name)));
    } catch (error) {
      refuse(`a part could not be read: ${(error as Error).message}`);
      continue;
    }
    const assembled = await assembleDataset(body, parts);
    if (!assembled.ok) {
      refuse(assembled.error);
      continue;
    }
    try {
      const { revision } = await port.importPackage(assembled.value, datasetSource(body.sha256));
      await writeHeld(replica, (all) => void (all[body.collectionId] = { sha256: body.sha256, revision }));
      result.imported.push({
        collectionId: body.collectionId,
        title: body.title,
        records: assembled.value.records.length,
      });
    } catch (error) {
      refuse((error as Error).message);
    }
  }
  return result;
}

/** Words for a refusal, as the Sync view's problem list shows it. */
export const refusalText = (refusal: DatasetRefusal): string =>
  `The collection "${refusal.title}" (${refusal.collectionId}) shared by ${refusal.sharedBy} was not imported: ${refusal.reason}`;
