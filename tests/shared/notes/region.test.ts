import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '@shared/notes/backup';
import { highlightsToJsonLd, noteToMarkdown, notesToCsv } from '@shared/notes/export';
import { targetKey, type Note, type RegionTarget } from '@shared/notes/model';
import {
  MEDIA_FRAGMENTS,
  parseRegionSelector,
  PHOTOS_NOTE_COLLECTION,
  regionBounds,
  regionNotePath,
  regionSelector,
  type RegionGeometry,
} from '@shared/notes/region';
import { annotationToRegionNote, regionNoteToAnnotation } from '@shared/notes/region-annotation';
import { describeTarget } from '@shared/notes/targets';
import { noteDocument } from '@shared/search/note-documents';
import { must, sampleNote } from './arbitraries';

const SHA = 'ab'.repeat(32);

function regionNote(
  target: Partial<RegionTarget> = {},
  note: Partial<Note> = {},
): Note & { target: RegionTarget } {
  return {
    ...sampleNote({
      id: '5d1c0a4e-1111-4000-8000-000000000001',
      body: 'Stamp of the **NKVD** office?',
      tags: ['stamp'],
    }),
    ...note,
    target: {
      kind: 'region',
      collectionId: PHOTOS_NOTE_COLLECTION,
      itemId: 'item-1',
      photo: SHA,
      page: 0,
      selector: regionSelector({ shape: 'rectangle', x: 10, y: 20.5, width: 300, height: 40 }),
      transcription: 'Вильнюс, 1948',
      ...target,
    },
  };
}

const describe_ = (note: Note) => describeTarget(note.target, undefined);

describe('region selectors', () => {
  it('writes rectangles as Media Fragments and polygons as one SVG polygon, and reads them back', () => {
    const rect = regionSelector({ shape: 'rectangle', x: 10, y: 20.5, width: 300, height: 40 });
    expect(rect).toEqual({
      type: 'FragmentSelector',
      conformsTo: MEDIA_FRAGMENTS,
      value: 'xywh=pixel:10,20.5,300,40',
    });
    const polygon = regionSelector({
      shape: 'polygon',
      points: [
        [0, 0],
        [100, 0.25],
        [50, 80],
      ],
    });
    expect(polygon.value).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="0,0 100,0.25 50,80"/></svg>',
    );
    expect(parseRegionSelector(polygon)).toEqual({
      ok: true,
      geometry: {
        shape: 'polygon',
        points: [
          [0, 0],
          [100, 0.25],
          [50, 80],
        ],
      },
    });
  });

  it('round-trips any geometry at two decimals', () => {
    const coordinate = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);
    const geometry: fc.Arbitrary<RegionGeometry> = fc.oneof(
      fc
        .record({
          x: coordinate,
          y: coordinate,
          width: coordinate.filter((n) => n > 0),
          height: coordinate.filter((n) => n > 0),
        })
        .map((box) => ({ shape: 'rectangle' as const, ...box })),
      fc
        .uniqueArray(fc.tuple(coordinate, coordinate), {
          minLength: 3,
          maxLength: 30,
          selector: ([x, y]) => `${x},${y}`,
        })
        .map((points) => ({ shape: 'polygon' as const, points })),
    );
    fc.assert(
      fc.property(geometry, (shape) => {
        expect(parseRegionSelector(regionSelector(shape))).toEqual({ ok: true, geometry: shape });
      }),
    );
  });

  it('reads the plain `xywh=` form (pixels by default) and single-quoted SVG written by other tools', () => {
    expect(
      parseRegionSelector({ type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'xywh=1,2,3,4' }),
    ).toMatchObject({ ok: true, geometry: { x: 1, y: 2, width: 3, height: 4 } });
    expect(
      parseRegionSelector({
        type: 'SvgSelector',
        value: "<svg><polygon points='1,1 5,1 5,5'></polygon></svg>",
      }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [
      { type: 'FragmentSelector', value: 'xywh=pixel:1,2,3,4' },
      /conformsTo must be "http:\/\/www.w3.org\/TR\/media-frags\/"/,
    ],
    [
      { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'xywh=percent:1,2,3,4' },
      /is in percent; only pixel regions/,
    ],
    [{ type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'xywh=pixel:1,2,0,4' }, /has no area/],
    [
      { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'xywh=pixel:-1,2,3,4' },
      /is not a region "xywh=pixel:x,y,width,height"/,
    ],
    [{ type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 't=10,20' }, /is not a region/],
    [
      { type: 'SvgSelector', value: '<svg><circle cx="1" cy="1" r="4"/></svg>' },
      /single <polygon points="…"\/> \(other SVG shapes are not supported\)/,
    ],
    [{ type: 'SvgSelector', value: '<svg><polygon points="1,1 2,2"/></svg>' }, /at least 3 different points/],
    [
      { type: 'SvgSelector', value: '<svg><polygon points="1,1 2,x 3,3"/></svg>' },
      /point 2 \("2,x"\) is not "x,y"/,
    ],
    [
      { type: 'SvgSelector', value: '<svg><polygon points="1,1 2,2 3,3" onload="x()"/></svg>' },
      /single <polygon/,
    ],
    [{ type: 'TextQuoteSelector', exact: 'x' }, /"value" must be a string/],
    [{ type: 'PointSelector', value: 'x' }, /selector type "PointSelector" is not supported on photos/],
    ['xywh=1,2,3,4', /must be an object/],
  ])('refuses %j with a message saying what is wrong', (selector, message) => {
    const parsed = parseRegionSelector(selector);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it('bounds polygons for cropping and zooming', () => {
    expect(
      regionBounds({
        shape: 'polygon',
        points: [
          [10, 50],
          [40, 20],
          [30, 90],
        ],
      }),
    ).toEqual({ x: 10, y: 20, width: 30, height: 70 });
  });
});

describe('region notes as W3C Web Annotations', () => {
  it('maps note, tags and transcription to bodies and the region to the photo target, and back', () => {
    const note = regionNote({}, { colour: 'blue' });
    const annotation = regionNoteToAnnotation(note);
    expect(annotation).toMatchObject({
      id: `urn:uuid:${note.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      target: {
        source: `atmintis:photo/${SHA}`,
        selector: {
          type: 'FragmentSelector',
          conformsTo: MEDIA_FRAGMENTS,
          value: 'xywh=pixel:10,20.5,300,40',
        },
      },
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: note.body },
        { type: 'TextualBody', purpose: 'tagging', value: 'stamp' },
        { type: 'TextualBody', purpose: 'transcribing', value: 'Вильнюс, 1948' },
      ],
    });
    expect(annotationToRegionNote(JSON.parse(JSON.stringify(annotation)))).toEqual({ ok: true, note });
  });

  it('round-trips polygons and empty notes', () => {
    const note = regionNote(
      {
        selector: regionSelector({
          shape: 'polygon',
          points: [
            [1, 1],
            [9, 1],
            [5, 7],
          ],
        }),
        transcription: '',
      },
      { body: '', tags: [] },
    );
    const annotation = regionNoteToAnnotation(note);
    expect(annotation.motivation).toBe('highlighting');
    expect(annotation.body).toBeUndefined();
    expect(annotationToRegionNote(annotation)).toEqual({ ok: true, note });
  });

  it('refuses annotations it cannot keep whole, naming the field', () => {
    const good = regionNoteToAnnotation(regionNote());
    const cases: Array<[unknown, RegExp]> = [
      [
        { ...good, target: { ...good.target, source: 'http://example.org/img.jpg' } },
        /target.source: must be "atmintis:photo\/<sha256>"/,
      ],
      [
        { ...good, target: { ...good.target, selector: { type: 'SvgSelector', value: '<svg/>' } } },
        /target.selector: SvgSelector: .* is not one <svg>/,
      ],
      [{ ...good, id: 'note-1' }, /^id: must be "urn:uuid:<note id>"/],
      [{ ...good, body: { type: 'Image', id: 'x' } }, /body\[0\]: only TextualBody/],
      [
        { ...good, body: { type: 'TextualBody', value: 'x', purpose: 'editing' } },
        /body\[0\].purpose: "editing" is not supported/,
      ],
      [{ ...good, 'atmintis:item': undefined }, /atmintis:item: missing/],
    ];
    for (const [annotation, message] of cases) {
      const read = annotationToRegionNote(annotation);
      expect(read.ok ? 'accepted' : read.error).toMatch(message);
    }
    expect(annotationToRegionNote({ ...good, 'atmintis:item': undefined }, 'item-9')).toMatchObject({
      ok: true,
      note: { target: { itemId: 'item-9' } },
    });
  });
});

describe('region notes in backups, exports and search', () => {
  it('back up and restore', () => {
    const note = regionNote();
    const parsed = parseBackup(serializeBackup([note], new Date('2026-12-07T22:00:00Z')));
    expect(parsed).toEqual({ ok: true, backup: expect.objectContaining({ notes: [note] }) as unknown });
  });

  it('refuses a backup with a broken region, naming the note and the field', () => {
    const broken = regionNote({
      selector: { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: 'xywh=pixel:1,1,0,0' },
    });
    const parsed = parseBackup(serializeBackup([broken], new Date()));
    expect(parsed.ok ? '' : parsed.error).toMatch(
      /notes\[0\] \(id "5d1c0a4e-[^"]+"\) › target.selector: FragmentSelector: .* has no area/,
    );
    const badPhoto = regionNote({ photo: 'not-a-hash' });
    const second = parseBackup(serializeBackup([badPhoto], new Date()));
    expect(second.ok ? '' : second.error).toMatch(/target.photo: must be a sha256/);
  });

  it('share one target key per photo, open the photo with the region selected, and are searched by transcription', () => {
    const note = regionNote();
    expect(targetKey(note.target)).toBe(`photo/${SHA}/0`);
    const third = regionNote({ page: 2 });
    expect(targetKey(third.target)).toBe(`photo/${SHA}/2`);
    expect(regionNoteToAnnotation(third).target.source).toBe(`atmintis:photo/${SHA}/page/2`);
    expect(noteDocument(third).path).toBe(`/items/item-1/photos/${SHA}/region/${third.id}?page=2`);
    expect(annotationToRegionNote(regionNoteToAnnotation(third))).toEqual({ ok: true, note: third });
    const document = noteDocument(note);
    expect(document.path).toBe(regionNotePath('item-1', SHA, 0, note.id));
    expect(document.path).toBe(`/items/item-1/photos/${SHA}/region/${note.id}`);
    expect(document.fields['body']).toEqual([note.body, 'Вильнюс, 1948']);
    expect(document.fields['tags']).toEqual(['stamp']);
  });

  it('export to Markdown, CSV and JSON-LD with the photo, the region and the transcription', () => {
    const note = regionNote();
    const markdown = noteToMarkdown(note, describe_(note));
    expect(markdown).toContain(`photo: ${SHA}`);
    expect(markdown).toContain('selector: xywh=pixel:10,20.5,300,40');
    expect(markdown).toContain('> Вильнюс, 1948\n\nStamp of the **NKVD** office?');
    const csv = notesToCsv([note], describe_);
    expect(csv).toContain(`region,${PHOTOS_NOTE_COLLECTION},${SHA}`);
    expect(csv).toContain('"Вильнюс, 1948"');
    const jsonLd = JSON.parse(highlightsToJsonLd([note], describe_, new Date('2026-12-07T22:00:00Z'))) as {
      first: { items: unknown[] };
    };
    expect(must(jsonLd.first.items[0])).toEqual(JSON.parse(JSON.stringify(regionNoteToAnnotation(note))));
  });
});
