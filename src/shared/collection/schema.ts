/**
 * The collection package format: zod schemas and the TypeScript types inferred from them.
 * Pure module (no Node, Electron or DOM). The format is documented in docs/collection-format.md;
 * cross-reference rules (ids resolve, dates parse, ranges are ordered…) live in validate.ts and its
 * phases in ./validation/.
 */
import { z } from 'zod';
import { otherFieldSchema, personFieldsSchema, provenanceSchema } from './person';
import { migrateManifest } from './migrate';

/** Version 2 added the structured person fields (person.ts); version-1 packages are migrated on load. */
export const FORMAT_VERSION = 2;

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabMessage = 'must be kebab-case: lowercase letters and digits separated by single hyphens';

const idSchema = z.string().regex(KEBAB_RE, kebabMessage);
const text = z.string().trim().min(1, 'must not be empty');

export const RECORD_KINDS = [
  'event',
  'statistic',
  'place',
  'group',
  'organisation',
  'person',
  'source',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const CLAIM_STATUSES = ['sourced', 'as-cited', 'unverified'] as const;

const CLAIM_QUALIFIERS = ['about', 'at-least', 'more-than', 'nearly', 'up-to'] as const;

const RELATION_TYPES = [
  'part-of', // this record is a part, stage or instance of the target
  'related-to', // loose association
  'compare', // the target holds figures that should be read against this record's
  'preceded-by',
  'followed-by',
  'ordered-by', // operation → the decree/order behind it
  'carried-out-by', // operation → organisation
  'targeted', // operation → victim group
  'destination', // operation/statistic → place people were sent to
  'origin', // operation/statistic → place people were taken from
  'located-in', // place → larger place
  'about', // source/statistic → the record it describes
  'author', // source → person who wrote it
  'affiliated-with', // person → organisation
  'published-by', // source → organisation
  'published-alongside', // source → source in the same publication series
  'involved', // event → person or organisation taking part
  'signed-by', // document → person
  'led-by', // operation → person
] as const;

const FLAG_TYPES = ['unverified', 'low-confidence', 'single-source', 'unresolved'] as const;

const PLACE_TYPES = ['country', 'region', 'settlement', 'camp', 'station', 'geographic-feature'] as const;

/** A language-tagged label set; Russian labels are in Cyrillic. */
const labelsSchema = z.strictObject({
  en: text.optional(),
  lt: text.optional(),
  ru: text.optional(),
});

// --- Localized collection text (optional, additive) ---------------------------------------------------
// The collection's own words (titles, summaries, claim labels, the manifest's title and description) may be
// given in further languages. Sources, quotations, names and bibliographic data are never translated here:
// they stay as published. The untranslated fields are in the collection's `textLanguage` (default "en").

/** One block per language code, like `labels`. */
const perLanguage = <T extends z.ZodType>(schema: T) =>
  z.strictObject({ en: schema.optional(), lt: schema.optional(), ru: schema.optional() });

const recordTranslationSchema = z.strictObject({ title: text.optional(), summary: text.optional() });
const claimTranslationSchema = z.strictObject({ counts: text.optional(), note: text.optional() });
const flagTranslationSchema = z.strictObject({ note: text.optional() });
const manifestTranslationSchema = z.strictObject({
  title: text.optional(),
  description: text.optional(),
});
const recordTranslationsSchema = perLanguage(recordTranslationSchema);
const claimTranslationsSchema = perLanguage(claimTranslationSchema);
const manifestTranslationsSchema = perLanguage(manifestTranslationSchema);
const flagTranslationsSchema = perLanguage(flagTranslationSchema);
export type TranslationLanguage = keyof z.infer<typeof recordTranslationsSchema>;
// --- end of localized collection text -------------------------------------------------------------------

const altNameSchema = z.strictObject({
  name: text,
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "lt"')
    .optional(),
  note: text.optional(),
  /** Bibliography id of the work that attests this spelling. */
  source: z.string().optional(),
});

/** A reference to a bibliography entry, used for record-level citations and alternative dates. */
const referenceShape = {
  source: z.string().optional(),
  /** Further sources that the compiler's source lists jointly for the same statement. */
  jointSources: z.array(z.string()).optional(),
  locator: z.string().min(1).nullable().optional(),
  status: z.enum(CLAIM_STATUSES).default('sourced'),
  via: z.string().optional(),
  note: text.optional(),
  origin: text.optional(),
};

const citationSchema = z.strictObject(referenceShape);
const altDateSchema = z.strictObject({ date: z.string(), ...referenceShape });

const claimSchema = z.strictObject({
  id: idSchema,
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** How the source qualifies the figure ("about 17,500", "at least 130,000"). Absent = as stated. */
  qualifier: z.enum(CLAIM_QUALIFIERS).optional(),
  unit: idSchema,
  counts: text,
  source: z.string().optional(),
  jointSources: z.array(z.string()).optional(),
  locator: z.string().min(1).nullable().optional(),
  status: z.enum(CLAIM_STATUSES),
  via: z.string().optional(),
  date: z.string().optional(),
  note: text.optional(),
  origin: text.optional(),
  /** The claim label (and note) in other languages; see "Localized text" in docs/collection-format.md. */
  translations: claimTranslationsSchema.optional(),
});

const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: z.string(),
  note: text.optional(),
});

const flagSchema = z.strictObject({
  type: z.enum(FLAG_TYPES),
  note: text.optional(),
  /** The note in other languages; see "Localized text" in docs/collection-format.md. */
  translations: flagTranslationsSchema.optional(),
});

const baseShape = {
  id: idSchema,
  title: text,
  labels: labelsSchema,
  altNames: z.array(altNameSchema).default([]),
  date: z.string().optional(),
  altDates: z.array(altDateSchema).default([]),
  summary: text,
  relations: z.array(relationSchema).default([]),
  claims: z.array(claimSchema).default([]),
  citations: z.array(citationSchema).default([]),
  tags: z.array(text).optional(),
  flags: z.array(flagSchema).optional(),
  origin: z.array(text).optional(),
  /** Title and summary in other languages; see "Localized text" in docs/collection-format.md. */
  translations: recordTranslationsSchema.optional(),
};

const coordinatesSchema = z.strictObject({
  lat: z
    .number()
    .min(-90, 'latitude must be between -90 and 90')
    .max(90, 'latitude must be between -90 and 90'),
  lon: z
    .number()
    .min(-180, 'longitude must be between -180 and 180')
    .max(180, 'longitude must be between -180 and 180'),
  status: z.enum(['sourced', 'unverified']),
  source: z.string().optional(),
  jointSources: z.array(z.string()).optional(),
  locator: z.string().min(1).nullable().optional(),
  note: text.optional(),
});

const inTextCitationSchema = z.strictObject({
  id: idSchema,
  /** The citation exactly as printed, e.g. "(Kerulis, 1982, p. 518)" (one work per citation). */
  printed: text,
  /** Surnames as printed. */
  authors: z.array(text).min(1, 'needs at least one author'),
  editor: z.boolean().optional(),
  year: z.number().int(),
  locator: z.string().min(1).nullable().optional(),
  /** Ids of the claims whose figures this citation supports. */
  claims: z.array(z.string()).default([]),
});

const citationDataSchema = z.strictObject({
  /** The work's printed reference list, one string per printed line, verbatim. */
  referenceList: z.array(z.string()),
  inTextCitations: z.array(inTextCitationSchema),
});

const eventRecordSchema = z.strictObject({ ...baseShape, kind: z.literal('event') });
const statisticRecordSchema = z.strictObject({ ...baseShape, kind: z.literal('statistic') });
const groupRecordSchema = z.strictObject({ ...baseShape, kind: z.literal('group') });
const organisationRecordSchema = z.strictObject({ ...baseShape, kind: z.literal('organisation') });
export const personRecordSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('person'),
  /** Imported people carry their facts as fields, not prose: the summary may be empty. */
  summary: z.string().trim().default(''),
  /** Typed fields of registries (format version 2). */
  person: personFieldsSchema.optional(),
  /** Columns kept under their original headers, in the file's column order. */
  otherFields: z.array(otherFieldSchema).optional(),
  /** Where an imported record came from (collection, file, row, import time). */
  provenance: provenanceSchema.optional(),
});
const placeRecordSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('place'),
  placeType: z.enum(PLACE_TYPES).optional(),
  coordinates: coordinatesSchema.optional(),
});
const sourceRecordSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('source'),
  /** Bibliography entries for this document (first = main edition). */
  bibliographyIds: z.array(z.string()).default([]),
  citationData: citationDataSchema.optional(),
});

export const recordSchemaByKind = {
  event: eventRecordSchema,
  statistic: statisticRecordSchema,
  place: placeRecordSchema,
  group: groupRecordSchema,
  organisation: organisationRecordSchema,
  person: personRecordSchema,
  source: sourceRecordSchema,
} as const satisfies Record<RecordKind, z.ZodType>;

export const recordSchema = z.discriminatedUnion('kind', [
  eventRecordSchema,
  statisticRecordSchema,
  placeRecordSchema,
  groupRecordSchema,
  organisationRecordSchema,
  personRecordSchema,
  sourceRecordSchema,
]);

const manifestTextSchema = z.strictObject({
  id: idSchema,
  title: text,
  /** Path inside the package, e.g. "texts/overview.md". */
  file: z.string(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "en"'),
  /** Id of the text this one translates (e.g. overview-lt translates overview). */
  translationOf: idSchema.optional(),
});

export const manifestSchema = z.preprocess(
  migrateManifest,
  z.strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    id: idSchema,
    title: text,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
    description: text,
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "lt"'))
      .min(1, 'needs at least one language'),
    license: text,
    compiledBy: text,
    synthetic: z.boolean().optional(),
    texts: z.array(manifestTextSchema).default([]),
    /** Language of the untranslated titles, summaries and claim labels. Absent = "en". */
    textLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "en"')
      .optional(),
    /** Title and description in other languages. */
    translations: manifestTranslationsSchema.optional(),
  }),
);

const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

const cslNameSchema = z.strictObject({
  family: text.optional(),
  given: text.optional(),
  literal: text.optional(),
  'non-dropping-particle': text.optional(),
  'dropping-particle': text.optional(),
  suffix: text.optional(),
});

const cslDateSchema = z.strictObject({
  'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2).optional(),
  season: z.union([z.number().int().min(1).max(4), text]).optional(),
  circa: z.union([z.boolean(), z.number(), z.string()]).optional(),
  literal: text.optional(),
  raw: text.optional(),
});

const cslNumber = z.union([z.string().min(1), z.number()]);

/**
 * The parts of a reference the collection's sources do not give (`"atmintis-incomplete"`): the app marks
 * such a reference as incomplete wherever it shows or cites it. Not a CSL variable; CSL processors ignore
 * it.
 */
export const INCOMPLETE_REFERENCE_PARTS = ['title', 'author', 'editor', 'issued', 'publisher'] as const;
export type IncompleteReferencePart = (typeof INCOMPLETE_REFERENCE_PARTS)[number];

/**
 * A CSL-JSON item. The fields the app reads are typed; other CSL variables are allowed (loose object)
 * so entries can carry the full range of CSL-JSON.
 */
export const cslItemSchema = z.looseObject({
  id: idSchema,
  type: z.enum(CSL_TYPES),
  title: text.optional(),
  author: z.array(cslNameSchema).optional(),
  editor: z.array(cslNameSchema).optional(),
  translator: z.array(cslNameSchema).optional(),
  issued: cslDateSchema.optional(),
  'container-title': text.optional(),
  'collection-title': text.optional(),
  'collection-number': cslNumber.optional(),
  publisher: text.optional(),
  'publisher-place': text.optional(),
  page: cslNumber.optional(),
  'number-of-pages': cslNumber.optional(),
  volume: cslNumber.optional(),
  issue: cslNumber.optional(),
  ISBN: text.optional(),
  URL: text.optional(),
  language: text.optional(),
  keyword: text.optional(),
  note: text.optional(),
  'atmintis-incomplete': z.array(z.enum(INCOMPLETE_REFERENCE_PARTS)).min(1).optional(),
});

export type Labels = z.infer<typeof labelsSchema>;
export type AltName = z.infer<typeof altNameSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type RecordFlag = z.infer<typeof flagSchema>;
export type InTextCitation = z.infer<typeof inTextCitationSchema>;
export type PersonRecord = z.infer<typeof personRecordSchema>;
export type CollectionRecord = z.infer<typeof recordSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type CslName = z.infer<typeof cslNameSchema>;
export type CslItem = z.infer<typeof cslItemSchema>;
