import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import { ok } from '@shared/result';
import { regionSelector } from '@shared/notes/region';
import type { Item } from '@shared/photos/item';
import type { PhotoRecord } from '@shared/photos/model';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import {
  exportIiif,
  exportPdf,
  exportSlug,
  type ExportContext,
} from '../../../src/renderer/src/photos/item-export';
import { freshDatabase } from '../notes/fixtures';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const font = new Uint8Array(
  readFileSync(join(import.meta.dirname, '../../../resources/fonts/DejaVuSans.ttf')),
);
let jpeg: Uint8Array;

beforeAll(async () => {
  jpeg = new Uint8Array(
    await sharp({ create: { width: 80, height: 60, channels: 3, background: '#eeeeee' } })
      .jpeg()
      .toBuffer(),
  );
});

const item: Item = {
  id: 'item-1',
  template: 'archival-file',
  title: 'Šeimos byla 1949',
  metadata: { fond: 'K-1', opis: '58', delo: '7', sheets: '3' },
  fields: [],
  photos: [
    { sha256: A, page: 0 },
    { sha256: B, page: 0 },
  ],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

const record = (sha256: string): PhotoRecord => ({
  sha256,
  fileName: `${sha256.slice(0, 4)}.jpg`,
  mediaType: 'image/jpeg',
  byteSize: 1000,
  width: 800,
  height: 600,
  pageCount: 1,
});

async function context(stored: string[] = [A, B]): Promise<ExportContext> {
  const { db } = freshDatabase();
  const repository = new NotesRepository(db);
  await repository.save({
    id: 'region-1',
    target: {
      kind: 'region',
      collectionId: 'user-photos',
      itemId: item.id,
      photo: B,
      page: 0,
      selector: regionSelector({ shape: 'rectangle', x: 10, y: 10, width: 100, height: 20 }),
      transcription: 'Выселены в Иркутскую область',
    },
    body: '',
    tags: [],
    colour: null,
  });
  const api = createApi(async (channel, request) => {
    if (channel !== 'photos.get') throw new Error(`unexpected ${channel}`);
    const { sha256 } = request as { sha256: string };
    return ok(stored.includes(sha256) ? record(sha256) : null) as never;
  });
  const t = (key: string, options?: Record<string, unknown>) =>
    `${key}${options ? JSON.stringify(options) : ''}`;
  return {
    api,
    repository,
    t,
    en: (key) => `en:${key}`,
    lt: (key) => `lt:${key}`,
    language: 'lt',
    fetchBytes: async (url) => (url.endsWith('.ttf') ? font : jpeg),
  };
}

// Building a PDF (font subsetting) takes seconds on a loaded machine.
describe('item exports', { timeout: 30_000 }, () => {
  it('IIIF: a zip with the manifest and one image per photo, regions from the notes database', async () => {
    const file = await exportIiif(item, await context());
    expect(file.name).toBe('Seimos-byla-1949-iiif.zip');
    const entries = unzipSync(file.bytes);
    expect(
      Object.keys(entries)
        .filter((name) => !name.endsWith('/'))
        .sort(),
    ).toEqual([
      'Seimos-byla-1949/images/001.jpg',
      'Seimos-byla-1949/images/002.jpg',
      'Seimos-byla-1949/manifest.json',
    ]);
    const manifest = JSON.parse(strFromU8(entries['Seimos-byla-1949/manifest.json'] as Uint8Array));
    expect(manifest.id).toBe('http://localhost:8000/Seimos-byla-1949/manifest.json');
    expect(manifest.items[0]).toMatchObject({ width: 800, height: 600 });
    expect(manifest.items[0].items[0].items[0].body).toMatchObject({
      id: 'http://localhost:8000/Seimos-byla-1949/images/001.jpg',
      width: 80,
      height: 60,
    });
    expect(manifest.items[1].annotations[0].items[0].target).toBe(
      `${manifest.items[1].id}#xywh=10,10,100,20`,
    );
    expect(manifest.metadata[0].label).toEqual({
      en: ['en:photos.field.title'],
      lt: ['lt:photos.field.title'],
    });
  });

  it('PDF: title page, the photos and the region transcription', async () => {
    const file = await exportPdf(item, await context());
    expect(file.name).toBe('Seimos-byla-1949.pdf');
    const doc = await PDFDocument.load(file.bytes);
    expect(doc.getPageCount()).toBe(4); // title, photo 1, photo 2, photo 2's transcription
  });

  it('names the photo that is not in the store instead of exporting without it', async () => {
    await expect(exportIiif(item, await context([A]))).rejects.toThrow(
      'photoExport.missingPhoto{"n":2,"reason":"photoExport.notStored"}',
    );
  });

  it('makes a file name from any title', () => {
    expect(exportSlug({ ...item, title: 'Дело № 5 / Žmonės' })).toBe('5-Zmones');
    expect(exportSlug({ ...item, title: '' })).toBe('item');
  });
});
