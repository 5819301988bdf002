import { mkdir, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMP_PREFIX } from '../../../src/main/fs/atomic-write';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
} from '../../../src/main/search-index/index-store';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import type { Fault } from '../../support/faulty-fs';

const faults = vi.hoisted(() => ({ next: 'none' as Fault }));

// Fault injection under the atomic writer (tests/support/faulty-fs.ts).
vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../../support/faulty-fs')).faultyFs(await importOriginal(), faults),
);

let dataDirectory: string;
const folder = () => join(dataDirectory, SEARCH_INDEX_FOLDER);
const snapshotPath = () => join(folder(), SNAPSHOT_FILE);
const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-search-index-'));
  faults.next = 'none';
  // Damaged files are reported on the console; the tests assert on what load answers instead.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('search index store', () => {
  it('gives back exactly the bytes saved under the same key, also to the next app start', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    const content = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(await store.save('v1|lt-deportations@0123456789abcdef', content)).toEqual({ bytes: 70_000 });
    // Compared as Buffers: vitest's element-by-element diff of 70,000 bytes takes seconds.
    const same = (loaded: Uint8Array | null) =>
      expect(loaded !== null && Buffer.from(loaded).equals(Buffer.from(content))).toBe(true);
    same(await store.load('v1|lt-deportations@0123456789abcdef'));
    const restarted = createSearchIndexStore({ dataDirectory });
    same(await restarted.load('v1|lt-deportations@0123456789abcdef'));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
  });

  it('answers null when nothing was ever stored, and creates nothing for it', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    expect(await store.load('anything')).toBeNull();
    expect(await readdir(dataDirectory)).toEqual([]);
  });

  it('stores an empty snapshot as empty, not as nothing', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', new Uint8Array(0));
    expect(await store.load('k')).toEqual(new Uint8Array(0));
  });

  it('answers null for any other key, even one that differs only by a lone surrogate', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('collections:a@1', bytes(1, 2, 3));
    expect(await store.load('collections:a@2')).toBeNull();
    expect(await store.load('collections:a@1 ')).toBeNull();
    expect(await store.load('collections:A@1')).toBeNull();
    // UTF-8 would turn both lone surrogates into the same U+FFFD bytes.
    await store.save('k\uD800', bytes(9));
    expect(await store.load('k\uDBFF')).toBeNull();
    expect(await store.load('k\uD800')).toEqual(bytes(9));
  });

  it('keeps only the newest snapshot: saving replaces the previous one', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('old', text('old index'));
    await store.save('new', text('new index, longer than the old one'));
    expect(await store.load('old')).toBeNull();
    expect(await store.load('new')).toEqual(text('new index, longer than the old one'));
    await store.save('new', text('shorter'));
    expect(await store.load('new')).toEqual(text('shorter'));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
  });

  it('serves the last of several saves made at once, never a mix', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.save('k', new Uint8Array(10_000 + i).fill(i))),
    );
    const loaded = await store.load('k');
    expect(loaded !== null && Buffer.from(loaded).equals(Buffer.alloc(10_007, 7))).toBe(true);
  });

  it.each([
    ['empty', () => writeFile(snapshotPath(), '')],
    ['not a snapshot', () => writeFile(snapshotPath(), 'this is some other file, long enough for a header')],
    ['cut short', async () => truncate(snapshotPath(), (await readFile(snapshotPath())).length - 1)],
    ['cut inside the header', () => truncate(snapshotPath(), 20)],
    [
      'with a flipped content byte',
      async () => {
        const file = await readFile(snapshotPath());
        file.writeUInt8(file.readUInt8(file.length - 10) ^ 0xff, file.length - 10);
        await writeFile(snapshotPath(), file);
      },
    ],
    [
      'with a content length that lies',
      async () => {
        const file = await readFile(snapshotPath());
        file.writeUInt32BE(0xffffffff, 12);
        await writeFile(snapshotPath(), file);
      },
    ],
    [
      'with bytes appended',
      async () =>
        writeFile(snapshotPath(), Buffer.concat([await readFile(snapshotPath()), Buffer.from('x')])),
    ],
  ])('answers null, without throwing, for a stored file that is %s', async (_case, damage) => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', new Uint8Array(1000).fill(42));
    await damage();
    expect(await store.load('k')).toBeNull();
    expect(console.warn).toHaveBeenCalled();
    // The renderer rebuilds and saves again: that must work over the damaged file.
    await store.save('k', bytes(1));
    expect(await store.load('k')).toEqual(bytes(1));
  });

  it('answers null when the snapshot path cannot be read as a file', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', bytes(1));
    await rm(snapshotPath());
    await mkdir(snapshotPath());
    expect(await store.load('k')).toBeNull();
  });

  it('refuses a snapshot over the size limit with a clear error, keeping the stored one', async () => {
    const store = createSearchIndexStore({ dataDirectory, maxBytes: 1024 });
    await store.save('k', bytes(1, 2));
    await expect(store.save('k', new Uint8Array(1025))).rejects.toMatchObject({
      code: 'search-index-too-large',
      message: expect.stringMatching(/1025 bytes.*at most .*1024 bytes/),
    });
    expect(await store.save('k', new Uint8Array(1024))).toEqual({ bytes: 1024 });
    await expect(store.save('k', new Uint8Array(2048))).rejects.toMatchObject({
      code: 'search-index-too-large',
    });
    expect(await store.load('k')).toEqual(new Uint8Array(1024));
  });

  it('refuses an empty or overlong key', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await expect(store.save('', bytes(1))).rejects.toMatchObject({ code: 'invalid-search-index-key' });
    await expect(store.load('x'.repeat(MAX_SEARCH_INDEX_KEY_CHARS + 1))).rejects.toMatchObject({
      code: 'invalid-search-index-key',
    });
    const longest = '\u0416'.repeat(MAX_SEARCH_INDEX_KEY_CHARS);
    await store.save(longest, bytes(5));
    expect(await store.load(longest)).toEqual(bytes(5));
  });

  it.each(['short-write', 'sync', 'rename'] as const)(
    'keeps the previous snapshot whole when a write fails (%s), and leaves no temp file',
    async (fault) => {
      const store = createSearchIndexStore({ dataDirectory });
      await store.save('old', text('previous snapshot'));
      const before = await readFile(snapshotPath());
      faults.next = fault;
      await expect(store.save('new', new Uint8Array(50_000).fill(7))).rejects.toMatchObject({
        message: expect.stringContaining('injected failure'),
      });
      faults.next = 'none';
      expect(await readFile(snapshotPath())).toEqual(before);
      expect(await store.load('old')).toEqual(text('previous snapshot'));
      expect(await store.load('new')).toBeNull();
      expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
    },
  );

  it('has no snapshot at all when the very first write fails', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    faults.next = 'rename';
    await expect(store.save('k', bytes(1, 2, 3))).rejects.toThrow(/injected failure/);
    faults.next = 'none';
    expect(await store.load('k')).toBeNull();
    expect(await readdir(folder())).toEqual([]);
  });

  it('deletes temp files a crash left behind, and only those', async () => {
    const store = createSearchIndexStore({ dataDirectory });
    await store.save('k', bytes(1));
    await writeFile(join(folder(), `${TEMP_PREFIX}${SNAPSHOT_FILE}-abcdef123456`), 'half a snapshot');
    const restarted = createSearchIndexStore({ dataDirectory });
    expect(await restarted.load('k')).toEqual(bytes(1));
    await restarted.save('k', bytes(2));
    expect(await readdir(folder())).toEqual([SNAPSHOT_FILE]);
    expect(await restarted.load('k')).toEqual(bytes(2));
  });
});
