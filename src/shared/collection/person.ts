/**
 * The structured fields of a person record (format version 2): what real victim registries hold —
 * Memorial's lists, the Lithuanian genocide centre's lists, Yad Vashem's names database, Gramps — kept
 * as structure, never as generated prose, so the record page can render them in the reader's language.
 * Values are as in the source (verbatim); only dates gain a parsed EDTF form beside their text.
 * Pure module (no Node, Electron or DOM). Documented in docs/collection-format.md.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** Why a date cell needs a human look: it was kept verbatim, but not (or not fully) understood. */
const DATE_REVIEW_REASONS = ['unparsed', 'ambiguous'] as const;

/**
 * A date as a registry wrote it. `text` is always the verbatim cell; `edtf` is its reading as an EDTF
 * (Level 0–2) date when one could be made; `alternatives` are other dates the same cell gives
 * ("1870 (по другим данным - 1871)" → edtf 1870, alternatives [1871]). A cell that could not be read
 * keeps its text and has `review` set — never a reason to refuse the file.
 */
const dateCellSchema = z.strictObject({
  text,
  edtf: z.string().min(1).optional(),
  alternatives: z.array(z.string().min(1)).optional(),
  review: z.enum(DATE_REVIEW_REASONS).optional(),
});
export type DateCell = z.infer<typeof dateCellSchema>;

/** Normalised kinds of repression; the source's own words stay in `repression.text`. */
export const REPRESSION_TYPES = [
  'deported',
  'arrested',
  'special-settler',
  'imprisoned',
  'executed',
  'died-in-exile',
  'died-in-prison',
  'released',
  'returned',
  'escaped',
  'rehabilitated',
  'other',
] as const;
export type RepressionType = (typeof REPRESSION_TYPES)[number];

const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** A value the source gave as text, with an optional normalised reading. */
const repressionSchema = z.strictObject({
  text,
  types: z.array(z.enum(REPRESSION_TYPES)).optional(),
});

/** Archival reference: archive, fond, opis (inventory), delo (file), sheet; `text` when given whole. */
const archivalReferenceSchema = z.strictObject({
  text: text.optional(),
  archive: text.optional(),
  fond: text.optional(),
  opis: text.optional(),
  delo: text.optional(),
  sheet: text.optional(),
});

/** Where in a published list or book the person appears. */
const listSourceSchema = z.strictObject({
  text: text.optional(),
  list: text.optional(),
  page: text.optional(),
});

/** A column the mapping did not type: kept verbatim under its original header, in column order. */
export const otherFieldSchema = z.strictObject({
  header: z.string(),
  value: text,
});
export type OtherField = z.infer<typeof otherFieldSchema>;

/** Where an imported record came from. */
export const provenanceSchema = z.strictObject({
  /** Collection id at import time. */
  collection: z.string().min(1),
  /** Name of the imported file. */
  file: z.string().min(1),
  /** 1-based line of the row in that file (the header is row 1 when there is one). */
  row: z.number().int().min(1),
  /** ISO 8601 time of the import. */
  importedAt: z.string().min(1),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** The typed person fields (all optional; a registry fills what it has). */
export const personFieldsSchema = z.strictObject({
  /** The row's number or id in the source list ("№", "Nr."), verbatim. */
  sourceId: text.optional(),
  surname: text.optional(),
  givenName: text.optional(),
  patronymic: text.optional(),
  /** The name as one cell when it could not be split unambiguously (e.g. a ФИО column). */
  fullName: text.optional(),
  /** The sex as written in the source, with its normalised reading when recognised. */
  sex: z.strictObject({ text, value: z.enum(SEXES).optional() }).optional(),
  birthDate: dateCellSchema.optional(),
  birthPlace: text.optional(),
  residence: text.optional(),
  nationality: text.optional(),
  occupation: text.optional(),
  education: text.optional(),
  party: text.optional(),
  /** Family or case file number: deportees were taken as families, whose members share one file. */
  caseNumber: text.optional(),
  /** Place in the family as written ("head of family", "daughter"…). */
  familyRole: text.optional(),
  arrestDate: dateCellSchema.optional(),
  charge: text.optional(),
  sentence: text.optional(),
  sentenceDate: dateCellSchema.optional(),
  repression: repressionSchema.optional(),
  operation: text.optional(),
  deportationDate: dateCellSchema.optional(),
  /** Camp, settlement or region the person was sent to. */
  destination: text.optional(),
  releaseDate: dateCellSchema.optional(),
  returnDate: dateCellSchema.optional(),
  deathDate: dateCellSchema.optional(),
  deathPlace: text.optional(),
  burialPlace: text.optional(),
  rehabilitationDate: dateCellSchema.optional(),
  archivalReference: archivalReferenceSchema.optional(),
  listSource: listSourceSchema.optional(),
  /** Free-text remarks of the source ("Сведения", "Pastabos"), verbatim. */
  notes: text.optional(),
});
export type PersonFields = z.infer<typeof personFieldsSchema>;

/** Person fields whose value is a plain verbatim text. */
export const PERSON_TEXT_FIELDS = [
  'sourceId',
  'surname',
  'givenName',
  'patronymic',
  'fullName',
  'birthPlace',
  'residence',
  'nationality',
  'occupation',
  'education',
  'party',
  'caseNumber',
  'familyRole',
  'charge',
  'sentence',
  'operation',
  'destination',
  'deathPlace',
  'burialPlace',
  'notes',
] as const;
export type PersonTextField = (typeof PERSON_TEXT_FIELDS)[number];

/** Person fields that hold a date cell. */
export const PERSON_DATE_FIELDS = [
  'birthDate',
  'arrestDate',
  'sentenceDate',
  'deportationDate',
  'releaseDate',
  'returnDate',
  'deathDate',
  'rehabilitationDate',
] as const;
export type PersonDateField = (typeof PERSON_DATE_FIELDS)[number];

/**
 * Every field a column can be mapped to, in the order the record page and the mapping form list them.
 * `archive`…`sheet` fill parts of `archivalReference` (a whole reference goes to `archivalReference`),
 * `listSource`/`listPage` fill `listSource.list`/`.page` (a whole "Источник" cell goes to `listSource`).
 */
export const MAPPABLE_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'residence',
  'nationality',
  'occupation',
  'education',
  'party',
  'caseNumber',
  'familyRole',
  'arrestDate',
  'charge',
  'sentence',
  'sentenceDate',
  'repression',
  'operation',
  'deportationDate',
  'destination',
  'releaseDate',
  'returnDate',
  'deathDate',
  'deathPlace',
  'burialPlace',
  'rehabilitationDate',
  'archivalReference',
  'archive',
  'fond',
  'opis',
  'delo',
  'sheet',
  'listSource',
  'listPage',
  'notes',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Places a `place:` query looks in. */
export const PERSON_PLACE_FIELDS = [
  'birthPlace',
  'residence',
  'destination',
  'deathPlace',
  'burialPlace',
] as const satisfies readonly PersonTextField[];
