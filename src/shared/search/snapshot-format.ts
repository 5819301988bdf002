/**
 * The snapshot format, apart from snapshot.ts so the renderer can key a saved index (index-key.ts)
 * without loading the encoder. Bumped whenever the layout or the meaning of any section changes:
 * older snapshots are rebuilt. 5: facets are the list of facets.ts, person facets included.
 */
export const SNAPSHOT_FORMAT = 5;
