import type { LoadedCollection } from '@shared/collection/model';

/** A collection of one place, Igarka (also known by its Cyrillic name), for the search worker tests. */
export function igarkaCollection(id = 'c'): LoadedCollection {
  return {
    manifest: {
      formatVersion: 2,
      id,
      title: 'C',
      version: '1.0.0',
      description: 'd',
      languages: ['en'],
      license: 'l',
      compiledBy: 'x',
      texts: [],
    },
    records: [
      {
        id: 'place-igarka',
        kind: 'place',
        title: 'Igarka',
        labels: {},
        altNames: [{ name: 'Игарка' }],
        altDates: [],
        summary: 'Port.',
        relations: [],
        claims: [],
        citations: [],
        earliest: null,
        latest: null,
      },
    ],
    bibliography: [],
    texts: [],
    integrity: { findings: [] },
  } as LoadedCollection;
}
