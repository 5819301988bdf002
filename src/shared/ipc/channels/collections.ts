/** Channels serving the installed collections: the bundled ones and those the user imported. */
import { z } from 'zod';
import type { LoadedCollection, LoadedRecord, LoadedText } from '../../collection/model';
import type { IntegrityReport } from '../../collection/integrity';
import type { CslItem, Manifest, RecordKind } from '../../collection/schema';
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
    })
    .strict(),
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
  'collections.page': { records: LoadedRecord[]; offset: number; total: number; revision: string };
}
