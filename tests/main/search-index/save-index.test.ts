import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
  type SearchIndexStore,
} from '../../../src/main/search-index/index-store';
import { saveSearchIndex } from '../../../src/main/search-index/save-index';
import { INDEX_BYTES_HEADER, INDEX_SHA256_HEADER, searchIndexUrl } from '@shared/search/index-url';
import { testHandlers } from '../../support/fake-handlers';

let dataDirectory: string;
let store: SearchIndexStore;
const content = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const at = (path: string) => new URL(path, 'app://atmintis/index.html');

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-save-index-'));
  store = createSearchIndexStore({ dataDirectory });
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

/** A PUT as the worker sends it; `headers` override or (undefined) remove one. */
function put(body: Uint8Array, headers: Record<string, string | undefined> = {}, key = 'k') {
  const all: Record<string, string | undefined> = {
    'content-type': 'application/octet-stream',
    [INDEX_BYTES_HEADER.toLowerCase()]: String(body.length),
    [INDEX_SHA256_HEADER.toLowerCase()]: sha256(body),
    ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
  };
  async function* stream() {
    yield body;
  }
  return saveSearchIndex(store, at(searchIndexUrl(key)), (name) => all[name.toLowerCase()], stream());
}

const resultOf = (answer: { body: unknown }) => JSON.parse(answer.body as string) as unknown;

describe('saveSearchIndex (PUT of the raw bytes)', () => {
  it('stores the body under the key and answers a Result', async () => {
    const answer = await put(content, {}, 'format 5: people@r1 & more/ü?#=');
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(resultOf(answer)).toEqual({ ok: true, value: { bytes: 5000 } });
    const loaded = await store.load('format 5: people@r1 & more/ü?#=');
    expect(loaded && Buffer.from(loaded).equals(Buffer.from(content))).toBe(true);
  });

  it.each([
    ['not octet-stream', { 'content-type': 'application/json' }, 415, 'unsupported-media-type'],
    ['without its declared length', { [INDEX_BYTES_HEADER]: undefined }, 411, 'invalid-search-index-upload'],
    [
      'with a declared length that is not a number',
      { [INDEX_BYTES_HEADER]: '5e3' },
      411,
      'invalid-search-index-upload',
    ],
    ['without its sha256', { [INDEX_SHA256_HEADER]: undefined }, 400, 'invalid-search-index-upload'],
    ['one byte shorter than declared', { [INDEX_BYTES_HEADER]: '5001' }, 400, 'search-index-upload-mismatch'],
    [
      'with a Content-Length other than declared',
      { 'content-length': '4999' },
      400,
      'search-index-upload-mismatch',
    ],
    [
      'with another sha256',
      { [INDEX_SHA256_HEADER]: sha256(new Uint8Array(1)) },
      400,
      'search-index-upload-mismatch',
    ],
  ])(
    'refuses a body %s with a clear error, keeping the stored index',
    async (_case, headers, status, code) => {
      await put(new Uint8Array([1, 2, 3]));
      const answer = await put(content, headers);
      expect(answer.status).toBe(status);
      expect(resultOf(answer)).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
      expect(await store.load('k')).toEqual(new Uint8Array([1, 2, 3]));
      expect(await readdir(join(dataDirectory, SEARCH_INDEX_FOLDER))).toEqual([SNAPSHOT_FILE]);
    },
  );

  it('answers 413 over the sanity limit and 507 when the disk is too full, naming the sizes', async () => {
    store = createSearchIndexStore({ dataDirectory, maxBytes: 4096 });
    const tooLarge = await put(content);
    expect(tooLarge.status).toBe(413);
    expect(resultOf(tooLarge)).toMatchObject({
      ok: false,
      error: { code: 'search-index-too-large', message: expect.stringMatching(/5000 bytes.*4096 bytes/) },
    });
    store = createSearchIndexStore({ dataDirectory, freeBytes: async () => 1000 });
    const full = await put(content);
    expect(full.status).toBe(507);
    expect(resultOf(full)).toMatchObject({ ok: false, error: { code: 'search-index-disk-full' } });
  });

  it('answers 400 for a missing or too long key', async () => {
    const answer = await saveSearchIndex(store, at('/search-index.bin'), () => null, null);
    expect(answer.status).toBe(400);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'invalid-search-index-key' } });
  });

  it('replaced the base64 channel, which the contract no longer has', async () => {
    const result = await dispatch(testHandlers(), 'searchIndex.save', { key: 'k', contentBase64: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});
