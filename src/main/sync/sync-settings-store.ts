/**
 * The sync settings (server, project, user: nothing secret) in a JSON file in the user-data folder, and
 * the password in a PasswordVault. Every write is atomic; a settings file that cannot be read is
 * reported with its path, never silently replaced by defaults.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SyncSettings, SyncSettingsView } from '@shared/ipc/channels/sync';
import { checkServerUrl, PROJECT_NAME_PATTERN } from '@shared/sync/server-url';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PasswordVault } from './password-vault';
import { VaultUnavailableError } from './password-vault';

export interface SyncCredentials {
  settings: SyncSettings;
  /** null: none stored for exactly this server and user. */
  password: string | null;
}

export interface SyncSettingsStore {
  view(): Promise<SyncSettingsView>;
  /** The settings with the password that belongs to them, or null when sync is not set up. */
  credentials(): Promise<SyncCredentials | null>;
  save(settings: SyncSettings, password?: string): Promise<SyncSettingsView>;
  forget(): Promise<SyncSettingsView>;
}

export class SyncSettingsError extends Error {
  constructor(
    readonly code: 'settings-unreadable' | 'password-storage-unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'SyncSettingsError';
  }
}

function parseSettings(file: string, text: string): SyncSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyncSettingsError(
      'settings-unreadable',
      `${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { serverUrl, project, username } = record;
  const problem =
    typeof serverUrl !== 'string' || !checkServerUrl(serverUrl).ok
      ? 'serverUrl is missing or not an allowed server address'
      : typeof project !== 'string' || !PROJECT_NAME_PATTERN.test(project)
        ? 'project is missing or not a valid project name'
        : typeof username !== 'string' || username === ''
          ? 'username is missing'
          : null;
  if (problem !== null) throw new SyncSettingsError('settings-unreadable', `${file}: ${problem}`);
  return { serverUrl: serverUrl as string, project: project as string, username: username as string };
}

const sameAccount = (settings: SyncSettings, secret: { serverUrl: string; username: string }) =>
  settings.serverUrl === secret.serverUrl && settings.username === secret.username;

export function createSyncSettingsStore(options: { file: string; vault: PasswordVault }): SyncSettingsStore {
  const { file, vault } = options;

  async function readSettings(): Promise<SyncSettings | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseSettings(file, text);
  }

  async function credentials(): Promise<SyncCredentials | null> {
    const settings = await readSettings();
    if (settings === null) return null;
    const secret = await vault.read();
    return { settings, password: secret && sameAccount(settings, secret) ? secret.password : null };
  }

  async function view(): Promise<SyncSettingsView> {
    const current = await credentials();
    const reason = vault.unavailableReason();
    return {
      settings: current?.settings ?? null,
      passwordStored: current?.password != null,
      canStorePassword: reason === null,
      passwordStorage: reason !== null ? 'unavailable' : vault.kind,
      ...(reason !== null ? { passwordStorageProblem: reason } : {}),
    };
  }

  return {
    view,
    credentials,
    save: async (settings, password) => {
      // Refused before anything is written: never the settings without the password the user typed.
      const reason = vault.unavailableReason();
      if (password !== undefined && reason !== null) {
        throw new SyncSettingsError(
          'password-storage-unavailable',
          `The password was not saved: ${reason} Atmintis never stores it unencrypted.`,
        );
      }
      await mkdir(dirname(file), { recursive: true });
      if (password !== undefined) {
        try {
          await vault.write({ serverUrl: settings.serverUrl, username: settings.username, password });
        } catch (error) {
          if (error instanceof VaultUnavailableError) {
            throw new SyncSettingsError('password-storage-unavailable', error.message);
          }
          throw error;
        }
      } else {
        // A password kept for another server or user must not follow the settings to a new account.
        const secret = await vault.read();
        if (secret && !sameAccount(settings, secret)) await vault.clear();
      }
      await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
      return view();
    },
    forget: async () => {
      await vault.clear();
      await rm(file, { force: true });
      return view();
    },
  };
}
