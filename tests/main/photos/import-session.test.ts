import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAGES } from '../../../src/main/photos/limits';
import { listSourceFiles } from '../../../src/main/photos/sources';
import { makeBombPng, makeJpeg, makeMultiPageTiff, makePng } from './photo-fixtures';
import { createPhotoTestBed, type PhotoTestBed } from './photo-test-store';

let bed: PhotoTestBed;
beforeEach(async () => {
  bed = await createPhotoTestBed();
});
afterEach(() => bed.dispose());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const stored = async () => (await readdir(join(bed.store.root, 'originals')).catch(() => [])).sort();

describe('photo import', () => {
  it('stages, then commits originals byte-exact with a sidecar; capture time from EXIF', async () => {
    const a = await makeJpeg(800, 600, '#aa0000', '1944:07:13 09:30:00');
    const b = await makePng(300, 400);
    const dir = await bed.folder('Fond K-1', { '001.jpg': a, 'sub/002.png': b, 'notes.txt': 'x' });
    const { sessionId, progress } = await bed.read({ kind: 'folder', path: dir });
    expect(progress.state).toBe('ready');
    expect(await stored()).toEqual([]); // nothing in the store before commit
    expect(progress.photos).toEqual([
      expect.objectContaining({
        fileName: 'Fond K-1/001.jpg',
        folder: 'Fond K-1',
        capturedAt: '1944-07-13T09:30:00',
      }),
      expect.objectContaining({ fileName: 'Fond K-1/sub/002.png', folder: 'Fond K-1/sub', width: 300 }),
    ]);
    expect(progress.skipped).toEqual([
      { file: 'Fond K-1/notes.txt', reason: expect.stringContaining('does not end in .jpg') },
    ]);
    await bed.imports.commit(sessionId);
    expect(await stored()).toEqual([sha(a), `${sha(a)}.json`, sha(b), `${sha(b)}.json`].sort());
    expect(await bed.store.record(sha(a))).toMatchObject({
      fileName: 'Fond K-1/001.jpg',
      mediaType: 'image/jpeg',
      byteSize: a.byteLength,
      width: 800,
      height: 600,
      pageCount: 1,
      capturedAt: '1944-07-13T09:30:00',
    });
    expect(await readdir(join(bed.store.root, 'staging'))).toEqual([]);
  });

  it('stores the same photo once, within an import and across imports', async () => {
    const a = await makeJpeg(200, 100);
    const dir = await bed.folder('twice', { 'a.jpg': a, 'copy of a.jpg': a });
    const first = await bed.read({ kind: 'folder', path: dir });
    expect(first.progress.photos).toHaveLength(1);
    expect(first.progress.skipped).toEqual([
      { file: 'twice/copy of a.jpg', reason: 'is the same photo as twice/a.jpg (imported once)' },
    ]);
    await bed.imports.commit(first.sessionId);
    const again = await bed.read({ kind: 'files', paths: [join(dir, 'a.jpg')] });
    expect(again.progress.photos).toEqual([expect.objectContaining({ sha256: sha(a), fileName: 'a.jpg' })]);
    await bed.imports.commit(again.sessionId);
    expect(await stored()).toEqual([sha(a), `${sha(a)}.json`].sort());
    // The sidecar keeps the name it was first imported under.
    expect((await bed.store.record(sha(a)))?.fileName).toBe('twice/a.jpg');
  });

  it('makes each page of a multi-page TIFF a photo', async () => {
    const tiff = makeMultiPageTiff(4);
    const dir = await bed.folder('scans', { 'file.tif': tiff });
    const { progress } = await bed.read({ kind: 'folder', path: dir });
    expect(progress.photos?.map((photo) => [photo.page, photo.pageCount])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
  });

  it('reads a zip, grouping by the folders inside it', async () => {
    const zip = zipSync({
      'delo 1/l. 1.jpg': await makeJpeg(50, 50, '#111111'),
      'delo 2/l. 1.jpg': await makeJpeg(50, 50, '#222222'),
      'readme.md': new TextEncoder().encode('hi'),
    });
    const dir = await bed.folder('z', {});
    await writeFile(join(dir, 'reading room.zip'), zip);
    const { progress } = await bed.read({ kind: 'zip', path: join(dir, 'reading room.zip') });
    expect(progress.photos?.map((photo) => photo.folder)).toEqual([
      'reading room/delo 1',
      'reading room/delo 2',
    ]);
    expect(progress.skipped.map((skip) => skip.file)).toEqual(['reading room/readme.md']);
  });

  it('cancelling stores nothing and removes the staging folder', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i += 1) files[`${i}.jpg`] = await makeJpeg(1200, 900, `#${i}0${i}0${i}0`);
    const dir = await bed.folder('many', files);
    const { sessionId } = await bed.imports.begin(await listSourceFiles({ kind: 'folder', path: dir }));
    expect(await bed.imports.cancel(sessionId)).toEqual({ cancelled: true });
    expect(await stored()).toEqual([]);
    expect(await readdir(join(bed.store.root, 'staging'))).toEqual([]);
    expect(() => bed.imports.progress(sessionId)).toThrow(/No photo import/);
  });

  it('refuses to commit before the files are read', async () => {
    const dir = await bed.folder('one', { 'a.jpg': await makeJpeg(2000, 1500) });
    const { sessionId } = await bed.imports.begin(await listSourceFiles({ kind: 'folder', path: dir }));
    await expect(bed.imports.commit(sessionId)).rejects.toThrow(/not ready to commit/);
    await bed.imports.settled(sessionId);
    await bed.imports.commit(sessionId);
  });
});

describe('bad input: each file skipped with its reason, the others imported', () => {
  it('refuses a decompression bomb from its header, at once, without decoding it', async () => {
    const good = await makeJpeg(100, 100);
    const dir = await bed.folder('bad', { 'bomb.png': makeBombPng(50_000, 50_000), 'good.jpg': good });
    const started = performance.now();
    const before = process.memoryUsage().rss;
    const { progress } = await bed.read({ kind: 'folder', path: dir });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(progress.skipped).toEqual([
      {
        file: 'bad/bomb.png',
        reason: 'declares 50,000 × 50,000 pixels (2,500 MP), more than the 250 MP limit; it was not decoded',
      },
    ]);
    expect(progress.photos?.map((photo) => photo.sha256)).toEqual([sha(good)]);
  });

  it('skips a truncated JPEG and a corrupt PNG', async () => {
    const jpeg = await makeJpeg(1600, 1200, '#445566');
    const png = await makePng(400, 300);
    const corrupt = Buffer.from(png);
    corrupt.fill(0x5a, 60, 200);
    const dir = await bed.folder('broken', {
      'cut.jpg': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      'corrupt.png': corrupt,
    });
    const { progress } = await bed.read({ kind: 'folder', path: dir });
    expect(progress.photos).toEqual([]);
    expect(progress.skipped.map((skip) => skip.file).sort()).toEqual([
      'broken/corrupt.png',
      'broken/cut.jpg',
    ]);
    for (const skip of progress.skipped) expect(skip.reason).toMatch(/cannot be (decoded|read as an image)/);
    expect(await readdir(join(bed.store.root, 'staging'))).toHaveLength(1); // only the session folder
  });

  it(`refuses a TIFF with more than ${MAX_PAGES} pages, saying so`, async () => {
    const dir = await bed.folder('pages', { 'huge.tiff': makeMultiPageTiff(3000, 2) });
    const started = performance.now();
    const { progress } = await bed.read({ kind: 'folder', path: dir });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(progress.skipped).toEqual([
      {
        file: 'pages/huge.tiff',
        reason: `has 3,000 pages, more than the ${MAX_PAGES} a file may have; split it into smaller files`,
      },
    ]);
  });

  it('refuses a file with an image extension that is not an image, naming its first bytes', async () => {
    // A GIF, not a PDF: PDFs are imported page by page since (tests/main/photos/pdf-import.test.ts).
    const dir = await bed.folder('fake', { 'scan.jpg': 'GIF89a not a photo', 'empty.png': '' });
    const { progress } = await bed.read({ kind: 'folder', path: dir });
    expect(progress.skipped).toEqual([
      {
        file: 'fake/empty.png',
        reason: 'is not a JPEG, PNG, TIFF or WebP image or a PDF (it starts with bytes )',
      },
      {
        file: 'fake/scan.jpg',
        reason:
          'is not a JPEG, PNG, TIFF or WebP image or a PDF (it starts with bytes 47 49 46 38 39 61 20 6e)',
      },
    ]);
  });

  it('accepts a photo whose extension lies, by its content', async () => {
    const png = await makePng(20, 20);
    const dir = await bed.folder('named', { 'really-a-png.jpg': png });
    const { sessionId } = await bed.read({ kind: 'folder', path: dir });
    await bed.imports.commit(sessionId);
    expect((await bed.store.record(sha(png)))?.mediaType).toBe('image/png');
  });
});
