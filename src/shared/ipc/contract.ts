/**
 * The one typed IPC contract between the renderer and the main process.
 *
 * Each feature declares its channels in ./channels/<feature>.ts: a zod schema for every request and a
 * TypeScript type for every response. This file joins them. Both transports (Electron IPC and loopback
 * HTTP) validate requests with these schemas before any handler runs, so a handler only ever sees
 * well-formed arguments. Responses come from trusted code and are typed, not re-validated.
 */
import type { z } from 'zod';
import type { Result } from '../result';
import { appRequests, type AppResponses } from './channels/app';
import { backupRequests, type BackupResponses } from './channels/backups';
import { collectionRequests, type CollectionResponses } from './channels/collections';
import { documentRequests, type DocumentResponses } from './channels/documents';
import { importRequests, type ImportResponses } from './channels/imports';
import { searchIndexRequests, type SearchIndexResponses } from './channels/search-index';
import { photoRequests, type PhotoResponses } from './channels/photos';

export { isHttpUrl, externalUrl, type AppInfo } from './channels/app';
export { ipcChannelName, OPEN_VIEW_EVENT } from './channel-names';

export const requestSchemas = {
  ...appRequests,
  ...collectionRequests,
  ...backupRequests,
  ...importRequests,
  ...documentRequests,
  ...searchIndexRequests,
  ...photoRequests,
} as const;

interface ResponseTypes
  extends
    AppResponses,
    CollectionResponses,
    BackupResponses,
    ImportResponses,
    DocumentResponses,
    SearchIndexResponses,
    PhotoResponses {}

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends Channel> = ResponseTypes[C];

export const channels = Object.keys(requestSchemas) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}

/** The main-process side: one plain async function per channel, built from its dependencies. */
export type Handlers = {
  [C in Channel]: (request: z.output<(typeof requestSchemas)[C]>) => Promise<ResponseOf<C>>;
};

/** What a transport must provide: send one request, get a Result back. */
export type Invoke = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
