import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
  type SearchIndexStore,
} from '../../../src/main/search-index/index-store';
import { serveSearchIndex } from '../../../src/main/search-index/serve-index';
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

/** As a transport sees it: the renderer's relative URL resolved against the page's origin. */
const at = (path: string) => new URL(path, 'app://atmintis/index.html');

describe('serveSearchIndex', () => {
  it('answers 200 with exactly the bytes saved under the key, uncached and not sniffable', async () => {
    const key = 'format 3: people@r1, places@r2 & more/ü?#=';
    await store.save(key, content);
    const answer = await serveSearchIndex(store, at(searchIndexUrl(key)));
    expect(answer.status).toBe(200);
    expect(answer.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(answer.body as Uint8Array).equals(Buffer.from(content))).toBe(true);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
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
    expect((answer.body as Uint8Array).byteLength).toBe(0);
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

  it('answers 404 for a damaged file, never throwing', async () => {
    await store.save('k', content);
    const path = join(dataDirectory, SEARCH_INDEX_FOLDER, SNAPSHOT_FILE);
    const file = await readFile(path);
    const last = file.length - 1;
    file.writeUInt8(file.readUInt8(last) ^ 0xff, last); // the checksum no longer matches
    await writeFile(path, file);
    expect((await serveSearchIndex(store, at(searchIndexUrl('k')))).status).toBe(404);
    await writeFile(path, 'not a snapshot at all');
    expect((await serveSearchIndex(store, at(searchIndexUrl('k')))).status).toBe(404);
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
