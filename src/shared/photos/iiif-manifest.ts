/**
 * An item as a IIIF Presentation 3 manifest (https://iiif.io/api/presentation/3.0/): one Canvas per
 * photo, painted with the photo's display copy, the item's description as `metadata`, and its region
 * notes as W3C annotations on the canvases. Pure: the caller gives the sizes, the image file names and
 * the labels in each language, so viewers such as Mirador can read the export without Atmintis.
 *
 * Every `id` is an http(s) URI under `baseUrl` (the Presentation API and its schema require it): the
 * export folder is meant to be served from that address, and the images are named relative to it.
 */
import type { Note, RegionTarget } from '../notes/model';
import { parseRegionSelector, regionBounds } from '../notes/region';
import { regionNoteToAnnotation } from '../notes/region-annotation';
import { ITEM_FIELDS, type Item, type ItemField } from './item';
import type { PhotoRef } from './model';

export const IIIF_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** A IIIF language map: `none` for the user's own text, whose language we do not know. */
export type LanguageMap = Partial<Record<'en' | 'lt' | 'none', string[]>>;

/** A label in the interface languages, English always. */
export interface Label {
  en: string;
  lt?: string;
}

export interface IiifCanvasInput {
  photo: PhotoRef;
  /** The canvas: the original's pixel size, the space region coordinates are in. */
  width: number;
  height: number;
  /** The painted image: its path relative to the manifest, its media type and pixel size. */
  image: { path: string; format: string; width: number; height: number };
}

export interface IiifManifestInput {
  item: Item;
  /** Where the export folder is served from: http(s), ending in "/". */
  baseUrl: string;
  canvases: IiifCanvasInput[];
  /** Live region notes of the item's photos (others are ignored). */
  regions: ReadonlyArray<Note & { target: RegionTarget }>;
  /** The item's archival citation, used as the summary. */
  citation: string;
  labels: {
    fields: Record<ItemField | 'title', Label>;
    rights: Label;
    /** A canvas' label, from its 1-based position. */
    canvas(position: number): Label;
  };
}

export type IiifResource = Record<string, unknown>;

const toMap = (label: Label): LanguageMap => ({
  en: [label.en],
  ...(label.lt ? { lt: [label.lt] } : {}),
});
const none = (value: string): LanguageMap => ({ none: [value] });

/** The rights URIs IIIF's `rights` property takes (always http, as the specification says). */
const RIGHTS_URI =
  /^https?:\/\/(creativecommons\.org\/(licenses|publicdomain)\/|rightsstatements\.org\/vocab\/)\S+$/;

export function buildIiifManifest(input: IiifManifestInput): IiifResource {
  const { item, baseUrl, labels } = input;
  if (!/^https?:\/\/[^\s]+\/$/.test(baseUrl)) {
    throw new Error(`IIIF base address ${JSON.stringify(baseUrl)} must be an http(s) URL ending in "/"`);
  }
  const metadata: IiifResource[] = [];
  if (item.title) metadata.push({ label: toMap(labels.fields.title), value: none(item.title) });
  for (const field of ITEM_FIELDS) {
    const value = item.metadata[field]?.trim();
    if (value) metadata.push({ label: toMap(labels.fields[field]), value: none(value) });
  }
  for (const free of item.fields) {
    if (free.value.trim() !== '') metadata.push({ label: none(free.name), value: none(free.value) });
  }
  const rights = item.metadata.rights?.trim();
  const manifest: IiifResource = {
    '@context': IIIF_CONTEXT,
    id: `${baseUrl}manifest.json`,
    type: 'Manifest',
    label: none(item.title || input.citation || item.id),
    ...(input.citation ? { summary: none(input.citation) } : {}),
    metadata,
    ...(rights ? { requiredStatement: { label: toMap(labels.rights), value: none(rights) } } : {}),
    ...(rights && RIGHTS_URI.test(rights) ? { rights: rights.replace(/^https:/, 'http:') } : {}),
    items: input.canvases.map((canvas, index) => buildCanvas(input, canvas, index)),
  };
  return manifest;
}

function buildCanvas(input: IiifManifestInput, canvas: IiifCanvasInput, index: number): IiifResource {
  const canvasId = `${input.baseUrl}canvas/${index + 1}`;
  const { photo } = canvas;
  const regions = input.regions.filter(
    (note) =>
      note.deletedAt === null && note.target.photo === photo.sha256 && note.target.page === photo.page,
  );
  return {
    id: canvasId,
    type: 'Canvas',
    label: toMap(input.labels.canvas(index + 1)),
    width: canvas.width,
    height: canvas.height,
    items: [
      {
        id: `${canvasId}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${canvasId}/page/image`,
            type: 'Annotation',
            motivation: 'painting',
            body: {
              id: new URL(canvas.image.path, input.baseUrl).href,
              type: 'Image',
              format: canvas.image.format,
              width: canvas.image.width,
              height: canvas.image.height,
            },
            target: canvasId,
          },
        ],
      },
    ],
    ...(regions.length > 0
      ? {
          annotations: [
            {
              id: `${canvasId}/regions`,
              type: 'AnnotationPage',
              items: regions.map((note) => regionAnnotation(input.baseUrl, canvasId, note)),
            },
          ],
        }
      : {}),
  };
}

/**
 * A region note on its canvas. A rectangle targets `canvas#xywh=` in whole pixels, widened outwards
 * (stored coordinates have two decimals; media fragments take integers), so it still covers what was
 * drawn; a polygon targets the canvas with its SvgSelector. The note's own id is kept as `canonical`.
 */
function regionAnnotation(
  baseUrl: string,
  canvasId: string,
  note: Note & { target: RegionTarget },
): IiifResource {
  const w3c = regionNoteToAnnotation(note);
  const parsed = parseRegionSelector(note.target.selector);
  if (!parsed.ok) throw new Error(`region note ${note.id}: ${parsed.error}`);
  let target: unknown;
  if (parsed.geometry.shape === 'rectangle') {
    const box = regionBounds(parsed.geometry);
    const x = Math.floor(box.x);
    const y = Math.floor(box.y);
    const width = Math.max(1, Math.ceil(box.x + box.width) - x);
    const height = Math.max(1, Math.ceil(box.y + box.height) - y);
    target = `${canvasId}#xywh=${x},${y},${width},${height}`;
  } else {
    target = {
      type: 'SpecificResource',
      source: canvasId,
      selector: { type: 'SvgSelector', value: note.target.selector.value },
    };
  }
  return {
    id: `${baseUrl}annotations/${encodeURIComponent(note.id)}`,
    type: 'Annotation',
    motivation: w3c.motivation,
    created: w3c.created,
    modified: w3c.modified,
    canonical: w3c.id,
    ...(w3c.body ? { body: w3c.body } : {}),
    target,
  };
}
