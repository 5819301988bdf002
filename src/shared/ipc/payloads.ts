import type { Manifest } from '../collection/schema';

/** Shapes that cross the IPC boundary for collections. */
export interface CollectionSummary {
  id: string;
  title: string;
  description: string;
  /** Title and description in other languages, as the manifest gives them. */
  translations?: Manifest['translations'];
  version: string;
  languages: string[];
  recordCount: number;
  synthetic: boolean;
  /**
   * Changes whenever the collection's content changes (an opaque short string), so the renderer can
   * tell whether something it derived and kept, such as a search index, is still current.
   */
  revision: string;
}
