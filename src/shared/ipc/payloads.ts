/** Shapes that cross the IPC boundary for collections. */
export interface CollectionSummary {
  id: string;
  title: string;
  description: string;
  version: string;
  languages: string[];
  recordCount: number;
  synthetic: boolean;
}

export type { LoadedCollection as LoadedCollectionPayload } from '../collection/validate';
