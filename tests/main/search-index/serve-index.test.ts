import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
  type SearchIndexStore,
} from '../../../src/main/search-index/index-store';
import { serveSearchIndex, type SearchIndexResponse } from '../../../src/main/search-index/serve-index';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { SEARCH_INDEX_PATH, searchIndexUrl } from '@shared/search/index-url';

let dataDirectory: string;
let store: SearchIndexStore;
const content = new Uint8Array(3000).map((_, i) => (i * 13) % 256);

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-serve-index-'));
  store = createSearchIndexStore({ dataDirectory });
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

/** The streamed body, read whole. */
async function bodyOf(answer: SearchIndexResponse): Promise<Buffer> {
  if (answer.body === null || typeof answer.body === 'string') throw new Error('not a stream');
  const parts: Buffer[] = [];
  for await (const part of answer.body) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** As a transport sees it: the renderer's relative URL resolved against the page's origin. */
const at = (path: string) => new URL(path, 'app://atmintis/index.html');

describe('serveSearchIndex', () => {
  it('answers 200 with exactly the bytes saved under the key, uncached and not sniffable', async () => {
    const key = 'format 3: people@r1, places@r2 & more/ü?#=';
    await store.save(key, content);
    const answer = await serveSearchIndex(store, at(searchIndexUrl(key)));
    expect(answer.status).toBe(200);
    expect((await bodyOf(answer)).equals(Buffer.from(content))).toBe(true);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Length': '3000',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('answers an empty snapshot with 200 and no bytes', async () => {
    await store.save('k', new Uint8Array(0));
    const answer = await serveSearchIndex(store, at(searchIndexUrl('k')));
    expect(answer.status).toBe(200);
    expect((await bodyOf(answer)).byteLength).toBe(0);
  });

  it('answers 404 when nothing is saved', async () => {
    const answer = await serveSearchIndex(store, at(searchIndexUrl('k')));
    expect(answer.status).toBe(404);
    expect(answer.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(answer.headers['Cache-Control']).toBe('no-store');
    expect(answer.body).toMatch(/no search index is saved/i);
  });

  it('answers 404 for another key', async () => {
    await store.save('v1|a@1', content);
    expect((await serveSearchIndex(store, at(searchIndexUrl('v1|a@2')))).status).toBe(404);
    // Decoded as URLSearchParams do: "+" is a space, so "a+b" is not the key "a+b".
    await store.save('a+b', content);
    expect((await serveSearchIndex(store, at(`${SEARCH_INDEX_PATH}?key=a+b`))).status).toBe(404);
    expect((await serveSearchIndex(store, at(searchIndexUrl('a+b')))).status).toBe(200);
  });

  it('answers 404 for a file that is not a snapshot, never throwing', async () => {
    await store.save('k', content);
    const path = join(dataDirectory, SEARCH_INDEX_FOLDER, SNAPSHOT_FILE);
    await writeFile(path, 'not a snapshot at all');
    expect((await serveSearchIndex(store, at(searchIndexUrl('k')))).status).toBe(404);
  });

  it('breaks off the transfer of damaged content before its end, and answers the next request', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await store.save('k', content);
    const path = join(dataDirectory, SEARCH_INDEX_FOLDER, SNAPSHOT_FILE);
    const file = await readFile(path);
    const last = file.length - 1;
    file.writeUInt8(file.readUInt8(last) ^ 0xff, last); // the checksum no longer matches
    await writeFile(path, file);
    // Checked while streaming (a reopen reads the file once): the receiver sees a failed transfer.
    const restarted = createSearchIndexStore({ dataDirectory });
    const answer = await serveSearchIndex(restarted, at(searchIndexUrl('k')));
    expect(answer.status).toBe(200);
    await expect(bodyOf(answer)).rejects.toThrow(/does not match its checksum/);
    // The file was released: a new save replaces it.
    await restarted.save('k', content);
    expect((await bodyOf(await serveSearchIndex(restarted, at(searchIndexUrl('k'))))).length).toBe(3000);
    vi.restoreAllMocks();
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=2990-', 2990, 2999],
    ['bytes=-10', 2990, 2999],
    ['bytes=2000-9999', 2000, 2999],
    ['bytes=-5000', 0, 2999],
  ])('answers Range %s with 206 and exactly those bytes', async (range, first, last) => {
    await store.save('k', content);
    const answer = await serveSearchIndex(store, at(searchIndexUrl('k')), { method: 'GET', range });
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({
      'Content-Range': `bytes ${first}-${last}/3000`,
      'Content-Length': String(last - first + 1),
    });
    expect((await bodyOf(answer)).equals(Buffer.from(content.subarray(first, last + 1)))).toBe(true);
  });

  it('answers a range past the end with 416, and serves it all for ranges it does not serve', async () => {
    await store.save('k', content);
    const past = await serveSearchIndex(store, at(searchIndexUrl('k')), { range: 'bytes=3000-' });
    expect(past.status).toBe(416);
    expect(past.headers['Content-Range']).toBe('bytes */3000');
    for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=9-2']) {
      const answer = await serveSearchIndex(store, at(searchIndexUrl('k')), { range });
      expect(answer.status).toBe(200);
      expect((await bodyOf(answer)).length).toBe(3000);
    }
  });

  it('answers HEAD with the length and no body, and releases the file', async () => {
    await store.save('k', content);
    const head = await serveSearchIndex(store, at(searchIndexUrl('k')), { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: null, headers: { 'Content-Length': '3000' } });
    const ranged = await serveSearchIndex(store, at(searchIndexUrl('k')), {
      method: 'HEAD',
      range: 'bytes=0-9',
    });
    expect(ranged).toMatchObject({ status: 206, body: null, headers: { 'Content-Range': 'bytes 0-9/3000' } });
    await store.save('k', content.subarray(0, 10)); // would wait forever if HEAD held the file
    expect((await bodyOf(await serveSearchIndex(store, at(searchIndexUrl('k'))))).length).toBe(10);
  });

  it.each([
    ['no key', SEARCH_INDEX_PATH],
    ['an empty key', `${SEARCH_INDEX_PATH}?key=`],
    ['another parameter only', `${SEARCH_INDEX_PATH}?kee=k`],
    ['two keys', `${SEARCH_INDEX_PATH}?key=k&key=k`],
  ])('answers 400 with a clear message for %s', async (_name, path) => {
    await store.save('k', content);
    const answer = await serveSearchIndex(store, at(path));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/exactly one non-empty "key" query parameter/);
    expect(answer.headers['Content-Type']).toBe('text/plain; charset=utf-8');
  });

  it('answers 400 for a key longer than a key may be, and serves the longest allowed', async () => {
    const longest = 'k'.repeat(MAX_SEARCH_INDEX_KEY_CHARS);
    await store.save(longest, content);
    const tooLong = await serveSearchIndex(store, at(searchIndexUrl(`${longest}k`)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toBe(
      `A search index key must be at most ${MAX_SEARCH_INDEX_KEY_CHARS} characters long (got ${MAX_SEARCH_INDEX_KEY_CHARS + 1})`,
    );
    expect((await serveSearchIndex(store, at(searchIndexUrl(longest)))).status).toBe(200);
  });

  it('answers 404 for any other path', async () => {
    await store.save('k', content);
    expect((await serveSearchIndex(store, at('/search-index.bin/x?key=k'))).status).toBe(404);
  });
});
