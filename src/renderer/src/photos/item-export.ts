/**
 * The two exports of an item: a zip with a IIIF Presentation 3 manifest and the photos, and a PDF with
 * the photos and their transcriptions. This module gathers what the pure builders in
 * `@shared/photos/` need — the store's record of each photo, its display copy, the item's region notes,
 * the labels — and returns the file; the caller saves it the way every export is saved (`saveExport`).
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { JpegEmbedder } from 'pdf-lib';
import type { AtmintisApi } from '@shared/ipc/api';
import type { Note, RegionTarget } from '@shared/notes/model';
import { PHOTOS_NOTE_COLLECTION, regionSelector } from '@shared/notes/region';
import { citeItem } from '@shared/photos/cite';
import { buildIiifManifest, type Label } from '@shared/photos/iiif-manifest';
import { ITEM_FIELDS, type Item } from '@shared/photos/item';
import { photoUrl, type PhotoRecord, type PhotoRef } from '@shared/photos/model';
import type { NotesRepository } from '../notes/repository';

/** i18next's `t`, reduced to what is used here. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ExportFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ExportContext {
  api: AtmintisApi;
  repository: NotesRepository;
  /** The interface language's `t`, and English's and Lithuanian's for the manifest's labels. */
  t: Translate;
  en: Translate;
  lt: Translate;
  language: string;
  /** Reads a photo's display copy (tests replace it; the app fetches it from its own origin). */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
}

type RegionNote = Note & { target: RegionTarget };

interface ExportPhoto {
  ref: PhotoRef;
  record: PhotoRecord;
  jpeg: Uint8Array;
  /** The display copy's pixel size. */
  width: number;
  height: number;
}

/** Where the unzipped export folder is assumed to be served (docs/photos.md, "Export"). */
export const IIIF_SERVE_ROOT = 'http://localhost:8000/';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A file and folder name from the item's title: ASCII letters, digits and dashes. */
export function exportSlug(item: Item): string {
  const slug = item.title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'item';
}

async function loadPhotos(item: Item, context: ExportContext): Promise<ExportPhoto[]> {
  const read = context.fetchBytes ?? fetchBytes;
  const records = new Map<string, PhotoRecord>();
  const photos: ExportPhoto[] = [];
  for (const [index, ref] of item.photos.entries()) {
    const fail = (reason: string) =>
      new Error(context.t('photoExport.missingPhoto', { n: index + 1, reason }));
    let record = records.get(ref.sha256);
    if (!record) {
      const answer = await context.api.call('photos.get', { sha256: ref.sha256 });
      if (!answer.ok) throw fail(answer.error.message);
      if (!answer.value) throw fail(context.t('photoExport.notStored'));
      record = answer.value;
      records.set(ref.sha256, record);
    }
    let jpeg: Uint8Array;
    let size: { width: number; height: number };
    try {
      jpeg = await read(photoUrl(ref.sha256, 'display', ref.page));
      size = await JpegEmbedder.for(jpeg);
    } catch (error) {
      throw fail(context.t('photoExport.unreadable', { reason: (error as Error).message }));
    }
    photos.push({ ref, record, jpeg, width: size.width, height: size.height });
  }
  return photos;
}

/**
 * The space region coordinates are in: the original's pixels. The store records the size of an
 * original's first page; a later page of a multi-page TIFF is taken as wide as the first with its
 * display copy's proportions, as the viewer draws its regions.
 */
function canvasSize(photo: ExportPhoto): { width: number; height: number } {
  if (photo.ref.page === 0) return { width: photo.record.width, height: photo.record.height };
  const width = photo.record.width;
  return { width, height: Math.max(1, Math.round((width * photo.height) / photo.width)) };
}

async function regionsOf(item: Item, repository: NotesRepository): Promise<RegionNote[]> {
  const regions: RegionNote[] = [];
  const seen = new Set<string>();
  for (const ref of item.photos) {
    const key = `${ref.sha256}/${ref.page}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = await repository.forTarget({
      kind: 'region',
      collectionId: PHOTOS_NOTE_COLLECTION,
      itemId: item.id,
      photo: ref.sha256,
      page: ref.page,
      selector: regionSelector({ shape: 'rectangle', x: 0, y: 0, width: 1, height: 1 }),
      transcription: '',
    });
    for (const note of notes) if (note.target.kind === 'region') regions.push(note as RegionNote);
  }
  return regions;
}

const both = (context: ExportContext, key: string, options?: Record<string, unknown>): Label => ({
  en: context.en(key, options),
  lt: context.lt(key, options),
});

const imagePath = (index: number): string => `images/${String(index + 1).padStart(3, '0')}.jpg`;

export async function exportIiif(item: Item, context: ExportContext): Promise<ExportFile> {
  const photos = await loadPhotos(item, context);
  const slug = exportSlug(item);
  const fields = Object.fromEntries(
    (['title', ...ITEM_FIELDS] as const).map((field) => [field, both(context, `photos.field.${field}`)]),
  ) as Record<(typeof ITEM_FIELDS)[number] | 'title', Label>;
  const manifest = buildIiifManifest({
    item,
    baseUrl: `${IIIF_SERVE_ROOT}${slug}/`,
    canvases: photos.map((photo, index) => ({
      photo: photo.ref,
      ...canvasSize(photo),
      image: { path: imagePath(index), format: 'image/jpeg', width: photo.width, height: photo.height },
    })),
    regions: await regionsOf(item, context.repository),
    citation: citeItem(item),
    labels: {
      fields,
      rights: both(context, 'photos.field.rights'),
      canvas: (n) => both(context, 'photoExport.canvas', { n }),
    },
  });
  const images: Zippable = {};
  // The JPEGs are stored, not deflated again: it would cost time and gain nothing.
  for (const [index, photo] of photos.entries())
    images[imagePath(index).slice('images/'.length)] = photo.jpeg;
  const bytes = zipSync(
    {
      [slug]: {
        'manifest.json': [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }],
        images,
      },
    },
    { level: 0 },
  );
  return { name: `${slug}-iiif.zip`, mimeType: 'application/zip', bytes };
}

export async function exportPdf(item: Item, context: ExportContext): Promise<ExportFile> {
  const { t } = context;
  const photos = await loadPhotos(item, context);
  const regions = await regionsOf(item, context.repository);
  // Loaded only when a PDF is made: pdf-lib, fontkit and the font are large and rarely needed.
  const [{ buildItemPdf }, font] = await Promise.all([import('@shared/photos/item-pdf'), loadFont(context)]);
  const description = [
    ...ITEM_FIELDS.map((field) => ({ label: t(`photos.field.${field}`), value: item.metadata[field] ?? '' })),
    ...item.fields.map((field) => ({ label: field.name, value: field.value })),
  ].filter((entry) => entry.value.trim() !== '');
  const bytes = await buildItemPdf({
    font,
    title: item.title || t('photos.item.untitled'),
    description,
    citation: { label: t('photoExport.citation'), value: citeItem(item) },
    photos: photos.map((photo, index) => {
      const citation = citeItem(item, index);
      const onPhoto = regions.filter(
        (note) => note.target.photo === photo.ref.sha256 && note.target.page === photo.ref.page,
      );
      return {
        caption: citation
          ? t('photoExport.caption', { n: index + 1, citation })
          : t('photoExport.canvas', { n: index + 1 }),
        jpeg: photo.jpeg,
        blocks: onPhoto.flatMap((note, position) => [
          ...(note.target.transcription.trim() !== ''
            ? [
                {
                  heading: t('photoExport.regionTranscription', { n: position + 1 }),
                  text: note.target.transcription,
                },
              ]
            : []),
          ...(note.body.trim() !== ''
            ? [{ heading: t('photoExport.regionNote', { n: position + 1 }), text: note.body }]
            : []),
        ]),
      };
    }),
    textHeading: (caption) => t('photoExport.textHeading', { caption }),
    language: context.language,
    creator: 'Atmintis',
  });
  return { name: `${exportSlug(item)}.pdf`, mimeType: 'application/pdf', bytes };
}

async function loadFont(context: ExportContext): Promise<Uint8Array> {
  const { default: url } = await import('../../../../resources/fonts/DejaVuSans.ttf?url');
  return (context.fetchBytes ?? fetchBytes)(url);
}
