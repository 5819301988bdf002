import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppProtocol } from '../../../src/main/electron/app-protocol';
import { createSearchIndexStore, type SearchIndexStore } from '../../../src/main/search-index/index-store';
import { createPhotoStore } from '../../../src/main/photos/photo-store';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import { SEARCH_INDEX_PATH, searchIndexUrl } from '@shared/search/index-url';

// The module under test only takes Electron's types; nothing of Electron may load in Node.
vi.mock('electron', () => ({}));

type Handler = (request: Request) => Promise<Response>;

let base: string;
let store: SearchIndexStore;
let handler: Handler;
const key = 'format 3: people@r1';
const content = new Uint8Array(4096).map((_, i) => (i * 17) % 256);

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'atmintis-app-protocol-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  store = createSearchIndexStore({ dataDirectory: join(base, 'data') });
  const protocol = { handle: vi.fn() };
  registerAppProtocol(protocol, rendererDir, store, createPhotoStore({ dataDirectory: join(base, 'data') }));
  expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  handler = protocol.handle.mock.calls[0]?.[1] as Handler;
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const fetchApp = (path: string, init?: RequestInit) =>
  handler(new Request(new URL(path, 'app://atmintis/').href, init));

describe('app:// protocol', () => {
  it('still serves the renderer with its CSP', async () => {
    const res = await fetchApp('/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>t</title>');
  });

  it('serves the saved search index as exactly its bytes', async () => {
    await store.save(key, content);
    const res = await fetchApp(searchIndexUrl(key));
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    await store.save(key, content);
    const res = await fetchApp(searchIndexUrl(key), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
  });

  it('answers 404 when nothing is saved under the key and 400 for a bad key', async () => {
    expect((await fetchApp(searchIndexUrl(key))).status).toBe(404);
    await store.save(key, content);
    expect((await fetchApp(searchIndexUrl('format 3: other@r1'))).status).toBe(404);
    const missing = await fetchApp(SEARCH_INDEX_PATH);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/"key" query parameter/);
    expect((await fetchApp(searchIndexUrl('k'.repeat(MAX_SEARCH_INDEX_KEY_CHARS + 1)))).status).toBe(400);
  });

  it('answers only on the app host, and only GET or HEAD', async () => {
    await store.save(key, content);
    const otherHost = await handler(new Request(`app://elsewhere${searchIndexUrl(key)}`));
    expect(otherHost.status).toBe(404);
    expect((await otherHost.arrayBuffer()).byteLength).toBeLessThan(content.length);
    const post = await fetchApp(searchIndexUrl(key), { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
