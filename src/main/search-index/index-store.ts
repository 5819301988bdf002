/**
 * The renderer's search index snapshot on disk: ONE file, `<dataDirectory>/search-index/snapshot.bin`
 * (layout in snapshot-file.ts). Saving replaces it (only the newest is worth keeping: an older one
 * describes collections as they no longer are). The bytes are opaque here; the key the renderer saved
 * them under is stored with them and `open` answers only for that same key.
 *
 * Both directions stream, so main's memory stays flat whatever the index's size: `save` writes the
 * uploaded body to a temp file as it arrives, hashing it on the way, and renames it into place only
 * when its length and sha256 are the ones declared up front (writeAtomic: temp file, fsync, rename); a
 * broken or mismatched upload leaves the previous snapshot. `open` hands out a stream of the content
 * (or a byte range of it), checked against the stored hash. Anything wrong with the file (truncated,
 * garbled, another format) makes `open` answer null, never throw: the renderer then rebuilds its
 * index and saves a fresh one.
 */
import { createHash } from 'node:crypto';
import { mkdir, open as openFile, readdir, rm, stat, statfs, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MAX_SEARCH_INDEX_BYTES, MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { TEMP_PREFIX, writeAtomic } from '../fs/atomic-write';
import { HandlerError } from '../ipc/dispatch';
import { HEADER_BYTES, decodeHeader, encodeHeader, keyBytes, type SnapshotHeader } from './snapshot-file';

export const SEARCH_INDEX_FOLDER = 'search-index';
export const SNAPSHOT_FILE = 'snapshot.bin';

/** Disk reads and writes go in pieces of this size: large enough for few system calls, small enough
 *  that memory stays flat. */
const PIECE_BYTES = 1024 * 1024;

/** Bytes `first` to `last` of the content, both included (an HTTP byte range). */
export interface ByteRange {
  first: number;
  last: number;
}

/** What the uploader says it sends, before the first byte arrives. */
export interface DeclaredContent {
  bytes: number;
  /** sha256 of the content, 64 lowercase hex digits. */
  sha256: string;
}

/** A saved snapshot, opened for reading. Holds the store (saves wait) until read or closed. */
export interface StoredSnapshot {
  /** Content length in bytes. */
  readonly length: number;
  /** sha256 of the content, hex. */
  readonly sha256: string;
  /**
   * The content, or one range of it, as a stream that closes the snapshot when it ends or is
   * destroyed. It fails (after the bytes it passed, so a receiver sees a broken transfer) when the
   * content does not match its stored hash; a whole read holds back its last piece until the hash is
   * known, a range read checks the whole content once first.
   */
  read(range?: ByteRange): Readable;
  /** Releases the file without reading it. */
  close(): Promise<void>;
}

export interface SearchIndexStore {
  readonly folder: string;
  /** The snapshot saved under exactly this key, or null (none, another key, or a damaged file). */
  open(key: string): Promise<StoredSnapshot | null>;
  /** The whole content saved under this key, or null (small snapshots, tests and benchmarks). */
  load(key: string): Promise<Uint8Array | null>;
  /** Replaces whatever was stored with `content`, once it proved to be what `declared` says. */
  save(
    key: string,
    content: Uint8Array | AsyncIterable<Uint8Array> | readonly Uint8Array[],
    declared?: DeclaredContent,
  ): Promise<{ bytes: number }>;
}

interface SearchIndexStoreOptions {
  dataDirectory: string;
  /** Largest snapshot accepted. Default MAX_SEARCH_INDEX_BYTES; tests use a small one. */
  maxBytes?: number;
  /** Free bytes on the data folder's disk (tests fake a full disk); null when it cannot be told. */
  freeBytes?: (folder: string) => Promise<number | null>;
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

async function diskFreeBytes(folder: string): Promise<number | null> {
  try {
    const info = await statfs(folder);
    return info.bavail * info.bsize;
  } catch {
    return null; // not every file system answers; the write itself then fails cleanly if it is full
  }
}

/** Exactly `length` bytes at `position`, or null if the file ends first (it shrank under us). */
async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) return null;
    filled += bytesRead;
  }
  return buffer;
}

/** The file's identity, so a hash checked once need not be checked again until the file changes. */
const identity = (info: { ino: number; size: number; mtimeMs: number }) =>
  `${info.ino}:${info.size}:${info.mtimeMs}`;

export function createSearchIndexStore(options: SearchIndexStoreOptions): SearchIndexStore {
  const folder = join(options.dataDirectory, SEARCH_INDEX_FOLDER);
  const path = join(folder, SNAPSHOT_FILE);
  const maxBytes = options.maxBytes ?? MAX_SEARCH_INDEX_BYTES;
  const freeBytes = options.freeBytes ?? diskFreeBytes;
  /** The file whose content last matched its hash (written here, or read whole). */
  let verified: string | null = null;

  // One operation at a time, a read holding its turn until its stream closes: Windows refuses to
  // rename over a file another read still holds open.
  let queue: Promise<unknown> = Promise.resolve();
  const turn = (): Promise<() => void> => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const mine = queue.then(() => release);
    queue = queue.then(() => done);
    return mine;
  };

  let prepared: Promise<void> | undefined;
  /** Creates the folder and deletes temp files a crash left behind (never a complete snapshot). */
  const ready = () =>
    (prepared ??= (async () => {
      await mkdir(folder, { recursive: true });
      for (const name of await readdir(folder)) {
        if (name.startsWith(TEMP_PREFIX)) await rm(join(folder, name), { force: true });
      }
    })().catch((error: unknown) => {
      prepared = undefined; // try again next time rather than fail forever
      throw error;
    }));

  const checkKey = (key: string) => {
    if (key.length === 0 || key.length > MAX_SEARCH_INDEX_KEY_CHARS) {
      throw new HandlerError(
        'invalid-search-index-key',
        `A search index key must be 1 to ${MAX_SEARCH_INDEX_KEY_CHARS} characters long (got ${key.length})`,
      );
    }
  };

  const damaged = (reason: string): null => {
    console.warn(`Ignoring the stored search index (${path}): ${reason}`);
    return null;
  };

  /** Opens the file and checks header and key; null (handle closed) when it is not this key's. */
  async function openStored(
    key: string,
  ): Promise<{ handle: FileHandle; header: SnapshotHeader; start: number; id: string } | null> {
    let handle: FileHandle;
    try {
      handle = await openFile(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return damaged(`cannot open it: ${(error as Error).message}`);
    }
    try {
      const info = await handle.stat();
      const headerBytes = info.size >= HEADER_BYTES ? await readExactly(handle, 0, HEADER_BYTES) : null;
      if (!headerBytes) throw damaged('it is shorter than its header');
      const header = decodeHeader(headerBytes, info.size, maxBytes);
      if (typeof header === 'string') throw damaged(header);
      const storedKey = await readExactly(handle, HEADER_BYTES, header.keyLength);
      if (!storedKey) throw damaged('it is truncated');
      // Another key: a snapshot of other collections (or another index format). Not worth reading.
      if (!storedKey.equals(keyBytes(key))) throw null;
      return { handle, header, start: HEADER_BYTES + header.keyLength, id: identity(info) };
    } catch (error) {
      await handle.close().catch(() => undefined);
      if (error === null) return null;
      return damaged(`cannot read it: ${(error as Error).message}`);
    }
  }

  async function* pieces(handle: FileHandle, position: number, length: number): AsyncGenerator<Buffer> {
    for (let done = 0; done < length;) {
      const piece = await readExactly(handle, position + done, Math.min(PIECE_BYTES, length - done));
      if (!piece) throw new Error(`The saved search index (${path}) ended early`);
      done += piece.length;
      yield piece;
    }
  }

  async function checkedContent(handle: FileHandle, header: SnapshotHeader, start: number, id: string) {
    const hash = createHash('sha256');
    for await (const piece of pieces(handle, start, header.contentLength)) hash.update(piece);
    if (!hash.digest().equals(header.digest)) {
      throw new Error(`The saved search index (${path}) does not match its checksum`);
    }
    verified = id;
  }

  function opened(
    { handle, header, start, id }: NonNullable<Awaited<ReturnType<typeof openStored>>>,
    release: () => void,
  ): StoredSnapshot {
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => undefined);
      release();
    };
    async function* whole(): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      let held: Buffer | null = null;
      for await (const piece of pieces(handle, start, header.contentLength)) {
        hash.update(piece);
        if (held) yield held;
        held = piece;
      }
      if (!hash.digest().equals(header.digest)) {
        throw new Error(`The saved search index (${path}) does not match its checksum`);
      }
      verified = id;
      if (held) yield held;
    }
    async function* range({ first, last }: ByteRange): AsyncGenerator<Buffer> {
      if (verified !== id) await checkedContent(handle, header, start, id);
      yield* pieces(handle, start + first, last - first + 1);
    }
    return {
      length: header.contentLength,
      sha256: header.digest.toString('hex'),
      read(wanted) {
        const source = wanted ? range(wanted) : whole();
        return Readable.from(
          (async function* () {
            try {
              yield* source;
            } finally {
              await close();
            }
          })(),
          { objectMode: false },
        );
      },
      close,
    };
  }

  function checkDeclared(declared: DeclaredContent) {
    if (!Number.isSafeInteger(declared.bytes) || declared.bytes < 0) {
      throw new HandlerError(
        'invalid-search-index-upload',
        `A search index upload must declare its length in bytes (got ${String(declared.bytes)})`,
      );
    }
    if (!/^[0-9a-f]{64}$/.test(declared.sha256)) {
      throw new HandlerError(
        'invalid-search-index-upload',
        'A search index upload must declare the sha256 of its content as 64 lowercase hex digits',
      );
    }
    if (declared.bytes > maxBytes) {
      throw new HandlerError(
        'search-index-too-large',
        `The search index snapshot is ${gib(declared.bytes)} (${declared.bytes} bytes); at most ${gib(maxBytes)} (${maxBytes} bytes) can be stored`,
      );
    }
  }

  async function checkDiskSpace(needed: number) {
    const free = await freeBytes(folder);
    if (free !== null && free < needed) {
      throw new HandlerError(
        'search-index-disk-full',
        `The search index snapshot needs ${gib(needed)} (${needed} bytes) but the disk holding ${folder} has only ${gib(free)} free`,
      );
    }
  }

  async function write(
    key: string,
    content: AsyncIterable<Uint8Array> | readonly Uint8Array[],
    declared: DeclaredContent,
  ) {
    const storedKey = keyBytes(key);
    const digest = Buffer.from(declared.sha256, 'hex');
    const header = encodeHeader({ keyLength: storedKey.length, contentLength: declared.bytes, digest });
    await writeAtomic(path, async (handle) => {
      const hash = createHash('sha256');
      let position = 0;
      let received = 0;
      const writeAll = async (bytes: Uint8Array) => {
        for (let done = 0; done < bytes.length;) {
          const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position);
          done += bytesWritten;
          position += bytesWritten;
        }
      };
      // Small chunks (a socket's 64 KiB) are gathered into pieces; a large one (Electron hands over a
      // Blob body whole) is written as it is, never copied.
      let pending: Uint8Array[] = [header, storedKey];
      let pendingBytes = header.length + storedKey.length;
      const flush = async () => {
        if (pendingBytes > 0) await writeAll(Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of content) {
        received += chunk.length;
        if (received > declared.bytes) {
          throw new HandlerError(
            'search-index-upload-mismatch',
            `The search index upload is longer than the ${declared.bytes} bytes it declared`,
          );
        }
        hash.update(chunk);
        if (chunk.length >= PIECE_BYTES) {
          await flush();
          await writeAll(chunk);
          continue;
        }
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= PIECE_BYTES) await flush();
      }
      if (received !== declared.bytes) {
        throw new HandlerError(
          'search-index-upload-mismatch',
          `The search index upload ended after ${received} of the ${declared.bytes} bytes it declared`,
        );
      }
      if (!hash.digest().equals(digest)) {
        throw new HandlerError(
          'search-index-upload-mismatch',
          'The search index upload does not match the sha256 it declared',
        );
      }
      await flush();
    });
    verified = identity(await stat(path));
    return { bytes: declared.bytes };
  }

  const store: SearchIndexStore = {
    folder,
    async open(key) {
      checkKey(key);
      const release = await turn();
      try {
        const found = await openStored(key);
        if (!found) {
          release();
          return null;
        }
        return opened(found, release);
      } catch (error) {
        release();
        throw error;
      }
    },
    async load(key) {
      const snapshot = await store.open(key);
      if (!snapshot) return null;
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of snapshot.read()) chunks.push(chunk as Buffer);
        return new Uint8Array(Buffer.concat(chunks));
      } catch (error) {
        return damaged((error as Error).message);
      }
    },
    async save(key, content, declared) {
      checkKey(key);
      const body = content instanceof Uint8Array ? [content] : content;
      const claim = declared ?? {
        bytes: content instanceof Uint8Array ? content.length : NaN,
        sha256: content instanceof Uint8Array ? createHash('sha256').update(content).digest('hex') : '',
      };
      checkDeclared(claim);
      const release = await turn();
      try {
        await ready();
        await checkDiskSpace(HEADER_BYTES + key.length * 2 + claim.bytes);
        return await write(key, body, claim);
      } finally {
        release();
      }
    },
  };
  return store;
}
