/**
 * `npm run bench:photos -- [--photos N] [--json file]` — importing N generated 12 MP JPEGs (4000 × 3000)
 * as the main process does (src/main/photos: stage, sha256, header checks, display copy and thumbnail
 * with sharp, commit into the store), timed from "begin" to the end of "commit", with the process's
 * peak resident memory (sharp decodes in this process, on libuv's pool). Default N = 1,000.
 *
 * The photos are one noisy 12 MP picture (so every decode does the full work of a real photo) saved N
 * times with a different EXIF capture time, so each has its own sha256 and is stored and decoded anew.
 * They are written to a temporary folder first (not timed) and removed afterwards with the store.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createPhotoImports } from '../src/main/photos/import-session';
import { createPhotoStore } from '../src/main/photos/photo-store';
import { listSourceFiles } from '../src/main/photos/sources';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--photos') ?? 1000);
const jsonPath = option('--json') ?? null;
if (!Number.isInteger(count) || count <= 0) throw new Error('--photos needs a whole number');

const WIDTH = 4000;
const HEIGHT = 3000;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'atmintis-bench-photos-'));
  const folder = join(base, 'photos');
  mkdirSync(folder);
  try {
    const noise = await sharp({
      create: {
        width: WIDTH,
        height: HEIGHT,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .blur(1.2)
      .raw()
      .toBuffer();
    const image = sharp(noise, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } });
    let bytes = 0;
    for (let n = 0; n < count; n += 1) {
      const seconds = String(n % 60).padStart(2, '0');
      const minutes = String(Math.floor(n / 60) % 60).padStart(2, '0');
      const jpeg = await image
        .clone()
        .jpeg({ quality: 88 })
        .withExif({
          IFD2: { DateTimeOriginal: `2026:12:07 10:${minutes}:${seconds}` },
          IFD0: { ImageDescription: `bench ${n}` },
        })
        .toBuffer();
      writeFileSync(join(folder, `IMG_${String(n).padStart(5, '0')}.jpg`), jpeg);
      bytes += jpeg.byteLength;
    }
    console.log(
      `${count} JPEGs of ${WIDTH} × ${HEIGHT} written (${mb(bytes)} MB, ${mb(bytes / count)} MB each)`,
    );

    const store = createPhotoStore({ dataDirectory: join(base, 'data') });
    const imports = createPhotoImports(store);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const { sessionId } = await imports.begin(await listSourceFiles({ kind: 'folder', path: folder }));
    await imports.settled(sessionId);
    const read = performance.now();
    const { photos, skipped } = await imports.commit(sessionId);
    const finished = performance.now();
    clearInterval(sampler);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const stored = statSync(join(store.root, 'originals')).isDirectory();
    const result = {
      photos: photos.length,
      skipped: skipped.length,
      megapixels: (WIDTH * HEIGHT) / 1e6,
      seconds: Math.round(finished - started) / 1000,
      readSeconds: Math.round(read - started) / 1000,
      commitSeconds: Math.round(finished - read) / 1000,
      msPerPhoto: Math.round((finished - started) / count),
      rssBeforeMB: mb(rssBefore),
      peakRssSampledMB: mb(peak),
      peakRssProcessMB: mb(maxRss),
      sharpConcurrency: sharp.concurrency(),
      stored,
    };
    console.table(result);
    if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
