/** Channels serving the installed collections: the bundled ones and those the user imported. */
import { z } from 'zod';
import type { LoadedCollection } from '../../collection/model';
import type { CollectionSummary } from '../payloads';

export const collectionId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

export const collectionRequests = {
  'collections.list': z.object({}).strict(),
  'collections.get': z.object({ collectionId }).strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type CollectionChannel = keyof typeof collectionRequests;

export interface CollectionResponses {
  'collections.list': CollectionSummary[];
  'collections.get': LoadedCollection;
}
