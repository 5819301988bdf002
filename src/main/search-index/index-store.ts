/**
 * The renderer's search index snapshot on disk: ONE file, `<dataDirectory>/search-index/snapshot.bin`.
 * Saving replaces it (only the newest is worth keeping: an older one describes collections as they no
 * longer are). The bytes are opaque here; the key the renderer saved them under is stored with them and
 * `load` answers only for that same key.
 *
 * File layout (integers big-endian):
 *   0  8 bytes  magic "ATMSIDX" + format version 1
 *   8  uint32   key length in bytes
 *   12 uint32   content length in bytes
 *   16 32 bytes sha256 of key bytes + content bytes
 *   48 key (UTF-16LE), then content
 *
 * Writes go through writeFileAtomic (temp file, fsync, rename), so a crash leaves the previous snapshot
 * or none. Anything else wrong with the file (truncated, garbled, another format) makes `load` answer
 * null, never throw: the renderer then simply rebuilds its index and saves a fresh one.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_SEARCH_INDEX_BYTES, MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { TEMP_PREFIX, writeFileAtomic } from '../fs/atomic-write';
import { HandlerError } from '../ipc/dispatch';

export const SEARCH_INDEX_FOLDER = 'search-index';
export const SNAPSHOT_FILE = 'snapshot.bin';

const MAGIC = Buffer.from('ATMSIDX\x01', 'latin1');
const DIGEST_BYTES = 32;
const HEADER_BYTES = MAGIC.length + 4 + 4 + DIGEST_BYTES;
/** UTF-16LE, two bytes per code unit. */
const MAX_KEY_BYTES = MAX_SEARCH_INDEX_KEY_CHARS * 2;

export interface SearchIndexStore {
  readonly folder: string;
  /** The bytes saved under exactly this key, or null (none, another key, or a damaged file). */
  load(key: string): Promise<Uint8Array | null>;
  /** Replaces whatever was stored. */
  save(key: string, content: Uint8Array): Promise<{ bytes: number }>;
}

interface SearchIndexStoreOptions {
  dataDirectory: string;
  /** Largest snapshot accepted. Default MAX_SEARCH_INDEX_BYTES; tests use a small one. */
  maxBytes?: number;
}

/**
 * UTF-16LE rather than UTF-8: it encodes every JavaScript string losslessly, lone surrogates included,
 * so two different keys can never be stored as the same bytes.
 */
const keyBytes = (key: string): Buffer => Buffer.from(key, 'utf16le');

const digestOf = (key: Uint8Array, content: Uint8Array): Buffer =>
  createHash('sha256').update(key).update(content).digest();

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

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

export function createSearchIndexStore(options: SearchIndexStoreOptions): SearchIndexStore {
  const folder = join(options.dataDirectory, SEARCH_INDEX_FOLDER);
  const path = join(folder, SNAPSHOT_FILE);
  const maxBytes = options.maxBytes ?? MAX_SEARCH_INDEX_BYTES;
  // One operation at a time: Windows refuses to rename over a file another read still holds open.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
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

  async function read(key: string): Promise<Uint8Array | null> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return damaged(`cannot open it: ${(error as Error).message}`);
    }
    try {
      const { size } = await handle.stat();
      const header = size >= HEADER_BYTES ? await readExactly(handle, 0, HEADER_BYTES) : null;
      if (!header) return damaged('it is shorter than its header');
      if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return damaged('it is not a snapshot file');
      const keyLength = header.readUInt32BE(MAGIC.length);
      const contentLength = header.readUInt32BE(MAGIC.length + 4);
      if (
        keyLength > MAX_KEY_BYTES ||
        contentLength > maxBytes ||
        HEADER_BYTES + keyLength + contentLength !== size
      ) {
        return damaged('its length does not match its header');
      }
      const storedKey = await readExactly(handle, HEADER_BYTES, keyLength);
      if (!storedKey) return damaged('it is truncated');
      // Another key: a snapshot of other collections (or another index format). Not worth reading.
      if (!storedKey.equals(keyBytes(key))) return null;
      const content = await readExactly(handle, HEADER_BYTES + keyLength, contentLength);
      if (!content) return damaged('it is truncated');
      if (!digestOf(storedKey, content).equals(header.subarray(HEADER_BYTES - DIGEST_BYTES, HEADER_BYTES))) {
        return damaged('its checksum does not match its content');
      }
      return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
    } catch (error) {
      return damaged(`cannot read it: ${(error as Error).message}`);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  async function write(key: string, content: Uint8Array): Promise<{ bytes: number }> {
    const storedKey = keyBytes(key);
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header.writeUInt32BE(storedKey.length, MAGIC.length);
    header.writeUInt32BE(content.length, MAGIC.length + 4);
    digestOf(storedKey, content).copy(header, HEADER_BYTES - DIGEST_BYTES);
    await ready();
    await writeFileAtomic(path, Buffer.concat([header, storedKey, content]));
    return { bytes: content.length };
  }

  return {
    folder,
    async load(key) {
      checkKey(key);
      return serial(() => read(key));
    },
    async save(key, content) {
      checkKey(key);
      if (content.length > maxBytes) {
        throw new HandlerError(
          'search-index-too-large',
          `The search index snapshot is ${mib(content.length)} (${content.length} bytes); at most ${mib(maxBytes)} (${maxBytes} bytes) can be stored`,
        );
      }
      return serial(() => write(key, content));
    },
  };
}
