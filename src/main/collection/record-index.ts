/**
 * The on-disk record-offset index behind `collections.getRecord/getRecords/page`: a sidecar of the
 * collection's loaded records, one JSON line each in stored order (`<revision>.records.jsonl`), and the
 * byte offset of every line by record id (`<revision>.index.json`). One record is one positional read
 * of its line, never a read of the whole file.
 *
 * Why a sidecar and not offsets into the package's own `records/*.json`: those hold the records as
 * written, before migration, defaults and date bounds; the loaded form is what the channels answer
 * with, and re-validating a slice of a package file on every read would duplicate the loader.
 *
 * The files are a cache named by the collection's revision (the hash of the package's bytes): a file for
 * another revision is stale and removed; a missing, unreadable or inconsistent index is rebuilt from the
 * loaded collection. The records file is complete on disk before the index naming it is written, and both
 * are renamed into place, so a crash leaves either the old pair, no index, or the new pair.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedRecord } from '@shared/collection/model';
import { writeFileAtomic } from '../fs/atomic-write';
import { syncDirectory } from '../fs/sync-directory';

/** Bumped when the layout of either file changes: an index of another format is rebuilt. */
export const RECORD_INDEX_FORMAT = 1;

interface IndexFile {
  format: number;
  collectionId: string;
  revision: string;
  /** Record ids in stored order. */
  ids: string[];
  /** Byte offset of each record's line, plus one last entry: the records file's size. */
  offsets: number[];
}

export interface RecordIndex {
  readonly collectionId: string;
  readonly revision: string;
  readonly count: number;
  /** Position of a record in stored order, or undefined when the collection has no such id. */
  position(recordId: string): number | undefined;
  idAt(position: number): string;
  /** The records at these positions, read with one open file handle, in the order asked. */
  readAt(positions: readonly number[]): Promise<LoadedRecord[]>;
  /** Records at positions [start, end) in stored order: one contiguous read. */
  readRange(start: number, end: number): Promise<LoadedRecord[]>;
}

const safeName = (value: string) => value.replace(/[^a-z0-9-]/gi, '_');

function paths(cacheDir: string, collectionId: string, revision: string) {
  const folder = join(cacheDir, safeName(collectionId));
  const base = safeName(revision);
  return {
    folder,
    records: join(folder, `${base}.records.jsonl`),
    index: join(folder, `${base}.index.json`),
  };
}

/**
 * The index of this collection revision: the saved one when it is whole and consistent, else one built
 * from `records()` (called only then) and saved.
 */
export async function openRecordIndex(
  cacheDir: string,
  collectionId: string,
  revision: string,
  records: () => Promise<readonly LoadedRecord[]>,
): Promise<RecordIndex> {
  const where = paths(cacheDir, collectionId, revision);
  const saved = await readSavedIndex(where.index, where.records, collectionId, revision);
  if (saved) return indexOver(saved, where.records);
  const built = await writeIndex(where, collectionId, revision, await records());
  return indexOver(built, where.records);
}

async function readSavedIndex(
  indexPath: string,
  recordsPath: string,
  collectionId: string,
  revision: string,
): Promise<IndexFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(indexPath, 'utf8')) as Partial<IndexFile>;
    const { ids, offsets } = parsed;
    if (
      parsed.format !== RECORD_INDEX_FORMAT ||
      parsed.collectionId !== collectionId ||
      parsed.revision !== revision ||
      !Array.isArray(ids) ||
      !Array.isArray(offsets) ||
      offsets.length !== ids.length + 1
    ) {
      return undefined;
    }
    // A records file of another length than the index says was cut short or replaced: rebuild.
    if ((await stat(recordsPath)).size !== offsets[offsets.length - 1]) return undefined;
    return parsed as IndexFile;
  } catch {
    return undefined;
  }
}

/** Write buffers of about this size: the records file is streamed, never built whole in memory. */
const CHUNK_BYTES = 1024 * 1024;

async function writeIndex(
  where: ReturnType<typeof paths>,
  collectionId: string,
  revision: string,
  records: readonly LoadedRecord[],
): Promise<IndexFile> {
  await mkdir(where.folder, { recursive: true });
  const temp = `${where.records}.tmp-${randomBytes(6).toString('hex')}`;
  const ids: string[] = [];
  const offsets: number[] = [];
  const handle = await open(temp, 'wx', 0o600);
  try {
    let offset = 0;
    // Each line is encoded once, straight into a reused buffer written a megabyte at a time: building
    // a string per chunk and measuring every line apart (Buffer.byteLength) encoded each line twice and
    // left ropes for the collector (at 1,000,000 people, profiled: about half of the index write).
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    for (const record of records) {
      const line = `${JSON.stringify(record)}\n`;
      // A UTF-16 code unit takes at most 3 bytes in UTF-8: with this much room the line always fits.
      const room = line.length * 3;
      if (used + room > buffer.length) {
        if (used > 0) await handle.write(buffer, 0, used, null);
        used = 0;
        if (room > buffer.length) buffer = Buffer.allocUnsafe(room);
      }
      const written = buffer.write(line, used, 'utf8');
      ids.push(record.id);
      offsets.push(offset);
      offset += written;
      used += written;
    }
    if (used > 0) await handle.write(buffer, 0, used, null);
    offsets.push(offset);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, where.records);
  await syncDirectory(where.folder);
  const index: IndexFile = { format: RECORD_INDEX_FORMAT, collectionId, revision, ids, offsets };
  await writeFileAtomic(where.index, JSON.stringify(index));
  await removeStale(where);
  return index;
}

/** Files of other revisions of this collection (and leftovers of interrupted writes) are dead weight. */
async function removeStale(where: ReturnType<typeof paths>): Promise<void> {
  const keep = new Set([where.records, where.index]);
  for (const name of await readdir(where.folder).catch(() => [] as string[])) {
    const full = join(where.folder, name);
    // Another process may be writing its own temp file right now; only finished files of other
    // revisions are removed.
    if (keep.has(full) || name.includes('.tmp-')) continue;
    await rm(full, { force: true }).catch(() => undefined);
  }
}

/** A short read means the file changed under the index: say so rather than parse half a record. */
async function readExactly(
  handle: FileHandle,
  length: number,
  position: number,
  path: string,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) {
    throw new Error(`record index out of date: ${path} is shorter than its index says`);
  }
  return buffer;
}

function indexOver(file: IndexFile, recordsPath: string): RecordIndex {
  const byId = new Map<string, number>();
  file.ids.forEach((id, position) => byId.set(id, position));
  const { offsets } = file;
  const parseLines = (bytes: Buffer, starts: number[], base: number, first: number): LoadedRecord[] =>
    starts.map((_, i) => {
      const from = (offsets[first + i] as number) - base;
      const to = (offsets[first + i + 1] as number) - base - 1;
      return JSON.parse(bytes.toString('utf8', from, to)) as LoadedRecord;
    });

  return {
    collectionId: file.collectionId,
    revision: file.revision,
    count: file.ids.length,
    position: (recordId) => byId.get(recordId),
    idAt: (position) => file.ids[position] as string,
    async readAt(positions) {
      if (positions.length === 0) return [];
      const handle = await open(recordsPath, 'r');
      try {
        const out: LoadedRecord[] = [];
        for (const position of positions) {
          const start = offsets[position] as number;
          const length = (offsets[position + 1] as number) - start;
          const buffer = await readExactly(handle, length, start, recordsPath);
          out.push(...parseLines(buffer, [start], start, position));
        }
        return out;
      } finally {
        await handle.close();
      }
    },
    async readRange(start, end) {
      if (end <= start) return [];
      const from = offsets[start] as number;
      const length = (offsets[end] as number) - from;
      const handle = await open(recordsPath, 'r');
      try {
        const buffer = await readExactly(handle, length, from, recordsPath);
        return parseLines(buffer, offsets.slice(start, end), from, start);
      } finally {
        await handle.close();
      }
    },
  };
}
