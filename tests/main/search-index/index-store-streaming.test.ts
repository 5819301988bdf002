import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
  type SearchIndexStore,
} from '../../../src/main/search-index/index-store';

let dataDirectory: string;
const folder = () => join(dataDirectory, SEARCH_INDEX_FOLDER);
const snapshotPath = () => join(folder(), SNAPSHOT_FILE);
const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
/** Byte for byte, without vitest's element-by-element diff, which takes seconds on megabytes. */
const same = (actual: Uint8Array | null, expected: Uint8Array) =>
  expect(actual !== null && Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
const opened = async (store: SearchIndexStore, key: string) => {
  const snapshot = await store.open(key);
  if (!snapshot) throw new Error(`nothing saved under ${key}`);
  return snapshot;
};
const pattern = (length: number, seed = 1) => new Uint8Array(length).map((_, i) => (i * 31 + seed) % 251);

/** Chunks as a socket delivers them, optionally breaking after `breakAfter` chunks. */
async function* chunks(parts: Uint8Array[], breakAfter = Infinity): AsyncGenerator<Uint8Array> {
  for (const [i, part] of parts.entries()) {
    if (i >= breakAfter) throw new Error('the connection was reset');
    await new Promise((resolve) => setImmediate(resolve));
    yield part;
  }
}

async function readAll(store: SearchIndexStore, key: string, range?: { first: number; last: number }) {
  const snapshot = await store.open(key);
  if (!snapshot) return null;
  const parts: Buffer[] = [];
  for await (const part of snapshot.read(range)) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-search-index-stream-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('search index store: streamed saves', () => {
  it('writes a body that arrives in chunks, checked against its declared length and sha256', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const parts = [pattern(70_000, 1), pattern(3, 2), pattern(2_000_000, 3)];
    const declared = { bytes: 2_070_003, sha256: sha256(...parts) };
    expect(await store.save('k', chunks(parts), declared)).toEqual({ bytes: 2_070_003 });
    same(await store.load('k'), Buffer.concat(parts));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
  });

  it('keeps the previous snapshot when the body breaks off mid-stream, and leaves no temp file', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('old', pattern(5000));
    const before = await readFile(snapshotPath());
    const parts = [pattern(1_500_000, 1), pattern(1_500_000, 2), pattern(10, 3)];
    await expect(
      store.save('new', chunks(parts, 2), { bytes: 3_000_010, sha256: sha256(...parts) }),
    ).rejects.toThrow('the connection was reset');
    expect(await readFile(snapshotPath())).toEqual(before);
    expect(await store.load('old')).toEqual(pattern(5000));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
  });

  it.each([
    ['shorter than declared', [pattern(999)], 1000, /ended after 999 of the 1000 bytes it declared/],
    ['longer than declared', [pattern(600), pattern(600)], 1000, /longer than the 1000 bytes it declared/],
  ])('refuses a body %s, keeping the stored one', async (_case, parts, bytes, message) => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', pattern(10));
    await expect(store.save('k', chunks(parts), { bytes, sha256: sha256(...parts) })).rejects.toMatchObject({
      code: 'search-index-upload-mismatch',
      message: expect.stringMatching(message),
    });
    expect(await store.load('k')).toEqual(pattern(10));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
  });

  it('refuses a body whose sha256 is not the declared one (one byte changed on the way)', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', pattern(10));
    const sent = pattern(4096);
    const declared = { bytes: 4096, sha256: sha256(sent) };
    const received = Uint8Array.from(sent);
    received[2000] = (received[2000] ?? 0) ^ 1;
    await expect(store.save('k', chunks([received]), declared)).rejects.toMatchObject({
      code: 'search-index-upload-mismatch',
      message: 'The search index upload does not match the sha256 it declared',
    });
    expect(await store.load('k')).toEqual(pattern(10));
  });

  it('refuses a malformed declaration before reading the body', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const body = { [Symbol.asyncIterator]: vi.fn() };
    await expect(store.save('k', body, { bytes: -1, sha256: sha256() })).rejects.toMatchObject({
      code: 'invalid-search-index-upload',
    });
    await expect(store.save('k', body, { bytes: 1, sha256: 'abc' })).rejects.toMatchObject({
      code: 'invalid-search-index-upload',
    });
    expect(body[Symbol.asyncIterator]).not.toHaveBeenCalled();
  });

  it('refuses, before reading a byte, a body larger than the sanity limit or the free disk space', async () => {
    const body = { [Symbol.asyncIterator]: vi.fn() };
    const capped = createSearchIndexStore({ dataDirectory, maxBytes: 1024 });
    await expect(capped.save('k', body, { bytes: 1025, sha256: sha256() })).rejects.toMatchObject({
      code: 'search-index-too-large',
      message: expect.stringMatching(/1025 bytes.*at most .*1024 bytes/),
    });
    const fullDisk = createSearchIndexStore({ dataDirectory, freeBytes: async () => 100_000 });
    await expect(fullDisk.save('k', body, { bytes: 200_000, sha256: sha256() })).rejects.toMatchObject({
      code: 'search-index-disk-full',
      message: expect.stringMatching(/needs .*\(200\d{3} bytes\) but the disk holding .* has only/),
    });
    expect(body[Symbol.asyncIterator]).not.toHaveBeenCalled();
  });

  it('has no cap below the disk: a 320 MiB snapshot streams in and out with flat memory', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const piece = pattern(1024 * 1024);
    const pieces = 320;
    const hash = createHash('sha256');
    for (let i = 0; i < pieces; i++) hash.update(piece);
    const declared = { bytes: pieces * piece.length, sha256: hash.digest('hex') };
    async function* body() {
      for (let i = 0; i < pieces; i++) yield piece;
    }
    const rssBefore = process.memoryUsage().rss;
    expect(await store.save('big', body(), declared)).toEqual({ bytes: 335_544_320 });
    // Held whole, the body alone would add 320 MiB (base64 in JSON: over 1 GiB).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(96 * 1024 * 1024);

    const snapshot = await opened(store, 'big');
    expect(snapshot.length).toBe(335_544_320);
    const back = createHash('sha256');
    let length = 0;
    for await (const part of snapshot.read()) {
      back.update(part as Buffer);
      length += (part as Buffer).length;
    }
    expect(length).toBe(335_544_320);
    expect(back.digest('hex')).toBe(declared.sha256);
  }, 60_000);
});

describe('search index store: streamed reads', () => {
  it('reads byte ranges of the content', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const content = pattern(3 * 1024 * 1024 + 7);
    await store.save('k', content);
    same(await readAll(store, 'k', { first: 0, last: 0 }), content.subarray(0, 1));
    const middle = { first: 1_000_000, last: 2_500_000 };
    same(await readAll(store, 'k', middle), content.subarray(1_000_000, 2_500_001));
    const end = content.length - 1;
    same(await readAll(store, 'k', { first: end - 9, last: end }), content.subarray(end - 9));
  });

  it('fails a whole read of damaged content before its last piece, and a range read before any', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const content = pattern(3 * 1024 * 1024);
    await store.save('k', content);
    const file = await readFile(snapshotPath());
    file.writeUInt8(file.readUInt8(file.length - 100) ^ 0xff, file.length - 100);
    await writeFile(snapshotPath(), file);
    // A new store: the one that wrote the file knows only the file it wrote.
    const restarted = createSearchIndexStore({ dataDirectory });
    const snapshot = await opened(restarted, 'k');
    let received = 0;
    await expect(
      (async () => {
        for await (const part of snapshot.read()) received += (part as Buffer).length;
      })(),
    ).rejects.toThrow(/does not match its checksum/);
    expect(received).toBeLessThan(content.length);
    await expect(readAll(restarted, 'k', { first: 0, last: 10 })).rejects.toThrow(
      /does not match its checksum/,
    );
  });

  it('lets a save wait until an open read is finished, then replaces the file', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', pattern(100, 1));
    const reading = await opened(store, 'k');
    let saved = false;
    const saving = store.save('k', pattern(100, 2)).then(() => (saved = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saved).toBe(false);
    const parts: Buffer[] = [];
    for await (const part of reading.read()) parts.push(part as Buffer);
    expect(new Uint8Array(Buffer.concat(parts))).toEqual(pattern(100, 1));
    await saving;
    expect(await store.load('k')).toEqual(pattern(100, 2));
  });
});
