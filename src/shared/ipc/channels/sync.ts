/**
 * Team sync settings: which server and project (CouchDB database) to replicate the user's layer with,
 * as whom, and a connection test. The password goes in (saveSettings) and never comes back out: main
 * keeps it encrypted and adds it to requests it forwards (see src/shared/sync/server-remote-path.ts).
 */
import { z } from 'zod';
import {
  checkServerUrl,
  MAX_PROJECT_NAME_LENGTH,
  PROJECT_NAME_PATTERN,
  SERVER_URL_MESSAGES,
} from '../../sync/server-url';

export const MAX_SYNC_PASSWORD_CHARS = 1024;

const serverUrl = z
  .string()
  .max(2048)
  .transform((value, context) => {
    const check = checkServerUrl(value);
    if (check.ok) return check.url;
    context.addIssue({ code: 'custom', message: SERVER_URL_MESSAGES[check.problem] });
    return z.NEVER;
  });

export const syncRequests = {
  'sync.getSettings': z.object({}).strict(),
  'sync.saveSettings': z
    .object({
      serverUrl,
      project: z
        .string()
        .min(1)
        .max(MAX_PROJECT_NAME_LENGTH)
        .regex(
          PROJECT_NAME_PATTERN,
          'must start with a lowercase letter and use only lowercase letters, digits and _ $ ( ) + -',
        ),
      username: z
        .string()
        .min(1)
        .max(200)
        // CouchDB user names: anything printable except ":" (it separates name and password in Basic auth).
        // eslint-disable-next-line no-control-regex
        .regex(/^[^:\u0000-\u001f\u007f]+$/, 'must not contain ":" or control characters'),
      /** Absent: keep the stored password (if it belongs to the same server and user). */
      password: z.string().min(1).max(MAX_SYNC_PASSWORD_CHARS).optional(),
    })
    .strict(),
  'sync.forget': z.object({}).strict(),
  'sync.testConnection': z.object({}).strict(),
} as const;

export type SyncChannel = keyof typeof syncRequests;

export interface SyncSettings {
  serverUrl: string;
  project: string;
  username: string;
}

export interface SyncSettingsView {
  /** null: sync is not set up. */
  settings: SyncSettings | null;
  passwordStored: boolean;
  /** false: this computer cannot encrypt the password (no OS keychain), so none can be stored. */
  canStorePassword: boolean;
  /** Electron: "encrypted with the system keychain"; web harness: "this session's memory only". */
  passwordStorage: 'encrypted' | 'memory' | 'unavailable';
  /** Why the password cannot be stored here, when it cannot. */
  passwordStorageProblem?: string;
}

export type ConnectionOutcome =
  | 'ok'
  | 'not-configured'
  | 'no-password'
  | 'wrong-password'
  | 'forbidden'
  | 'not-found'
  | 'unreachable'
  | 'tls'
  | 'redirected'
  | 'server-error';

export interface ConnectionTest {
  outcome: ConnectionOutcome;
  /** A plain English sentence for logs; the UI words it in the interface language from `outcome`. */
  message: string;
  /** The HTTP status when the server answered. */
  status?: number;
  /** The project's document count when the test succeeded. */
  documents?: number;
}

export interface SyncResponses {
  'sync.getSettings': SyncSettingsView;
  'sync.saveSettings': SyncSettingsView;
  'sync.forget': SyncSettingsView;
  'sync.testConnection': ConnectionTest;
}
