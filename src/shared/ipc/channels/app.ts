/** Channels about the application itself. */
import { z } from 'zod';

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const externalUrl = z
  .string()
  .max(2048)
  .refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

export interface AppInfo {
  name: string;
  version: string;
  license: string;
  /** Which transport serves this renderer; shown in About, never used to branch behaviour. */
  transport: 'electron' | 'http';
  /** Where the app keeps user data (imported collections, backups). */
  dataDirectory: string;
}

export const appRequests = {
  'app.getInfo': z.object({}).strict(),
  'shell.openExternal': z.object({ url: externalUrl }).strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type AppChannel = keyof typeof appRequests;

export interface AppResponses {
  'app.getInfo': AppInfo;
  'shell.openExternal': { opened: boolean };
}
