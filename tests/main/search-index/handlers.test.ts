import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createSearchIndexHandlers } from '../../../src/main/search-index/handlers';
import {
  SEARCH_INDEX_FOLDER,
  SNAPSHOT_FILE,
  createSearchIndexStore,
  type SearchIndexStore,
} from '../../../src/main/search-index/index-store';
import { createMainHandlers, createMainSearchIndexStore } from '../../../src/main/services';
import { channels, requestSchemas, type Handlers } from '@shared/ipc/contract';
import {
  MAX_SEARCH_INDEX_BASE64_CHARS,
  MAX_SEARCH_INDEX_BYTES,
  MAX_SEARCH_INDEX_KEY_CHARS,
} from '@shared/ipc/channels/search-index';
import { testAppInfo, testHandlers } from '../../support/fake-handlers';

let dataDirectory: string;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

beforeEach(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'atmintis-search-index-handlers-'));
});

afterEach(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

/** The real composition root, so the channel is proven wired into the app, not only into a test. */
const mainHandlers = (searchIndexStore?: SearchIndexStore): Handlers =>
  createMainHandlers({
    resourcesDir: join(dataDirectory, 'no-resources'),
    appInfo: { ...testAppInfo, dataDirectory },
    openExternal: async () => false,
    ...(searchIndexStore ? { searchIndexStore } : {}),
  });

/** What the index route reads: a store over the same folder, as the next app start would make. */
const stored = (key: string) => createSearchIndexStore({ dataDirectory }).load(key);

/** The real handlers over a real store with a small size limit. */
const smallHandlers = (maxBytes: number): Handlers => ({
  ...testHandlers(),
  ...createSearchIndexHandlers(createSearchIndexStore({ dataDirectory, maxBytes })),
});

describe('searchIndex.* channels', () => {
  it('has only a save channel: the index is read back as bytes through its URL', () => {
    expect(channels.filter((channel) => channel.startsWith('searchIndex.'))).toEqual(['searchIndex.save']);
  });

  it('saves through dispatch under <dataDirectory>/search-index, readable after a restart', async () => {
    const handlers = mainHandlers();
    const content = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    expect(
      await dispatch(handlers, 'searchIndex.save', { key: 'v1|a@1', contentBase64: base64(content) }),
    ).toEqual({ ok: true, value: { bytes: 5000 } });
    expect(await readdir(join(dataDirectory, SEARCH_INDEX_FOLDER))).toEqual([SNAPSHOT_FILE]);
    expect(await stored('v1|a@1')).toEqual(content);
    expect(await stored('v1|a@2')).toBeNull();
  });

  it('saves through the store it is given, so the index route reads what the channel wrote', async () => {
    const store = createMainSearchIndexStore({ dataDirectory });
    const saves: string[] = [];
    const spy: SearchIndexStore = {
      ...store,
      load: (key) => store.load(key),
      save: (key, content) => {
        saves.push(key);
        return store.save(key, content);
      },
    };
    await dispatch(mainHandlers(spy), 'searchIndex.save', { key: 'k', contentBase64: 'AAEC' });
    expect(saves).toEqual(['k']);
    expect(await store.load('k')).toEqual(new Uint8Array([0, 1, 2]));
  });

  it('keeps only the newest snapshot', async () => {
    const handlers = mainHandlers();
    await dispatch(handlers, 'searchIndex.save', { key: 'old', contentBase64: 'AAEC' });
    await dispatch(handlers, 'searchIndex.save', { key: 'new', contentBase64: 'AwQF' });
    expect(await stored('old')).toBeNull();
    expect(await stored('new')).toEqual(new Uint8Array([3, 4, 5]));
  });

  it('saves an empty snapshot', async () => {
    const handlers = mainHandlers();
    expect(await dispatch(handlers, 'searchIndex.save', { key: 'k', contentBase64: '' })).toEqual({
      ok: true,
      value: { bytes: 0 },
    });
    expect(await stored('k')).toEqual(new Uint8Array(0));
  });

  it.each(['AAE', 'AA=A', 'AA E', 'AA\nEC', 'AAEC===', '!!!!', 'AAE-', 'AAE_'])(
    'refuses invalid base64 %j clearly and keeps the stored snapshot',
    async (contentBase64) => {
      const handlers = mainHandlers();
      await dispatch(handlers, 'searchIndex.save', { key: 'k', contentBase64: 'AAEC' });
      expect(await dispatch(handlers, 'searchIndex.save', { key: 'k', contentBase64 })).toEqual({
        ok: false,
        error: { code: 'invalid-content', message: 'The search index snapshot is not valid base64' },
      });
      expect(await stored('k')).toEqual(new Uint8Array([0, 1, 2]));
    },
  );

  it('refuses a snapshot over the size limit with a clear error, keeping the stored one', async () => {
    const handlers = smallHandlers(3);
    await dispatch(handlers, 'searchIndex.save', { key: 'k', contentBase64: 'AAEC' });
    const refused = await dispatch(handlers, 'searchIndex.save', { key: 'k', contentBase64: 'AAECAw==' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'search-index-too-large' } });
    expect(!refused.ok && refused.error.message).toMatch(/4 bytes\); at most .*\(3 bytes\)/);
    expect(await stored('k')).toEqual(new Uint8Array([0, 1, 2]));
  });

  it('validates keys and sizes in the contract, before any handler runs', async () => {
    const handlers = mainHandlers();
    for (const request of [
      { key: '', contentBase64: 'AA==' },
      { key: 'x'.repeat(MAX_SEARCH_INDEX_KEY_CHARS + 1), contentBase64: 'AA==' },
      { key: 7, contentBase64: 'AA==' },
      { contentBase64: 'AA==' },
      { key: 'k', contentBase64: 'AA==', extra: true },
    ]) {
      expect(await dispatch(handlers, 'searchIndex.save', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(await dispatch(handlers, 'searchIndex.save', { key: 'k' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringContaining('contentBase64') },
    });
    expect(await readdir(dataDirectory)).not.toContain(SEARCH_INDEX_FOLDER);
    const longest = 'k'.repeat(MAX_SEARCH_INDEX_KEY_CHARS);
    expect(await dispatch(handlers, 'searchIndex.save', { key: longest, contentBase64: 'AA==' })).toEqual({
      ok: true,
      value: { bytes: 1 },
    });
  });

  it('refuses the removed load channel as unknown', async () => {
    expect(await dispatch(mainHandlers(), 'searchIndex.load', { key: 'k' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('bounds the base64 in its schema by the largest snapshot', () => {
    // Read from the schema rather than tried: the bound is longer than any string V8 can make.
    const bound = requestSchemas['searchIndex.save'].shape.contentBase64.maxLength;
    expect(bound).toBe(MAX_SEARCH_INDEX_BASE64_CHARS);
    expect(bound).toBeGreaterThanOrEqual(Math.ceil(MAX_SEARCH_INDEX_BYTES / 3) * 4);
    expect(bound).toBeLessThan(Math.ceil(MAX_SEARCH_INDEX_BYTES / 3) * 4 + 8);
  });
});
