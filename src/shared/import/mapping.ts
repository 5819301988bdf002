/**
 * The column mapping: which columns of a CSV/TSV hold a person's name, other spellings, birth year,
 * district, operation, destination, date and notes; and the function that turns one row into a person
 * record of the collection format. Pure.
 */
import { z } from 'zod';
import { parseEdtf } from '../collection/edtf';
import { personRecordSchema, type PersonRecord } from '../collection/schema';
import type { ImportError } from './errors';
import { hashedRecordId, sourceRecordId } from './stable-id';

export const MAPPED_FIELDS = [
  'id',
  'name',
  'altNames',
  'birthYear',
  'district',
  'operation',
  'destination',
  'date',
  'notes',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Column names (as in the file's header, or "column 3") per field. `name` may join several columns. */
export const columnMappingSchema = z.strictObject({
  id: z.string().optional(),
  name: z.array(z.string()).min(1, 'map at least one column to the name'),
  altNames: z.array(z.string()).default([]),
  birthYear: z.string().optional(),
  district: z.string().optional(),
  operation: z.string().optional(),
  destination: z.string().optional(),
  date: z.string().optional(),
  notes: z.string().optional(),
});
export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;

/** Header words (English, Lithuanian, Russian) that suggest a field. */
const ALIASES: Record<MappedField, RegExp> = {
  id: /^(id|no\.?|nr\.?|number|record id|№|номер)$/iu,
  name: /^(name|full name|person|vardas,? pavardė|vardas pavarde|vardas|pavardė|фио|имя|фамилия)$/iu,
  altNames: /(alt|other|alternat|spelling|variant|kitos|rusiškai|russian|кирилл|написание|cyrillic)/iu,
  birthYear: /(birth|born|gimimo|gimė|год рождения|рожд)/iu,
  district: /(district|county|apskritis|valsčius|уезд|район|волость)/iu,
  operation: /(operation|operacija|операция)/iu,
  destination: /(destination|exile|tremties|place of exile|место ссылки|направлен|destination)/iu,
  date: /^(date|data|дата|deportation date|ištrėmimo data|date of deportation)$/iu,
  notes: /(note|comment|pastab|примеч|remarks)/iu,
};

/** Guess a mapping from column names; unknown columns stay unmapped. */
export function suggestMapping(columns: readonly string[]): ColumnMappingInput {
  const used = new Set<string>();
  const find = (field: MappedField) => {
    const hit = columns.find((c) => !used.has(c) && ALIASES[field].test(c.trim()));
    if (hit !== undefined) used.add(hit);
    return hit;
  };
  const id = find('id');
  const name = find('name');
  const mapping: ColumnMappingInput = { name: name === undefined ? [] : [name] };
  if (id !== undefined) mapping.id = id;
  for (const field of ['birthYear', 'district', 'operation', 'destination', 'date', 'notes'] as const) {
    const column = find(field);
    if (column !== undefined) mapping[field] = column;
  }
  mapping.altNames = columns.filter((c) => !used.has(c) && ALIASES.altNames.test(c.trim()));
  if (mapping.name.length === 0 && columns.length > 0) mapping.name = [columns[0] as string];
  return mapping;
}

/** Every column the mapping names must exist; the error names the missing one. */
export function checkMapping(mapping: ColumnMapping, columns: readonly string[]): ImportError[] {
  const known = new Set(columns);
  const errors: ImportError[] = [];
  const named: [string, string][] = [
    ...mapping.name.map((c) => ['name', c] as [string, string]),
    ...mapping.altNames.map((c) => ['altNames', c] as [string, string]),
    ...(['id', 'birthYear', 'district', 'operation', 'destination', 'date', 'notes'] as const).flatMap(
      (field) => (mapping[field] === undefined ? [] : [[field, mapping[field]] as [string, string]]),
    ),
  ];
  for (const [field, column] of named) {
    if (!known.has(column)) {
      errors.push({
        column,
        reason: `missing required column: the mapping uses "${column}" for ${field}, but the file has no such column (columns: ${columns.join(', ')})`,
      });
    }
  }
  return errors;
}

/** Dates as registries write them → EDTF: 1941-06-14, 1941.06.14, 14.06.1941, 1941-06, 1941. */
export function normaliseDate(value: string): string | undefined {
  const v = value.trim();
  let m = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/.exec(v);
  let edtf = v;
  if (m) edtf = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  else if ((m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(v))) {
    edtf = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  } else if ((m = /^(\d{4})[.\-/](\d{1,2})$/.exec(v))) edtf = `${m[1]}-${m[2]?.padStart(2, '0')}`;
  // The EDTF parser also checks the day exists (no 31 February).
  return parseEdtf(edtf).ok ? edtf : undefined;
}

export interface RowContext {
  row: number;
  file?: string;
}

export type RowResult = { ok: true; record: PersonRecord } | { ok: false; errors: ImportError[] };

/** Split a cell holding several spellings: "Jonas Petraitis | Ионас Петрайтис". */
const splitNames = (cell: string) =>
  cell
    .split(/\s*[|;]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Turn one row into a person record, or say precisely what is wrong with which cell. */
export function rowToPerson(
  cells: readonly string[],
  columnIndex: ReadonlyMap<string, number>,
  mapping: ColumnMapping,
  context: RowContext,
): RowResult {
  const errors: ImportError[] = [];
  const base = { row: context.row, ...(context.file === undefined ? {} : { file: context.file }) };
  const cell = (column: string | undefined) =>
    column === undefined ? '' : (cells[columnIndex.get(column) ?? -1] ?? '').trim();

  const name = mapping.name
    .map(cell)
    .filter((s) => s !== '')
    .join(' ');
  if (name === '') {
    errors.push({ ...base, column: mapping.name.join(' + '), reason: 'the name is empty' });
  }
  const birthYearText = cell(mapping.birthYear);
  let birthYear: number | undefined;
  if (birthYearText !== '') {
    birthYear = /^\d{4}$/.test(birthYearText) ? Number(birthYearText) : NaN;
    if (!(birthYear >= 1700 && birthYear <= 2100)) {
      errors.push({
        ...base,
        column: mapping.birthYear as string,
        reason: `"${birthYearText.slice(0, 40)}" is not a birth year (expected four digits, e.g. 1905)`,
      });
    }
  }
  const dateText = cell(mapping.date);
  const date = dateText === '' ? undefined : normaliseDate(dateText);
  if (dateText !== '' && date === undefined) {
    errors.push({
      ...base,
      column: mapping.date as string,
      reason: `"${dateText.slice(0, 40)}" is not a date (expected e.g. 1941-06-14, 14.06.1941 or 1941)`,
    });
  }
  let id: string | undefined;
  if (mapping.id !== undefined) {
    id = sourceRecordId(cell(mapping.id));
    if (id === undefined) {
      errors.push({ ...base, column: mapping.id, reason: 'the id is empty or has no letters or digits' });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const district = cell(mapping.district);
  const operation = cell(mapping.operation);
  const destination = cell(mapping.destination);
  const notes = cell(mapping.notes);
  const altNames = [...new Set(mapping.altNames.flatMap((c) => splitNames(cell(c))))].filter(
    (alt) => alt !== name,
  );
  // The summary only restates the row (never adds facts), so search finds districts, places and notes.
  const parts = [
    birthYear === undefined ? '' : `Born ${birthYear}.`,
    district === '' ? '' : `District: ${district}.`,
    operation === '' ? '' : `Operation: ${operation}.`,
    destination === '' ? '' : `Destination: ${destination}.`,
    date === undefined ? '' : `Date: ${date}.`,
    notes,
  ].filter((p) => p !== '');
  const summary = parts.length > 0 ? parts.join(' ') : `Imported row ${context.row}.`;
  const record = {
    id: id ?? hashedRecordId([name, birthYearText, district, date ?? '', operation, destination]),
    kind: 'person' as const,
    title: name,
    labels: {},
    altNames: altNames.map((alt) => ({ name: alt })),
    ...(date === undefined ? {} : { date }),
    altDates: [],
    summary,
    relations: [],
    claims: [],
    citations: [],
  };
  const checked = personRecordSchema.safeParse(record);
  if (!checked.success) {
    return {
      ok: false,
      errors: checked.error.issues.map((issue) => ({
        ...base,
        reason: `${issue.path.join('.')}: ${issue.message}`,
      })),
    };
  }
  return { ok: true, record: checked.data };
}
