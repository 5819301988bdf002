import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAGES } from '../../../src/main/photos/limits';
import { makeJpeg } from './photo-fixtures';
import { createPhotoTestBed, type PhotoTestBed } from './photo-test-store';

let bed: PhotoTestBed;
beforeEach(async () => {
  bed = await createPhotoTestBed();
});
afterEach(() => bed.dispose());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An A4 PDF (595 × 842 pt) of `pages` pages, each saying its number. */
async function makePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    doc.addPage([595.28, 841.89]).drawText(`Lapas ${n}`, { x: 60, y: 700, size: 48, font });
  }
  return doc.save();
}

describe('PDF pages as photos', () => {
  it(
    'imports each page of a PDF as a photo rendered at 300 dpi; the PDF is the original',
    { timeout: 60_000 },
    async () => {
      const pdf = await makePdf(3);
      const jpeg = await makeJpeg(40, 30);
      const dir = await bed.folder('scans', { 'byla.pdf': pdf, 'photo.jpg': jpeg });
      const { sessionId, progress } = await bed.read({ kind: 'folder', path: dir });
      expect(progress.skipped).toEqual([]);
      const pages = progress.photos?.filter((photo) => photo.sha256 === sha(pdf)) ?? [];
      expect(pages.map((photo) => [photo.page, photo.pageCount])).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
      ]);
      // A4 at 300 dpi: 2481 × 3508 pixels.
      expect(pages[0]).toMatchObject({ fileName: 'scans/byla.pdf', width: 2481, height: 3508 });
      await bed.imports.commit(sessionId);
      expect(await bed.store.record(sha(pdf))).toMatchObject({ mediaType: 'application/pdf', pageCount: 3 });
      // Byte-exact original; each page's display copy is a real picture of the page (dark text on white).
      expect(sha(await readFile(join(bed.store.root, 'originals', sha(pdf))))).toBe(sha(pdf));
      const display = await readFile(join(bed.store.root, 'derived', sha(pdf), 'display-2.jpg'));
      const meta = await sharp(display).metadata();
      expect([meta.width, meta.height]).toEqual([2481, 3508]);
      const stats = await sharp(display).stats();
      expect(stats.channels[0]?.min).toBeLessThan(100);
      expect(stats.channels[0]?.max).toBeGreaterThan(240);
    },
  );

  it(
    'refuses a corrupt PDF and one with too many pages, naming the file, and imports the rest',
    { timeout: 60_000 },
    async () => {
      const good = await makeJpeg(40, 30);
      const truncated = (await makePdf(1)).slice(0, 40);
      const many = await makePdf(MAX_PAGES + 1);
      const dir = await bed.folder('bad', { 'broken.pdf': truncated, 'huge.pdf': many, 'ok.jpg': good });
      const { progress } = await bed.read({ kind: 'folder', path: dir });
      expect(progress.photos?.map((photo) => photo.fileName)).toEqual(['bad/ok.jpg']);
      expect(progress.skipped).toEqual([
        { file: 'bad/broken.pdf', reason: expect.stringMatching(/^cannot be read as a PDF \(.+\)$/) },
        {
          file: 'bad/huge.pdf',
          reason: `has ${(MAX_PAGES + 1).toLocaleString('en')} pages, more than the ${MAX_PAGES} a file may have; split it into smaller files`,
        },
      ]);
      expect(await bed.store.has(sha(many))).toBe(false);
    },
  );
});
