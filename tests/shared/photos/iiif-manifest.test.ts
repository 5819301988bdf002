import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Note, RegionTarget } from '@shared/notes/model';
import { regionSelector } from '@shared/notes/region';
import { buildIiifManifest, type IiifManifestInput } from '@shared/photos/iiif-manifest';
import type { Item } from '@shared/photos/item';

// The official IIIF Presentation 3 schema, vendored with its source in tests/fixtures/iiif/README.md.
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/iiif/iiif_3_0.json'), 'utf8'),
) as object;
// strict: false — the published schema has keys ajv's strict mode refuses (e.g. "type:" typos).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk a JSON document
type Json = any;

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

const item: Item = {
  id: 'item-1',
  template: 'archival-file',
  title: 'Tremtinių byla',
  metadata: {
    archive: 'Archyvas',
    fond: 'K-1',
    opis: '58',
    delo: '100',
    sheets: '12–13',
    date: '1949-03',
    rights: 'http://rightsstatements.org/vocab/InC/1.0/',
  },
  fields: [{ name: 'Pastaba', value: 'Ištrauka' }],
  photos: [
    { sha256: A, page: 0 },
    { sha256: B, page: 0 },
  ],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function region(
  id: string,
  photo: string,
  target: Partial<RegionTarget>,
  body = '',
): Note & { target: RegionTarget } {
  return {
    id,
    target: {
      kind: 'region',
      collectionId: 'user-photos',
      itemId: item.id,
      photo,
      page: 0,
      selector: regionSelector({ shape: 'rectangle', x: 10.25, y: 20.5, width: 300, height: 40.1 }),
      transcription: '',
      ...target,
    },
    body,
    tags: [],
    colour: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
    deletedAt: null,
  };
}

const input = (overrides: Partial<IiifManifestInput> = {}): IiifManifestInput => ({
  item,
  baseUrl: 'http://localhost:8000/item-1/',
  canvases: item.photos.map((photo, index) => ({
    photo,
    width: 4000,
    height: 3000,
    image: { path: `images/${index + 1}.jpg`, format: 'image/jpeg', width: 2000, height: 1500 },
  })),
  regions: [
    region('r1', A, { transcription: 'Vardas Pavardė' }, 'a comment'),
    region('r2', B, {
      selector: regionSelector({
        shape: 'polygon',
        points: [
          [0, 0],
          [100, 0],
          [50, 80],
        ],
      }),
      transcription: 'Фамилия',
    }),
  ],
  citation: 'Archyvas, f. K-1, ap. 58, b. 100, l. 12–13',
  labels: {
    fields: {
      title: { en: 'Title', lt: 'Pavadinimas' },
      archive: { en: 'Archive', lt: 'Archyvas' },
      fond: { en: 'Fond', lt: 'Fondas' },
      opis: { en: 'Opis', lt: 'Apyrašas' },
      delo: { en: 'Delo', lt: 'Byla' },
      sheets: { en: 'Sheets', lt: 'Lapai' },
      date: { en: 'Date', lt: 'Data' },
      language: { en: 'Language', lt: 'Kalba' },
      creator: { en: 'Creator', lt: 'Autorius' },
      rights: { en: 'Rights', lt: 'Teisės' },
    },
    rights: { en: 'Rights', lt: 'Teisės' },
    canvas: (n) => ({ en: `Photo ${n}`, lt: `Nuotrauka ${n}` }),
  },
  ...overrides,
});

describe('IIIF Presentation 3 manifest of an item', () => {
  it('is valid against the official IIIF Presentation 3 schema', () => {
    const manifest = buildIiifManifest(input());
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has one canvas per photo, painted with the exported image, and the metadata in en and lt', () => {
    const manifest = buildIiifManifest(input()) as Json;
    expect(manifest.items).toHaveLength(2);
    const [first] = manifest.items;
    expect(first).toMatchObject({ type: 'Canvas', width: 4000, height: 3000 });
    expect(first.items[0].items[0]).toMatchObject({
      motivation: 'painting',
      body: { id: 'http://localhost:8000/item-1/images/1.jpg', type: 'Image', format: 'image/jpeg' },
      target: first.id,
    });
    expect(manifest.metadata).toContainEqual({
      label: { en: ['Fond'], lt: ['Fondas'] },
      value: { none: ['K-1'] },
    });
    expect(manifest.metadata).toContainEqual({ label: { none: ['Pastaba'] }, value: { none: ['Ištrauka'] } });
    expect(manifest.summary).toEqual({ none: ['Archyvas, f. K-1, ap. 58, b. 100, l. 12–13'] });
    expect(manifest.requiredStatement.value).toEqual({ none: [item.metadata.rights] });
    expect(manifest.rights).toBe('http://rightsstatements.org/vocab/InC/1.0/');
  });

  it('puts region notes on their canvas: a rectangle as #xywh= (widened to whole pixels), a polygon as SvgSelector', () => {
    const manifest = buildIiifManifest(input()) as Json;
    const rect = manifest.items[0].annotations[0].items[0];
    expect(rect.target).toBe(`${manifest.items[0].id}#xywh=10,20,301,41`);
    expect(rect.canonical).toBe('urn:uuid:r1');
    expect(rect.body).toContainEqual(
      expect.objectContaining({ purpose: 'transcribing', value: 'Vardas Pavardė' }),
    );
    const polygon = manifest.items[1].annotations[0].items[0];
    expect(polygon.target).toEqual({
      type: 'SpecificResource',
      source: manifest.items[1].id,
      selector: {
        type: 'SvgSelector',
        value: expect.stringContaining('<polygon points="0,0 100,0 50,80"/>'),
      },
    });
  });

  it('leaves free-text rights out of `rights` (kept in requiredStatement) and still validates', () => {
    const manifest = buildIiifManifest(
      input({
        item: { ...item, metadata: { ...item.metadata, rights: 'Archyvo leidimas nr. 5' } },
        regions: [],
      }),
    ) as Json;
    expect(manifest.rights).toBeUndefined();
    expect(manifest.requiredStatement.value).toEqual({ none: ['Archyvo leidimas nr. 5'] });
    expect(manifest.items[0].annotations).toBeUndefined();
    expect(validate(manifest)).toBe(true);
  });

  it('a deliberately broken manifest fails the schema', () => {
    const manifest = buildIiifManifest(input()) as Json;
    const noId = { ...manifest, id: 'manifest.json' };
    expect(validate(noId)).toBe(false);
    const badCanvas = structuredClone(manifest);
    delete badCanvas.items[0].height;
    badCanvas.items[0].label = 'Photo 1';
    expect(validate(badCanvas)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('/items/0');
  });

  it('refuses a base address that is not an http(s) folder URL', () => {
    expect(() => buildIiifManifest(input({ baseUrl: 'file:///tmp/item/' }))).toThrow(
      /must be an http\(s\) URL/,
    );
    expect(() => buildIiifManifest(input({ baseUrl: 'http://localhost:8000/item' }))).toThrow(
      /ending in "\/"/,
    );
  });
});
