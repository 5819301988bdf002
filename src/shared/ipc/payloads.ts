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

// Interim shape until the collection model lands.
export interface LoadedCollectionPayload {
  manifest: {
    id: string;
    title: string;
    description: string;
    version: string;
    languages: string[];
    synthetic?: boolean;
  };
  records: unknown[];
}
