/** Channels serving the installed collections: the bundled ones and those the user imported. */
import { z } from 'zod';
import type { LoadedCollection, LoadedRecord, LoadedText } from '../../collection/model';
import type { IntegrityReport } from '../../collection/integrity';
import { RECORD_KINDS, type CslItem, type Manifest, type RecordKind } from '../../collection/schema';
import type { Column } from '../../collection/table-columns';
import type { CollectionSummary } from '../payloads';

export const collectionId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

/** Record ids are kebab-case in the format; the bound only keeps a malformed request small. */
const recordId = z.string().min(1).max(256);

/** Most records one `getRecords` or `page` request answers: a screenful many times over. */
export const MAX_RECORDS_PER_REQUEST = 500;

/** Orders `collections.page` can list records in; without one, the order the collection stores them. */
export const RECORD_SORTS = ['title', 'date'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

const year = z.number().int().min(-99999).max(99999).nullable();

/** The Browse table's filter (shared/collection/record-filters.ts `RecordFilter`), applied in main. */
export const browseFilter = z
  .object({
    kind: z.enum([...RECORD_KINDS, 'all']),
    fromYear: year,
    toYear: year,
    placeId: z.string().min(1).max(256),
    text: z.string().max(1000),
    unverifiedOnly: z.boolean(),
  })
  .strict();

/**
 * A page of the Browse table: its sort (compared as the reader's language does, hence the locale) and
 * filter. With it, `collections.page` lists the records that match, in that order, and `total` counts them.
 */
export const browseQuery = z
  .object({
    key: z.enum(['title', 'kind', 'date']),
    direction: z.enum(['ascending', 'descending']),
    // A BCP 47 tag as i18next holds it ("en", "lt"); Intl.Collator throws on a malformed one.
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/),
    filter: browseFilter,
  })
  .strict();
export type BrowseQuery = z.infer<typeof browseQuery>;

export const collectionRequests = {
  'collections.list': z.object({}).strict(),
  /** The whole collection: only for views that truly need every record of a (small) collection. */
  'collections.get': z.object({ collectionId }).strict(),
  'collections.summary': z.object({ collectionId }).strict(),
  'collections.getRecord': z.object({ collectionId, recordId }).strict(),
  'collections.getRecords': z
    .object({ collectionId, recordIds: z.array(recordId).max(MAX_RECORDS_PER_REQUEST) })
    .strict(),
  'collections.page': z
    .object({
      collectionId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_RECORDS_PER_REQUEST),
      sort: z.enum(RECORD_SORTS).optional(),
      browse: browseQuery.optional(),
    })
    .strict()
    .refine((request) => !(request.sort && request.browse), {
      message: 'give either sort or browse, not both',
    }),
  /** What the Browse table's filter fields and tabs offer for a collection, without its records. */
  'collections.browseOptions': z.object({ collectionId }).strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type CollectionChannel = keyof typeof collectionRequests;

/** Everything about a collection except its records and texts. */
export interface CollectionDetails {
  summary: CollectionSummary;
  manifest: Manifest;
  bibliography: CslItem[];
  integrity: IntegrityReport;
  /** The long texts, without their bodies (`collections.get` has them). */
  texts: Omit<LoadedText, 'markdown'>[];
  /** Records of each kind present. */
  counts: Partial<Record<RecordKind, number>>;
  /** The typed person fields some record fills (`surname`, `birthDate` …), sorted. */
  personFields: string[];
  /** Headers of unmapped columns (`otherFields`), in the order first met. */
  otherFields: string[];
}

/** What Browse needs of a whole collection to list it page by page (each worked out in main). */
export interface BrowseOptions {
  /** Kinds present, in RECORD_KINDS order. */
  kinds: RecordKind[];
  /** The years the records' dates cover; null when nothing is dated. */
  years: { from: number; to: number } | null;
  /** The place records, for the place filter (few, even in a registry of people). */
  places: LoadedRecord[];
  /** The table's columns (shared/collection/table-columns.ts). */
  columns: Column[];
  /** Whether the Map and Charts tabs have anything to show. */
  tabs: { map: boolean; charts: boolean };
}

/** One record and the ids of the records its page names besides its own relation targets. */
export interface RecordAnswer {
  record: LoadedRecord;
  /** Records whose relations point at this one ("referenced by"), in stored order. */
  referrers: string[];
  /** Other people sharing this person's case file number, in stored order. */
  family: string[];
  /** Claim id → id of the record holding it, for the `claim:` links in this record's summaries. */
  claimHolders: Record<string, string>;
  /** The collection revision the answer was read from. */
  revision: string;
}

export interface CollectionResponses {
  'collections.list': CollectionSummary[];
  'collections.get': LoadedCollection;
  'collections.summary': CollectionDetails;
  'collections.getRecord': RecordAnswer;
  /** The records found, in the order asked; ids the collection does not hold are listed in `missing`. */
  'collections.getRecords': { records: LoadedRecord[]; missing: string[]; revision: string };
  /** With `browse`, `total` counts the records that match its filter; without, every record. */
  'collections.page': { records: LoadedRecord[]; offset: number; total: number; revision: string };
  'collections.browseOptions': BrowseOptions;
}
