import { describe, expect, it } from 'vitest';
import { importDelimitedText } from '@shared/import/csv-import';
import {
  adaptSavedMapping,
  columnMappingSchema,
  matchSavedMapping,
  planColumns,
  type ColumnMappingInput,
  type SavedMapping,
} from '@shared/import/mapping';
import type { PersonRecord } from '@shared/collection/schema';

function run(text: string, mapping: unknown, options: { skipBrokenRows?: boolean } = {}) {
  const records: PersonRecord[] = [];
  const result = importDelimitedText(text, {
    delimiter: ',',
    header: true,
    file: 'r.csv',
    mapping: columnMappingSchema.parse(mapping),
    collection: 'test',
    importedAt: '2026-12-07T12:00:00.000Z',
    ...options,
    onBatch: (batch) => void records.push(...batch),
  });
  return { ...result, list: records };
}

const CSV =
  'Name,Cyrillic,Born,District,Date\nOna Kazlauskienė,Она Казлаускене,1901,Kaunas,14.06.1941\nJonas Petraitis,,1899,Utena,1941-06\n';
const MAPPING: ColumnMappingInput = {
  fields: { Name: 'fullName', Born: 'birthDate', District: 'residence', Date: 'deportationDate' },
  altNames: [{ column: 'Cyrillic', lang: 'ru' }],
};

describe('rows to person records', () => {
  it('stores typed fields as structure, with no generated prose, and keeps provenance', () => {
    const { list, errors, records } = run(CSV, MAPPING);
    expect(errors).toEqual([]);
    expect(records).toBe(2);
    expect(list[0]).toMatchObject({
      kind: 'person',
      title: 'Ona Kazlauskienė',
      altNames: [{ name: 'Она Казлаускене', lang: 'ru' }],
      summary: '',
      person: {
        fullName: 'Ona Kazlauskienė',
        birthDate: { text: '1901', edtf: '1901' },
        residence: 'Kaunas',
        deportationDate: { text: '14.06.1941', edtf: '1941-06-14' },
      },
      provenance: { collection: 'test', file: 'r.csv', row: 2, importedAt: '2026-12-07T12:00:00.000Z' },
    });
    expect(list[1]).toMatchObject({ title: 'Jonas Petraitis', altNames: [] });
  });

  it('keeps unmapped columns as other fields under their headers, in column order; drops only excluded ones', () => {
    const text = 'Extra B,Name,Extra A,Secret\nb1,Ona,a1,s1\n';
    const { list } = run(text, { fields: { Name: 'fullName' }, exclude: ['Secret'] });
    expect(list[0]?.otherFields).toEqual([
      { header: 'Extra B', value: 'b1' },
      { header: 'Extra A', value: 'a1' },
    ]);
    expect(JSON.stringify(list[0])).not.toContain('s1');
  });

  it('reads a version-1 mapping (name, birthYear, district, date) as its version-2 fields, with the same ids', () => {
    const legacy = {
      name: ['Name'],
      altNames: ['Cyrillic'],
      birthYear: 'Born',
      district: 'District',
      date: 'Date',
    };
    expect(columnMappingSchema.parse(legacy)).toEqual({
      fields: { Name: 'fullName', Born: 'birthDate', District: 'residence', Date: 'deportationDate' },
      altNames: [{ column: 'Cyrillic' }],
      exclude: [],
    });
    // Ids of format version 1 for these two rows (hash of name, birth, district, date, operation, destination).
    const { list } = run(CSV, legacy);
    expect(list.map((r) => r.id)).toEqual(run(CSV, MAPPING).list.map((r) => r.id));
    // The id format version 1 gave this row: hash of name, birth year, district, EDTF date, operation, destination.
    expect(list[0]?.id).toBe('p-21ght4gxiq5');
  });

  it('gives the same ids when the file is re-imported with rows reordered and added', () => {
    const first = run(CSV, MAPPING).list.map((r) => [r.title, r.id]);
    const [header, a, b] = CSV.trim().split('\n');
    const again = run(`${header}\nPetras Naujas,,1910,Alytus,\n${b}\n${a}\n`, MAPPING).list;
    const ids = new Map(again.map((r) => [r.title, r.id]));
    for (const [title, id] of first) expect(ids.get(title as string)).toBe(id);
    expect(new Set(again.map((r) => r.id)).size).toBe(3);
  });

  it('takes ids from a mapped id column and keeps its value as sourceId', () => {
    const { list } = run('Nr,Name\nLT-0001,Ona\nLT 0002,Jonas\n', { id: 'Nr', fields: { Name: 'fullName' } });
    expect(list.map((r) => r.id)).toEqual(['p-lt-0001', 'p-lt-0002']);
    expect(list[0]?.person?.sourceId).toBe('LT-0001');
  });

  it('reports a missing column by name, with a code, and imports nothing', () => {
    const { errors, list } = run(CSV, {
      ...MAPPING,
      fields: { ...MAPPING.fields, 'Gimimo metai': 'birthDate' },
    });
    expect(list).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'r.csv',
        row: 1,
        column: 'Gimimo metai',
        code: 'missing-column',
        params: {
          column: 'Gimimo metai',
          field: 'birthDate',
          columns: 'Name, Cyrillic, Born, District, Date',
        },
        reason: expect.stringMatching(
          /^missing required column: .*no such column \(columns: Name, Cyrillic, Born, District, Date\)$/,
        ),
      },
    ]);
  });

  it('keeps unreadable dates verbatim and flags them instead of refusing the file', () => {
    const text = 'Name,Born,Date\nOna,1901,1941-06-14\nJonas,19o5,\nPetras,в июле 1907,31.02.1941\n';
    const { errors, list, dateReviews, dateReviewCount } = run(text, {
      fields: { Name: 'fullName', Born: 'birthDate', Date: 'deportationDate' },
    });
    expect(errors).toEqual([]);
    expect(list).toHaveLength(3);
    expect(list[1]?.person?.birthDate).toEqual({ text: '19o5', review: 'unparsed' });
    expect(list[2]?.person?.birthDate).toEqual({ text: 'в июле 1907', edtf: '1907-07' });
    expect(list[2]?.person?.deportationDate).toEqual({ text: '31.02.1941', review: 'unparsed' });
    expect(dateReviewCount).toBe(2);
    expect(dateReviews).toEqual([
      { row: 3, column: 'Born', text: '19o5', reason: 'unparsed' },
      { row: 4, column: 'Date', text: '31.02.1941', reason: 'unparsed' },
    ]);
  });

  it('names the row of an empty name', () => {
    const { errors } = run('Name,Born\nOna,1901\n,1902\n', {
      fields: { Name: 'fullName', Born: 'birthDate' },
    });
    expect(errors).toEqual([{ file: 'r.csv', row: 3, code: 'empty-name', reason: 'the name is empty' }]);
  });

  it('refuses a mapping without a name field', () => {
    const { errors } = run(CSV, { fields: { Born: 'birthDate' } });
    expect(errors.map((e) => e.code)).toEqual(['no-name-column']);
  });

  it('refuses duplicate ids, naming both rows', () => {
    const { errors } = run('Nr,Name\n7,Ona\n8,Jonas\n7,Petras\n', { id: 'Nr', fields: { Name: 'fullName' } });
    expect(errors).toEqual([
      {
        file: 'r.csv',
        row: 4,
        column: 'Nr',
        code: 'duplicate-id',
        params: { id: 'p-7', earlier: 2 },
        reason: 'duplicate record id "p-7" (same as row 2)',
      },
    ]);
    const same = run('Name,Born\nOna,1901\nOna,1901\n', { fields: { Name: 'fullName', Born: 'birthDate' } });
    expect(same.errors[0]?.reason).toMatch(/same as row 2\); the two rows have identical identifying fields/);
  });

  it('refuses a file with a header and no rows', () => {
    expect(run('Name,Born\n', MAPPING).errors).toEqual([
      { file: 'r.csv', code: 'no-data-rows', reason: 'the file has no data rows' },
    ]);
  });
});

describe('broken rows', () => {
  const text = 'Name,Born\nOna,1901\nJonas,1899,extra\nPetras,1910\n"Bad,1900\n';
  it('fail the whole file by default', () => {
    const { errors, list } = run(text, { fields: { Name: 'fullName', Born: 'birthDate' } });
    expect(list).toEqual([]);
    expect(errors.map((e) => [e.row, e.code])).toContainEqual([3, 'ragged-row']);
  });
  it('are skipped and listed on the explicit choice', () => {
    const { errors, list, skippedRows, skippedCount } = run(
      text,
      { fields: { Name: 'fullName', Born: 'birthDate' } },
      { skipBrokenRows: true },
    );
    expect(errors).toEqual([]);
    expect(list.map((r) => r.title)).toEqual(['Ona', 'Petras']);
    expect(skippedCount).toBe(skippedRows.length);
    expect(skippedRows[0]).toMatchObject({ row: 3, code: 'ragged-row', text: 'Jonas,1899,extra' });
    expect(skippedRows.map((r) => r.row)).toContain(5);
  });
});

describe('column plan', () => {
  it('lists every column with its fate and samples', () => {
    const mapping = columnMappingSchema.parse({
      id: 'Nr',
      fields: { Name: 'fullName' },
      altNames: [{ column: 'Ru', lang: 'ru' }],
      exclude: ['Secret'],
    });
    const plan = planColumns(
      mapping,
      ['Nr', 'Name', 'Ru', 'Secret', 'Extra'],
      [['1', 'Ona', 'Она', 's', '']],
    );
    expect(plan.map((p) => [p.header, p.fate])).toEqual([
      ['Nr', { kind: 'id' }],
      ['Name', { kind: 'field', field: 'fullName' }],
      ['Ru', { kind: 'altName', lang: 'ru' }],
      ['Secret', { kind: 'excluded' }],
      ['Extra', { kind: 'other' }],
    ]);
    expect(plan[1]).toMatchObject({ filled: 1, samples: ['Ona'] });
    expect(plan[4]).toMatchObject({ filled: 0, samples: [] });
  });
});

describe('saved mappings', () => {
  const saved = (
    name: string,
    headers: string[],
    mapping: ColumnMappingInput,
    savedAt: string,
  ): SavedMapping => ({
    name,
    headers,
    mapping,
    savedAt,
  });
  const memorial = saved(
    'Memorial',
    ['№', 'ФИО', 'Год рождения', 'Источник'],
    { id: '№', fields: { ФИО: 'fullName', 'Год рождения': 'birthDate', Источник: 'listSource' } },
    '2026-12-01T00:00:00Z',
  );
  const lithuanian = saved(
    'LGGRTC',
    ['Pavardė', 'Vardas'],
    { fields: { Pavardė: 'surname', Vardas: 'givenName' } },
    '2026-12-02T00:00:00Z',
  );

  it('finds the saved mapping whose columns the file has (ignoring case and spacing)', () => {
    const match = matchSavedMapping([lithuanian, memorial], ['№', 'фио', 'Год  рождения', 'Источник']);
    expect(match?.saved.name).toBe('Memorial');
    expect(match?.exact).toBe(true);
    expect(adaptSavedMapping(memorial, ['№', 'фио', 'Год  рождения', 'Источник']).fields).toEqual({
      фио: 'fullName',
      'Год  рождения': 'birthDate',
      Источник: 'listSource',
    });
  });

  it('reports new headers, and nothing when a used column is missing', () => {
    const match = matchSavedMapping([memorial], ['№', 'ФИО', 'Год рождения', 'Источник', 'Адрес']);
    expect(match).toMatchObject({ exact: false, newHeaders: ['Адрес'] });
    expect(matchSavedMapping([memorial], ['№', 'ФИО'])).toBeUndefined();
  });
});
