import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveCopies, readCaptureTime, readPhotoHeader } from '../../../src/main/photos/decode';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atmintis-decode-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('derived copies', () => {
  it('scale a large photo to 4096 px for display and 256 px for the thumbnail', async () => {
    const path = join(dir, 'wide.png');
    await sharp({ create: { width: 6000, height: 1500, channels: 3, background: '#204060' } })
      .png()
      .toFile(path);
    const { display, thumb } = await deriveCopies(path, 0);
    expect(await sharp(display).metadata()).toMatchObject({ format: 'jpeg', width: 4096, height: 1024 });
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: 256, height: 64 });
  });

  it('turn a photo upright by its EXIF orientation, and report the upright size', async () => {
    const path = join(dir, 'rotated.jpg');
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(path);
    expect(await readPhotoHeader(path)).toEqual({ width: 300, height: 400, pageCount: 1 });
    const { display } = await deriveCopies(path, 0);
    expect(await sharp(display).metadata()).toMatchObject({ width: 300, height: 400 });
  });

  it('read the capture time as written, without a time zone, and nothing when there is none', async () => {
    const path = join(dir, 'exif.jpg');
    await writeFile(
      path,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .jpeg()
        .withExif({ IFD2: { DateTimeOriginal: '1987:06:14 23:59:58' } })
        .toBuffer(),
    );
    expect(await readCaptureTime(path)).toBe('1987-06-14T23:59:58');
    const plain = join(dir, 'plain.png');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toFile(plain);
    expect(await readCaptureTime(plain)).toBeUndefined();
  });
});
