import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';

type RecordInput = Partial<LoadedRecord> & Pick<LoadedRecord, 'id' | 'kind' | 'title'>;

export function record(input: RecordInput): LoadedRecord {
  return {
    labels: {},
    altNames: [],
    altDates: [],
    summary: `${input.title}.`,
    relations: [],
    claims: [],
    citations: [],
    earliest: null,
    latest: null,
    ...input,
  } as LoadedRecord;
}

/** A small hand-made collection: enough to test every field, filter and facet. */
export function smallCollection(): LoadedCollection {
  return {
    manifest: {
      formatVersion: 2,
      id: 'test',
      title: 'Test collection',
      version: '1.0.0',
      description: 'Fixture',
      languages: ['en'],
      license: 'CC0-1.0',
      compiledBy: 'tests',
      texts: [{ id: 'essay', title: 'An essay', file: 'texts/essay.md', language: 'en' }],
    },
    records: [
      record({
        id: 'op-vesna',
        kind: 'event',
        title: 'Operation Vesna (May 1948)',
        labels: { en: 'Operation Vesna', ru: 'Весна', lt: 'Pavasaris' },
        altNames: [{ name: 'Весна', lang: 'ru' }],
        summary: 'Deportation of [forest brothers](record:group-fb) and kulaks to Igarka.',
        date: '1948-05-22/1948-05-23',
        earliest: '1948-05-22',
        latest: '1948-05-23',
        relations: [{ type: 'destination', target: 'place-igarka' }],
        claims: [
          {
            id: 'c1',
            value: 40002,
            unit: 'people',
            counts: 'people deported',
            source: 'zemskov1991',
            status: 'sourced',
          },
        ],
        tags: ['operation'],
      }),
      record({
        id: 'place-igarka',
        kind: 'place',
        title: 'Igarka',
        altNames: [{ name: 'Игарка', lang: 'ru' }],
        summary: 'Port town on the Yenisei.',
        date: '1948',
        earliest: '1948-01-01',
        latest: '1948-12-31',
        coordinates: { lat: 67.46, lon: 86.57, status: 'unverified' },
      }),
      record({
        id: 'person-luksa',
        kind: 'person',
        title: 'Juozas Lukša',
        altNames: [{ name: 'Daumantas' }],
        summary: 'Partisan and writer.',
        claims: [
          {
            id: 'c2',
            value: 1,
            unit: 'books',
            counts: 'memoirs written',
            source: 'luksa1950',
            status: 'unverified',
          },
        ],
      }),
    ],
    bibliography: [
      {
        id: 'zemskov1991',
        type: 'article-journal',
        title: 'Masovoe osvobozhdenie',
        author: [{ family: 'Zemskov', given: 'V. N.' }],
        issued: { 'date-parts': [[1991]] },
      },
      {
        id: 'luksa1950',
        type: 'book',
        title: 'Partizanai už geležinės uždangos',
        author: [{ family: 'Lukša', given: 'Juozas' }],
        issued: { 'date-parts': [[1950]] },
      },
    ],
    texts: [
      {
        id: 'essay',
        title: 'An essay',
        language: 'en',
        markdown:
          '# An essay\n\nIntro about *memory*.\n\n## June 1941\n\nFirst wave.\n\nSecond paragraph on [Vesna](record:op-vesna).\n\n## Exile\n\nLife in Igarka.\n',
      },
    ],
    integrity: { findings: [] },
  };
}
