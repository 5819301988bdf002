import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import { servePhoto } from '../../../src/main/photos/serve-photo';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import { testHandlers } from '../../support/fake-handlers';
import { makeJpeg, makeMultiPageTiff } from './photo-fixtures';
import { createPhotoTestBed, type PhotoTestBed } from './photo-test-store';

let bed: PhotoTestBed;
let jpeg: Buffer;
let jpegSha: string;
let tiffSha: string;

beforeEach(async () => {
  bed = await createPhotoTestBed();
  jpeg = await makeJpeg(640, 480);
  const tiff = makeMultiPageTiff(3);
  jpegSha = createHash('sha256').update(jpeg).digest('hex');
  tiffSha = createHash('sha256').update(tiff).digest('hex');
  const dir = await bed.folder('f', { 'a.jpg': jpeg, 'b.tif': tiff });
  const { sessionId } = await bed.read({ kind: 'folder', path: dir });
  await bed.imports.commit(sessionId);
});

afterEach(() => bed.dispose());

const get = (path: string, method = 'GET') => servePhoto(bed.store, method, new URL(path, 'app://atmintis/'));

describe('GET /photos/<sha256>/<variant>', () => {
  it('serves the original byte-exact with its media type, immutable', async () => {
    const answer = await get(`/photos/${jpegSha}/original`);
    expect(answer.status).toBe(200);
    expect(Buffer.from(answer.body as Uint8Array).equals(jpeg)).toBe(true);
    expect(answer.headers['Content-Type']).toBe('image/jpeg');
    expect(answer.headers['Cache-Control']).toContain('immutable');
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves the display copy and the thumbnail as WebP of the right size', async () => {
    const display = await get(`/photos/${jpegSha}/display`);
    const thumb = await get(`/photos/${jpegSha}/thumb`);
    expect(display.headers['Content-Type']).toBe('image/webp');
    expect(await sharp(display.body as Uint8Array).metadata()).toMatchObject({ format: 'webp', width: 640 });
    expect(await sharp(thumb.body as Uint8Array).metadata()).toMatchObject({ width: 256, height: 192 });
  });

  it('serves each page of a multi-page TIFF, and 404 past the last page', async () => {
    const third = await get(`/photos/${tiffSha}/display?page=2`);
    expect(third.status).toBe(200);
    const { data } = await sharp(third.body as Uint8Array)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeCloseTo(80, -1);
    expect((await get(`/photos/${tiffSha}/thumb?page=3`)).status).toBe(404);
    expect((await get(`/photos/${tiffSha}/original`)).headers['Content-Type']).toBe('image/tiff');
  });

  it('answers 404 for an unknown photo, a malformed sha256 or variant, and never escapes the store', async () => {
    for (const path of [
      `/photos/${'0'.repeat(64)}/original`,
      `/photos/${jpegSha.toUpperCase()}/original`,
      `/photos/${jpegSha.slice(1)}/original`,
      `/photos/${jpegSha}/large`,
      `/photos/${jpegSha}/original/x`,
      '/photos/../originals/x',
      `/photos/%2e%2e%2f${jpegSha}/original`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get(`/photos/${jpegSha}/thumb?page=-1`)).status).toBe(400);
    expect((await get(`/photos/${jpegSha}/thumb?page=1&page=2`)).status).toBe(400);
  });

  it('refuses other methods with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await get(`/photos/${jpegSha}/original`, method);
      expect(answer.status).toBe(405);
      expect(answer.headers['Allow']).toBe('GET, HEAD');
    }
  });

  describe('over the web harness transport', () => {
    let server: RunningWebServer;
    beforeEach(async () => {
      server = await startWebServer({
        port: 0,
        rendererDir: bed.base,
        handlers: testHandlers(),
        photoStore: bed.store,
      });
    });
    afterEach(() => server.close());

    it('answers the same: bytes, type, 404 and 405', async () => {
      const answer = await fetch(`${server.url}/photos/${jpegSha}/original`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await answer.arrayBuffer()).equals(jpeg)).toBe(true);
      const head = await fetch(`${server.url}/photos/${jpegSha}/thumb`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('image/webp');
      expect((await fetch(`${server.url}/photos/${'a'.repeat(64)}/thumb`)).status).toBe(404);
      expect((await fetch(`${server.url}/photos/${jpegSha}/thumb`, { method: 'POST' })).status).toBe(405);
    });
  });
});
