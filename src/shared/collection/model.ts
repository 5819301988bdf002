/**
 * The loaded collection: what a valid package becomes once the validator has checked and normalised it.
 * Main, preload, renderer and worker code all hold this shape; none of them needs the validator for it.
 */
import type { IntegrityReport } from './integrity';
import type { CollectionRecord, CslItem, Manifest } from './schema';

export type LoadedRecord = CollectionRecord & {
  /** Earliest day (ISO `YYYY-MM-DD`) the record's `date` can denote; null when it has no date. */
  earliest: string | null;
  /** Latest day (ISO `YYYY-MM-DD`) the record's `date` can denote; null when it has no date. */
  latest: string | null;
};

export interface LoadedText {
  id: string;
  title: string;
  language: string;
  markdown: string;
  /** Id of the text this one translates, when it is a translation. */
  translationOf?: string;
}

export interface LoadedCollection {
  manifest: Manifest;
  records: LoadedRecord[];
  bibliography: CslItem[];
  texts: LoadedText[];
  integrity: IntegrityReport;
}
