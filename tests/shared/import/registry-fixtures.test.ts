/**
 * The invented registry fixtures (tests/fixtures/registries) imported with the suggested mapping:
 * nothing a list holds may be lost — every non-empty cell is in the stored record, verbatim, as a typed
 * field, another spelling or an other field under its header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CollectionRecord, PersonRecord } from '@shared/collection/schema';
import { columnMappingSchema } from '@shared/import/mapping';
import { inspectImport, runImport } from '@shared/import/pipeline';

const DIR = join(import.meta.dirname, '../../fixtures/registries');

function importFixture(file: string) {
  const inspection = inspectImport(file, new Uint8Array(readFileSync(join(DIR, file))));
  if (!inspection.ok || inspection.format !== 'delimited') throw new Error(`cannot inspect ${file}`);
  const records: CollectionRecord[] = [];
  const result = runImport(inspection, columnMappingSchema.parse(inspection.suggested), {
    onBatch: (batch) => void records.push(...batch),
    collection: 'fixture',
    importedAt: '2026-12-07T12:00:00.000Z',
  });
  const table = Papa.parse<string[]>(inspection.text, {
    delimiter: inspection.preview.delimiter,
    skipEmptyLines: true,
  }).data;
  return { inspection, result, records: records as PersonRecord[], table };
}

/** Every string stored anywhere in a record. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out);
  return out;
}

const FIXTURES = ['memorial-style-ru.csv', 'lithuanian-style-lt.csv', 'polish-headers-pl.tsv'];

describe.each(FIXTURES)('%s with the suggested mapping', (file) => {
  const { inspection, result, records, table } = importFixture(file);

  it('imports every row without errors', () => {
    expect(result.errors).toEqual([]);
    expect(records).toHaveLength(table.length - 1);
  });

  it('keeps every non-empty cell, verbatim, in the record of its row', () => {
    const byRow = new Map(records.map((r) => [r.provenance?.row, r]));
    const header = table[0] ?? [];
    table.slice(1).forEach((cells, i) => {
      const record = byRow.get(i + 2);
      expect(record, `row ${i + 2}`).toBeDefined();
      const stored = strings({ ...record, provenance: undefined });
      cells.forEach((cell, c) => {
        const value = cell.trim();
        if (value === '') return;
        const found = stored.includes(value);
        expect(found, `${file} row ${i + 2} column "${header[c]}": ${value}`).toBe(true);
      });
    });
  });

  it('lists every column with a fate in the preview, none dropped', () => {
    expect(inspection.plan.map((p) => p.header)).toEqual(inspection.preview.columns);
    expect(inspection.plan.filter((p) => p.fate.kind === 'excluded')).toEqual([]);
  });
});

describe('suggested mappings of the fixtures', () => {
  it('Memorial-style Russian: every column typed, ФИО split only where unambiguous', () => {
    const { inspection, records, result } = importFixture('memorial-style-ru.csv');
    expect(inspection.encoding).toBe('windows-1251');
    expect(inspection.plan.map((p) => [p.header, p.fate])).toEqual([
      ['№', { kind: 'id' }],
      ['ФИО', { kind: 'field', field: 'fullName' }],
      ['Год рождения', { kind: 'field', field: 'birthDate' }],
      ['Место рождения', { kind: 'field', field: 'birthPlace' }],
      ['Сведения', { kind: 'field', field: 'notes' }],
      ['Адрес', { kind: 'field', field: 'residence' }],
      ['Дата расстрела', { kind: 'field', field: 'deathDate' }],
      ['Место захоронения', { kind: 'field', field: 'burialPlace' }],
      ['Источник', { kind: 'field', field: 'listSource' }],
    ]);
    const first = records[0]?.person;
    expect(first).toMatchObject({ surname: expect.any(String), givenName: expect.any(String) });
    const noPatronymic = records.find((r) => r.person?.fullName === 'Гринюс Казимир');
    expect(noPatronymic?.person?.surname).toBeUndefined();
    const births = records.map((r) => r.person?.birthDate);
    expect(births).toContainEqual({ text: '17.05.1897', edtf: '1897-05-17' });
    expect(births).toContainEqual({ text: 'в июле 1907', edtf: '1907-07' });
    expect(births).toContainEqual({
      text: '1870 (по другим данным - 1871)',
      edtf: '1870',
      alternatives: ['1871'],
    });
    expect(births).toContainEqual({ text: 'ок. 1900', edtf: '1900~' });
    expect(births).toContainEqual({ text: '1 8 9 9?', review: 'unparsed' });
    expect(result.dateReviewCount).toBeGreaterThan(0);
    for (const r of records) expect(r.summary).toBe('');
  });

  it('Lithuanian-style: name parts, sex, case numbers shared by a family, fate read', () => {
    const { inspection, records } = importFixture('lithuanian-style-lt.csv');
    const fates = Object.fromEntries(inspection.plan.map((p) => [p.header, p.fate]));
    expect(fates).toMatchObject({
      'Eil. Nr.': { kind: 'id' },
      Pavardė: { kind: 'field', field: 'surname' },
      Vardas: { kind: 'field', field: 'givenName' },
      'Tėvo vardas': { kind: 'field', field: 'patronymic' },
      Lytis: { kind: 'field', field: 'sex' },
      'Gimimo metai': { kind: 'field', field: 'birthDate' },
      'Gimimo vieta': { kind: 'field', field: 'birthPlace' },
      'Ištrėmimo data': { kind: 'field', field: 'deportationDate' },
      'Tremties vieta': { kind: 'field', field: 'destination' },
      'Bylos Nr.': { kind: 'field', field: 'caseNumber' },
      Šeima: { kind: 'field', field: 'familyRole' },
      Likimas: { kind: 'field', field: 'repression' },
      Grįžo: { kind: 'field', field: 'returnDate' },
      Pastabos: { kind: 'field', field: 'notes' },
    });
    const families = new Map<string, number>();
    for (const r of records) {
      const c = r.person?.caseNumber as string;
      families.set(c, (families.get(c) ?? 0) + 1);
    }
    expect([...families.values()].some((n) => n > 1)).toBe(true);
    expect(records.map((r) => r.person?.deportationDate?.edtf)).toContain('1941-06-14');
    expect(records.some((r) => r.person?.repression?.types?.includes('died-in-exile'))).toBe(true);
    expect(records[0]?.person?.sex?.value).toBe('male');
    // Lithuanian M is moteris: every woman of the list read as female, every V as male.
    const sexes = new Set(records.map((r) => `${r.person?.sex?.text}=${r.person?.sex?.value}`));
    expect(sexes).toEqual(new Set(['V=male', 'M=female']));
  });

  it('Polish headers: typed fields', () => {
    const { inspection } = importFixture('polish-headers-pl.tsv');
    expect(Object.fromEntries(inspection.plan.map((p) => [p.header, p.fate]))).toEqual({
      Nazwisko: { kind: 'field', field: 'surname' },
      Imię: { kind: 'field', field: 'givenName' },
      'Imię ojca': { kind: 'field', field: 'patronymic' },
      'Rok urodzenia': { kind: 'field', field: 'birthDate' },
      'Miejsce urodzenia': { kind: 'field', field: 'birthPlace' },
      Narodowość: { kind: 'field', field: 'nationality' },
      Zawód: { kind: 'field', field: 'occupation' },
      'Miejsce zamieszkania': { kind: 'field', field: 'residence' },
      'Data zesłania': { kind: 'field', field: 'deportationDate' },
      'Miejsce zesłania': { kind: 'field', field: 'destination' },
      Los: { kind: 'field', field: 'repression' },
      Źródło: { kind: 'field', field: 'listSource' },
    });
  });
});

describe('records built without a per-row schema parse', () => {
  it.each(FIXTURES)('%s: every record passes the strict person schema', async (file) => {
    const { personRecordSchema } = await import('@shared/collection/schema');
    const { records } = importFixture(file);
    for (const record of records) expect(personRecordSchema.safeParse(record).error).toBeUndefined();
  });
});
