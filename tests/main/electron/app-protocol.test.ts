import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppProtocol } from '../../../src/main/electron/app-protocol';
import { createSearchIndexStore, type SearchIndexStore } from '../../../src/main/search-index/index-store';
import sharp from 'sharp';
import { createPhotoImports } from '../../../src/main/photos/import-session';
import { createPhotoStore } from '../../../src/main/photos/photo-store';
import { listSourceFiles } from '../../../src/main/photos/sources';
import { MAX_SEARCH_INDEX_KEY_CHARS } from '@shared/ipc/channels/search-index';
import {
  INDEX_BYTES_HEADER,
  INDEX_SHA256_HEADER,
  SEARCH_INDEX_PATH,
  searchIndexUrl,
} from '@shared/search/index-url';

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

  it('answers only on the app host, and only GET, HEAD or PUT', async () => {
    await store.save(key, content);
    const otherHost = await handler(new Request(`app://elsewhere${searchIndexUrl(key)}`));
    expect(otherHost.status).toBe(404);
    expect((await otherHost.arrayBuffer()).byteLength).toBeLessThan(content.length);
    const post = await fetchApp(searchIndexUrl(key), { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, PUT');
  });

  it('serves a byte range with 206 and Content-Range', async () => {
    await store.save(key, content);
    const res = await fetchApp(searchIndexUrl(key), { headers: { Range: 'bytes=-96' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 4000-4095/${content.length}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(content.subarray(4000));
  });

  /** A PUT as the search worker sends it, body streamed, with these extra headers. */
  const put = (bytes: Uint8Array, headers: Record<string, string>) =>
    fetchApp(searchIndexUrl(key), {
      method: 'PUT',
      body: new Blob([bytes]).stream(),
      duplex: 'half',
      headers: {
        'Content-Type': 'application/octet-stream',
        [INDEX_BYTES_HEADER]: String(bytes.length),
        [INDEX_SHA256_HEADER]: createHash('sha256').update(bytes).digest('hex'),
        ...headers,
      },
    } as RequestInit);

  it.each([
    ['its Origin is the app', { Origin: 'app://atmintis' }],
    ['it has no Origin but says it is same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
  ])('saves a PUT of the raw bytes when %s, and serves them next', async (_case, headers) => {
    await store.save(key, new Uint8Array([1]));
    const res = await put(content, headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { bytes: content.length } });
    expect(new Uint8Array(await (await fetchApp(searchIndexUrl(key))).arrayBuffer())).toEqual(content);
  });

  it.each([
    ['another origin', { Origin: 'https://evil.example' }],
    ['an opaque origin', { Origin: 'null' }],
    ['no Origin and a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('refuses a PUT from %s, keeping the saved index', async (_case, headers) => {
    await store.save(key, content);
    const res = await put(new Uint8Array(10), headers);
    expect(res.status).toBe(403);
    expect(new Uint8Array(await (await fetchApp(searchIndexUrl(key))).arrayBuffer())).toEqual(content);
  });

  it('refuses a PUT whose body is shorter than it declared, keeping the saved index', async () => {
    await store.save(key, content);
    const res = await put(new Uint8Array(10), { Origin: 'app://atmintis', [INDEX_BYTES_HEADER]: '11' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'search-index-upload-mismatch' } });
    expect(new Uint8Array(await (await fetchApp(searchIndexUrl(key))).arrayBuffer())).toEqual(content);
  });

  it('serves stored photos, streamed, with 404 for an unknown one and 405 for other methods', async () => {
    const photos = createPhotoStore({ dataDirectory: join(base, 'data') });
    const folder = join(base, 'picked');
    await mkdir(folder);
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    await writeFile(join(folder, 'a.jpg'), jpeg);
    const imports = createPhotoImports(photos);
    const { sessionId } = await imports.begin(await listSourceFiles({ kind: 'folder', path: folder }));
    await imports.settled(sessionId);
    const [photo] = (await imports.commit(sessionId)).photos;
    const original = await fetchApp(`/photos/${photo?.sha256}/original`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await original.arrayBuffer()).equals(jpeg)).toBe(true);
    const head = await fetchApp(`/photos/${photo?.sha256}/thumb`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect((await fetchApp(`/photos/${'f'.repeat(64)}/display`)).status).toBe(404);
    expect((await fetchApp(`/photos/${photo?.sha256}/original`, { method: 'DELETE' })).status).toBe(405);
  });
});
