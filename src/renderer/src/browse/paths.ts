import { recordPath } from '@shared/links';

/** A record's address for wouter links inside the #/browse nest ("~" makes it absolute). */
export const recordLink = (collectionId: string, recordId: string) =>
  `~${recordPath(collectionId, recordId)}`;

export const EXPLORE_TABS = [
  { path: '~/browse', key: 'records' },
  { path: '~/browse/timeline', key: 'timeline' },
  { path: '~/browse/charts', key: 'charts' },
  { path: '~/browse/map', key: 'map' },
] as const;
