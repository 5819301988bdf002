/**
 * The snapshot format, apart from snapshot.ts so the renderer can key a saved index (index-key.ts)
 * without loading the encoder. Bumped whenever the layout or the meaning of any section changes:
 * older snapshots are rebuilt. 5: facets are the list of facets.ts, person facets included. 6: the
 * answers precomputed for the shortest queries (short-prefixes.ts). Those are search results: a change
 * to ranking, scoring, matching or facets must bump this too, or saved indexes answer the old way.
 */
export const SNAPSHOT_FORMAT = 6;
