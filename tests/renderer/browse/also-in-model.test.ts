import { describe, expect, it } from 'vitest';
import type { Manifest } from '@shared/collection/schema';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import type { Decision } from '@shared/linkage/types';
import { buildAlsoIn, groupDecisions, splitLinkId } from '../../../src/renderer/src/browse/also-in-model';
import { record } from './fixtures';

/** Invented people in two invented lists (test data, not history). */
const person = (id: string, fields: Record<string, unknown>) =>
  record({ id, kind: 'person', summary: '', person: fields } as Partial<LoadedRecord> &
    Pick<LoadedRecord, 'id' | 'kind'>);

const list = (id: string, records: LoadedRecord[]): LoadedCollection => ({
  manifest: { id, title: `List ${id}` } as Manifest,
  records,
  bibliography: [],
  texts: [],
  integrity: { findings: [] } as unknown as LoadedCollection['integrity'],
});

const collections = new Map([
  [
    'orders',
    list('orders', [
      person('1', { surname: 'Testaitis', givenName: 'Jonas', birthDate: { text: '1901', edtf: '1901' } }),
      person('2', { surname: 'Testaitis', givenName: 'Petras' }),
    ]),
  ],
  [
    'echelon',
    list('echelon', [
      person('a/7', { surname: 'Тестайтис', givenName: 'Jonas', birthDate: { text: '1902' } }),
      person('8', { surname: 'Testaitis', givenName: 'Jonas', birthPlace: 'Kaunas' }),
    ]),
  ],
]);

const decision = (
  a: string,
  b: string,
  kind: Decision['decision'],
  updated = '2026-12-07T10:00:00.000Z',
) => ({
  a: a < b ? a : b,
  b: a < b ? b : a,
  decision: kind,
  score: 15,
  note: '',
  created: '2026-12-07T10:00:00.000Z',
  updated,
});

describe('"Also in" model', () => {
  it('splits link ids at the first slash (record ids may hold slashes)', () => {
    expect(splitLinkId('echelon/a/7')).toEqual({ collectionId: 'echelon', recordId: 'a/7' });
  });

  it('shows the whole transitive group, this record first, and the fields where sources differ', () => {
    const decisions = [
      decision('orders/1', 'echelon/a/7', 'same'),
      decision('echelon/a/7', 'echelon/8', 'same'),
    ];
    const model = buildAlsoIn('orders/1', decisions, collections);
    expect(model.members.map((m) => m.id)).toEqual(['orders/1', 'echelon/8', 'echelon/a/7']);
    expect(model.members[1]).toMatchObject({ collectionTitle: 'List echelon', recordId: '8' });
    expect(model.differences).toEqual([
      { field: 'surname', values: ['Testaitis', 'Testaitis', 'Тестайтис'] },
      { field: 'birthDate', values: ['1901', null, '1902'] },
      { field: 'birthPlace', values: [null, 'Kaunas', null] },
    ]);
    expect(model.contradictions).toEqual([]);
  });

  it('compares every person field (arrest, sentence, burial, rehabilitation), not where each list keeps it', () => {
    const two = new Map([
      [
        'x',
        list('x', [
          person('1', { surname: 'Testaitis', arrestDate: { text: '1945' }, charge: '58-1a', notes: 'a' }),
        ]),
      ],
      [
        'y',
        list('y', [
          person('1', {
            surname: 'Testaitis',
            arrestDate: { text: '1946' },
            burialPlace: 'Igarka',
            notes: 'b',
          }),
        ]),
      ],
    ]);
    const model = buildAlsoIn('x/1', [decision('x/1', 'y/1', 'same')], two);
    expect(model.differences).toEqual([
      { field: 'arrestDate', values: ['1945', '1946'] },
      { field: 'charge', values: ['58-1a', null] },
      { field: 'burialPlace', values: [null, 'Igarka'] },
    ]);
  });

  it('flags a "different" decision inside the group, naming both records', () => {
    const decisions = [
      decision('orders/1', 'echelon/a/7', 'same'),
      decision('echelon/a/7', 'echelon/8', 'same'),
      decision('orders/1', 'echelon/8', 'different'),
    ];
    const model = buildAlsoIn('echelon/8', decisions, collections);
    expect(model.members).toHaveLength(3);
    expect(model.contradictions.map(({ a, b }) => [a.id, b.id])).toEqual([['echelon/8', 'orders/1']]);
    expect(model.notSame).toEqual([]);
  });

  it('lists "not the same" and "not sure" decisions apart, and names a record that is gone by id', () => {
    const decisions = [
      decision('orders/1', 'orders/2', 'different'),
      decision('orders/1', 'removed/9', 'unsure'),
    ];
    const model = buildAlsoIn('orders/1', decisions, collections);
    expect(model.members.map((m) => m.id)).toEqual(['orders/1']);
    expect(model.differences).toEqual([]);
    expect(model.notSame.map((m) => m.id)).toEqual(['orders/2']);
    expect(model.unsure).toEqual([{ id: 'removed/9', collectionId: 'removed', recordId: '9' }]);
  });

  it('uses the latest decision of a pair: a link undone by a later "different" no longer groups', () => {
    const decisions = [decision('orders/1', 'echelon/8', 'different', '2026-12-07T11:00:00.000Z')];
    const model = buildAlsoIn('orders/1', decisions, collections);
    expect(model.members).toHaveLength(1);
    expect(model.notSame.map((m) => m.id)).toEqual(['echelon/8']);
  });

  it('gathers the decisions of the whole group by following "same" links', async () => {
    const all = [
      decision('orders/1', 'echelon/a/7', 'same'),
      decision('echelon/a/7', 'echelon/8', 'same'),
      decision('orders/1', 'echelon/8', 'different'),
      decision('orders/2', 'echelon/8', 'different'),
      decision('orders/2', 'x/1', 'same'),
    ];
    const forRecord = async (id: string) => all.filter((d) => d.a === id || d.b === id);
    const found = await groupDecisions('orders/1', forRecord);
    expect(found.map((d) => `${d.a}+${d.b}`).sort()).toEqual([
      'echelon/8+echelon/a/7',
      'echelon/8+orders/1',
      'echelon/8+orders/2',
      'echelon/a/7+orders/1',
    ]);
  });
});
