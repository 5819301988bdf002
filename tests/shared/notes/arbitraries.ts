/** fast-check generators of valid notes: every target kind, Unicode everywhere, long bodies. */
import fc from 'fast-check';
import { HIGHLIGHT_COLOURS, type Note, type NoteTarget } from '@shared/notes/model';
import { PHOTOS_NOTE_COLLECTION, regionSelector } from '@shared/notes/region';

const MIN = Date.parse('2000-01-01T00:00:00Z');
const MAX = Date.parse('2099-12-31T23:59:59Z');

const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms).toISOString());
/** Pixel coordinates as stored (two decimals). */
const coordinate = fc.integer({ min: 0, max: 5_000_000 }).map((hundredths) => hundredths / 100);
const itemId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,40}$/);
/** Any Unicode text, astral planes included; "binary" also yields lone surrogates. */
const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }));

const target: fc.Arbitrary<NoteTarget> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), collectionId: itemId, recordId: itemId }),
  fc.record({ kind: fc.constant('bibliography' as const), collectionId: itemId, entryId: itemId }),
  fc.record({ kind: fc.constant('collection' as const), collectionId: itemId }),
  fc
    .record({
      collectionId: itemId,
      textId: itemId,
      exact: anyText(200).filter((s) => s.length > 0),
      prefix: anyText(32),
      suffix: anyText(32),
      start: fc.nat(1_000_000),
    })
    .map(({ collectionId, textId, exact, prefix, suffix, start }) => ({
      kind: 'passage' as const,
      collectionId,
      textId,
      selectors: [
        { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
        { type: 'TextPositionSelector' as const, start, end: start + exact.length },
      ] as [
        { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
        { type: 'TextPositionSelector'; start: number; end: number },
      ],
    })),
  fc
    .record({
      itemId,
      photo: fc.stringMatching(/^[0-9a-f]{64}$/),
      page: fc.nat(5000),
      geometry: fc.oneof(
        fc
          .record({ x: coordinate, y: coordinate, width: coordinate, height: coordinate })
          .filter(({ width, height }) => width > 0 && height > 0)
          .map((box) => ({ shape: 'rectangle' as const, ...box })),
        fc
          .uniqueArray(fc.tuple(coordinate, coordinate), {
            minLength: 3,
            maxLength: 12,
            selector: ([x, y]) => `${x},${y}`,
          })
          .map((points) => ({ shape: 'polygon' as const, points })),
      ),
      transcription: anyText(200),
    })
    .map(({ itemId: item, photo, page, geometry, transcription }): NoteTarget => ({
      kind: 'region' as const,
      collectionId: PHOTOS_NOTE_COLLECTION,
      itemId: item,
      photo,
      page,
      selector: regionSelector(geometry),
      transcription,
    })),
);

export const noteArbitrary: fc.Arbitrary<Note> = fc
  .record({
    id: fc.uuid(),
    target,
    body: fc.oneof(
      { weight: 4, arbitrary: anyText(500) },
      { weight: 1, arbitrary: anyText(200).map((s) => s.repeat(200)) },
    ),
    tags: fc.uniqueArray(
      anyText(30).filter((s) => s.length > 0),
      { maxLength: 6 },
    ),
    colour: fc.constantFrom(null, ...HIGHLIGHT_COLOURS),
    created: instant,
    updated: instant,
    deleted: fc.option(instant, { nil: null }),
  })
  .map(({ created, updated, deleted, ...rest }) => {
    const [createdAt, updatedAt] = created <= updated ? [created, updated] : [updated, created];
    return { ...rest, createdAt, updatedAt, deletedAt: deleted };
  });

export const notesArbitrary = fc.uniqueArray(noteArbitrary, { selector: (note) => note.id, maxLength: 25 });

export function sampleNote(overrides: Partial<Note> = {}): Note {
  return {
    id: '0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d',
    target: { kind: 'record', collectionId: 'lt-deportations-1940-1953', recordId: 'op-vesna' },
    body: 'Check the **1948** figures against Zemskov.',
    tags: ['figures'],
    colour: null,
    createdAt: '2026-11-28T18:00:00.000Z',
    updatedAt: '2026-11-28T18:05:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

/** The value, or a test failure saying what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
