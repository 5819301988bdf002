import { describe, expect, it } from 'vitest';
import { importDelimitedText } from '../../../src/shared/import/csv-import';
import {
  columnMappingSchema,
  suggestMapping,
  type ColumnMappingInput,
} from '../../../src/shared/import/mapping';
import type { PersonRecord } from '../../../src/shared/collection/schema';

function run(text: string, mapping: ColumnMappingInput, delimiter: ',' | ';' = ',') {
  const records: PersonRecord[] = [];
  const result = importDelimitedText(text, {
    delimiter,
    header: true,
    file: 'r.csv',
    mapping: columnMappingSchema.parse(mapping),
    onBatch: (batch) => void records.push(...batch),
  });
  return { ...result, list: records };
}

const CSV =
  'Name,Cyrillic,Born,District,Date\nOna Kazlauskienė,Она Казлаускене,1901,Kaunas,14.06.1941\nJonas Petraitis,,1899,Utena,1941-06\n';
const MAPPING = {
  name: ['Name'],
  altNames: ['Cyrillic'],
  birthYear: 'Born',
  district: 'District',
  date: 'Date',
};

describe('suggestMapping', () => {
  it('recognises English, Lithuanian and Russian column names', () => {
    expect(
      suggestMapping([
        'ID',
        'Name',
        'Cyrillic spelling',
        'Birth year',
        'District',
        'Operation',
        'Destination',
        'Date',
      ]),
    ).toEqual({
      id: 'ID',
      name: ['Name'],
      altNames: ['Cyrillic spelling'],
      birthYear: 'Birth year',
      district: 'District',
      operation: 'Operation',
      destination: 'Destination',
      date: 'Date',
    });
    expect(suggestMapping(['Vardas, pavardė', 'Gimimo metai', 'Apskritis', 'Pastabos'])).toMatchObject({
      name: ['Vardas, pavardė'],
      birthYear: 'Gimimo metai',
      district: 'Apskritis',
      notes: 'Pastabos',
    });
    expect(suggestMapping(['ФИО', 'Год рождения', 'Уезд'])).toMatchObject({
      name: ['ФИО'],
      birthYear: 'Год рождения',
      district: 'Уезд',
    });
  });
});

describe('rows to person records', () => {
  it('maps every field and restates the row in the summary without adding to it', () => {
    const { list, errors, records } = run(CSV, MAPPING);
    expect(errors).toEqual([]);
    expect(records).toBe(2);
    expect(list[0]).toMatchObject({
      kind: 'person',
      title: 'Ona Kazlauskienė',
      altNames: [{ name: 'Она Казлаускене' }],
      date: '1941-06-14',
      summary: 'Born 1901. District: Kaunas. Date: 1941-06-14.',
    });
    expect(list[1]).toMatchObject({ title: 'Jonas Petraitis', altNames: [], date: '1941-06' });
  });

  it('gives the same ids when the file is re-imported with rows reordered and added', () => {
    const first = run(CSV, MAPPING).list.map((r) => [r.title, r.id]);
    const [header, a, b] = CSV.trim().split('\n');
    const again = run(`${header}\nPetras Naujas,,1910,Alytus,\n${b}\n${a}\n`, MAPPING).list;
    const ids = new Map(again.map((r) => [r.title, r.id]));
    for (const [title, id] of first) expect(ids.get(title as string)).toBe(id);
    expect(new Set(again.map((r) => r.id)).size).toBe(3);
  });

  it('takes ids from a mapped id column', () => {
    const { list } = run('Nr,Name\nLT-0001,Ona\nLT 0002,Jonas\n', { id: 'Nr', name: ['Name'] });
    expect(list.map((r) => r.id)).toEqual(['p-lt-0001', 'p-lt-0002']);
  });

  it('reports a missing required column by name and imports nothing', () => {
    const { errors, list } = run(CSV, { ...MAPPING, birthYear: 'Gimimo metai' });
    expect(list).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'r.csv',
        row: 1,
        column: 'Gimimo metai',
        reason: expect.stringMatching(
          /^missing required column: .*no such column \(columns: Name, Cyrillic, Born, District, Date\)$/,
        ),
      },
    ]);
  });

  it('names the row and column of every bad cell and hands on no records at all', () => {
    const text = 'Name,Born,Date\nOna,1901,1941-06-14\n,1902,\nJonas,19o5,\nPetras,1900,31.02.1941\n';
    const { errors, list } = run(text, { name: ['Name'], birthYear: 'Born', date: 'Date' });
    expect(list).toEqual([]);
    expect(errors).toEqual([
      { file: 'r.csv', row: 3, column: 'Name', reason: 'the name is empty' },
      {
        file: 'r.csv',
        row: 4,
        column: 'Born',
        reason: '"19o5" is not a birth year (expected four digits, e.g. 1905)',
      },
      { file: 'r.csv', row: 5, column: 'Date', reason: expect.stringMatching(/^"31.02.1941" is not a date/) },
    ]);
  });

  it('refuses duplicate ids, naming both rows', () => {
    const { errors } = run('Nr,Name\n7,Ona\n8,Jonas\n7,Petras\n', { id: 'Nr', name: ['Name'] });
    expect(errors).toEqual([
      { file: 'r.csv', row: 4, column: 'Nr', reason: 'duplicate record id "p-7" (same as row 2)' },
    ]);
    const same = run('Name,Born\nOna,1901\nOna,1901\n', { name: ['Name'], birthYear: 'Born' });
    expect(same.errors[0]?.reason).toMatch(/same as row 2\); the two rows have identical identifying fields/);
  });

  it('refuses a file with a header and no rows', () => {
    expect(run('Name,Born\n', MAPPING).errors).toEqual([
      { file: 'r.csv', reason: 'the file has no data rows' },
    ]);
  });
});
