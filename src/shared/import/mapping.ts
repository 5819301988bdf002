/**
 * The column mapping of a CSV/TSV registry: which columns hold which typed person field, which hold
 * other spellings of the name, which one gives the record id, and which the user explicitly excluded.
 * Every other column is kept as an *other field* under its original header: nothing is dropped
 * silently. Pure.
 */
import { z } from 'zod';
import { MAPPABLE_FIELDS, type MappableField } from '../collection/person';
import type { ImportError } from './errors';
import { SEX_CODE_SYSTEMS } from './sex-codes';

const column = z.string().min(1, 'a column name must not be empty');
const lang = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "ru"');

/** A column holding other spellings of the name, with the language they are written in when known. */
const altNameColumnSchema = z.strictObject({ column, lang: lang.optional() });

const mappingObjectSchema = z.strictObject({
  /** The column whose value becomes the record id (kebab-cased) and `person.sourceId`. */
  id: column.optional(),
  /** Header → typed field. Several columns may fill one field: their cells are joined with a space. */
  fields: z.record(z.string(), z.enum(MAPPABLE_FIELDS)).default({}),
  /** Columns of other spellings; a cell may hold several, separated by `|` or `;`. */
  altNames: z.array(altNameColumnSchema).default([]),
  /** Headers the user chose to leave out. Only these are not stored. */
  exclude: z.array(z.string()).default([]),
  /**
   * How one-letter codes in the sex column are read (sex-codes.ts): 'lithuanian' V = male, M = female;
   * 'common' M = male, F/K/W/Ж = female. Absent: from the column's header ("Lytis" is Lithuanian).
   */
  sexCodes: z.enum(SEX_CODE_SYSTEMS).optional(),
});

/** Version-1 mappings (`name`, `birthYear`, `district`, `date`…) are read as their version-2 fields. */
const LEGACY_FIELDS: Record<string, MappableField> = {
  birthYear: 'birthDate',
  district: 'residence',
  operation: 'operation',
  destination: 'destination',
  date: 'deportationDate',
  notes: 'notes',
};

function upgradeLegacyMapping(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  const legacy = 'name' in input || Object.keys(LEGACY_FIELDS).some((k) => k in input);
  if (!legacy) return raw;
  const { name, altNames, id, fields, exclude, ...rest } = input;
  const out: Record<string, unknown> = { ...(id === undefined ? {} : { id }) };
  const mapped: Record<string, unknown> = typeof fields === 'object' && fields !== null ? { ...fields } : {};
  if (Array.isArray(name)) for (const c of name) if (typeof c === 'string') mapped[c] = 'fullName';
  const unknownKeys: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    const field = LEGACY_FIELDS[key];
    if (field !== undefined && typeof value === 'string') mapped[value] = field;
    else if (field === undefined) unknownKeys[key] = value;
  }
  out.fields = mapped;
  if (Array.isArray(altNames))
    out.altNames = altNames.map((a: unknown) => (typeof a === 'string' ? { column: a } : a));
  if (exclude !== undefined) out.exclude = exclude;
  return { ...out, ...unknownKeys };
}

/** Parses a mapping (also a version-1 mapping saved by an older build or written for the CLI). */
export const columnMappingSchema = z.preprocess(upgradeLegacyMapping, mappingObjectSchema);
export type ColumnMapping = z.output<typeof mappingObjectSchema>;
export type ColumnMappingInput = z.input<typeof mappingObjectSchema>;

/** The fields that can name a person; a mapping needs at least one of them. */
export const NAME_FIELDS = ['surname', 'givenName', 'patronymic', 'fullName'] as const;

/** What happens to one column. */
export type ColumnFate =
  | { kind: 'field'; field: MappableField }
  | { kind: 'id' }
  | { kind: 'altName'; lang?: string }
  | { kind: 'other' }
  | { kind: 'excluded' };

/** Why a column was suggested for its field: its header, or the look of its values. */
export type SuggestionBasis = 'header' | 'content';

/** One column in the preview: its header, position, fate, and the first values for the user to see. */
export interface ColumnPlan {
  index: number;
  header: string;
  fate: ColumnFate;
  /** How many of the sampled rows have a value in this column. */
  filled: number;
  samples: string[];
  suggestedBy?: SuggestionBasis;
}

/** The fate of a column under a mapping; a column not named anywhere is kept as an other field. */
export function fateOf(mapping: ColumnMapping, header: string): ColumnFate {
  if (mapping.exclude.includes(header)) return { kind: 'excluded' };
  if (mapping.id === header) return { kind: 'id' };
  const field = Object.hasOwn(mapping.fields, header) ? mapping.fields[header] : undefined;
  if (field !== undefined) return { kind: 'field', field };
  const alt = mapping.altNames.find((a) => a.column === header);
  if (alt !== undefined)
    return alt.lang === undefined ? { kind: 'altName' } : { kind: 'altName', lang: alt.lang };
  return { kind: 'other' };
}

/** Every column of the file with its fate: the preview the UI shows and the CLI prints. */
export function planColumns(
  mapping: ColumnMapping,
  columns: readonly string[],
  rows: readonly (readonly string[])[] = [],
  suggestedBy: Readonly<Record<string, SuggestionBasis>> = {},
): ColumnPlan[] {
  return columns.map((header, index) => {
    const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
    const basis = Object.hasOwn(suggestedBy, header) ? suggestedBy[header] : undefined;
    return {
      index,
      header,
      fate: fateOf(mapping, header),
      filled: values.length,
      samples: values.slice(0, 3),
      ...(basis === undefined ? {} : { suggestedBy: basis }),
    };
  });
}

/** English words for a fate, for the CLI. */
export function describeFate(fate: ColumnFate): string {
  switch (fate.kind) {
    case 'field':
      return `→ ${fate.field}`;
    case 'id':
      return '→ record id (and sourceId)';
    case 'altName':
      return `→ other spelling${fate.lang === undefined ? '' : ` (${fate.lang})`}`;
    case 'other':
      return '→ kept as other field';
    case 'excluded':
      return '✗ excluded (not stored)';
  }
}

/** Every column the mapping names must exist; a person needs a name; no column has two fates. */
export function checkMapping(mapping: ColumnMapping, columns: readonly string[]): ImportError[] {
  const known = new Set(columns);
  const errors: ImportError[] = [];
  const named: [string, string][] = [
    ...(mapping.id === undefined ? [] : [['id', mapping.id] as [string, string]]),
    ...Object.entries(mapping.fields).map(([c, f]) => [f, c] as [string, string]),
    ...mapping.altNames.map((a) => ['altNames', a.column] as [string, string]),
    ...mapping.exclude.map((c) => ['exclude', c] as [string, string]),
  ];
  for (const [field, col] of named) {
    if (!known.has(col)) {
      errors.push({
        column: col,
        code: 'missing-column',
        params: { column: col, field, columns: columns.join(', ') },
        reason: `missing required column: the mapping uses "${col}" for ${field}, but the file has no such column (columns: ${columns.join(', ')})`,
      });
    }
  }
  const fates = new Map<string, number>();
  for (const [, col] of named) fates.set(col, (fates.get(col) ?? 0) + 1);
  for (const [col, count] of fates) {
    if (count > 1) {
      errors.push({
        column: col,
        code: 'invalid-mapping',
        params: { column: col },
        reason: `the mapping gives column "${col}" more than one use (a field, the id, other spellings or excluded): choose one`,
      });
    }
  }
  const hasName = Object.values(mapping.fields).some((f) => (NAME_FIELDS as readonly string[]).includes(f));
  if (!hasName) {
    errors.push({
      code: 'no-name-column',
      reason: 'map at least one column to a name field (surname, given name, patronymic or full name)',
    });
  }
  return errors;
}

/** A mapping saved for reuse with the next file of the same shape. */
export interface SavedMapping {
  /** The user's name for it ("Memorial lists"). */
  name: string;
  /** The headers of the file it was made for, in order. */
  headers: string[];
  mapping: ColumnMappingInput;
  /** ISO time it was saved. */
  savedAt: string;
}

export interface SavedMappingMatch {
  saved: SavedMapping;
  /** True when the file has exactly the saved headers in the same order. */
  exact: boolean;
  /** Headers of the file the saved mapping does not know (they will be kept as other fields). */
  newHeaders: string[];
}

const headerKey = (h: string) => h.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The saved mapping that fits a file's headers: every column the mapping uses must be in the file
 * (compared ignoring case and spacing). Exact matches first, then the one covering most headers,
 * then the newest. Undefined when none fits.
 */
export function matchSavedMapping(
  saved: readonly SavedMapping[],
  headers: readonly string[],
): SavedMappingMatch | undefined {
  const fileKeys = new Map(headers.map((h) => [headerKey(h), h]));
  const candidates: (SavedMappingMatch & { covered: number })[] = [];
  for (const entry of saved) {
    const parsed = columnMappingSchema.safeParse(entry.mapping);
    if (!parsed.success) continue;
    const used = [
      ...(parsed.data.id === undefined ? [] : [parsed.data.id]),
      ...Object.keys(parsed.data.fields),
      ...parsed.data.altNames.map((a) => a.column),
    ];
    if (used.length === 0 || !used.every((h) => fileKeys.has(headerKey(h)))) continue;
    const savedKeys = new Set(entry.headers.map(headerKey));
    const exact =
      entry.headers.length === headers.length &&
      entry.headers.every((h, i) => headerKey(h) === headerKey(headers[i] ?? ''));
    const newHeaders = headers.filter((h) => !savedKeys.has(headerKey(h)));
    candidates.push({ saved: entry, exact, newHeaders, covered: headers.length - newHeaders.length });
  }
  candidates.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.covered - a.covered ||
      b.saved.savedAt.localeCompare(a.saved.savedAt),
  );
  const best = candidates[0];
  if (best === undefined) return undefined;
  return { saved: best.saved, exact: best.exact, newHeaders: best.newHeaders };
}

/**
 * A saved mapping rewritten to a file's own header spellings (the saved one may differ in case or
 * spacing), so it can be used as is.
 */
export function adaptSavedMapping(saved: SavedMapping, headers: readonly string[]): ColumnMapping {
  const parsed = columnMappingSchema.parse(saved.mapping);
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const to = (h: string) => byKey.get(headerKey(h)) ?? h;
  return {
    ...(parsed.id === undefined ? {} : { id: to(parsed.id) }),
    fields: Object.fromEntries(Object.entries(parsed.fields).map(([h, f]) => [to(h), f])),
    altNames: parsed.altNames.map((a) => ({ ...a, column: to(a.column) })),
    exclude: parsed.exclude.filter((h) => byKey.has(headerKey(h))).map(to),
  };
}
