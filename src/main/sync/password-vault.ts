/**
 * Where the sync password lives. In Electron it is encrypted with the operating system's keychain
 * (Electron's safeStorage) into a file in the user-data folder; without a keychain it is refused, never
 * kept in clear. The web harness, which has no keychain, keeps it in memory for its session only.
 *
 * The secret stored is the password together with the server and user it belongs to, so a password can
 * never be sent to another server or as another user after the settings change.
 */
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';

export interface StoredSecret {
  serverUrl: string;
  username: string;
  password: string;
}

/** The two calls of Electron's safeStorage this needs, so tests can stand in for it. */
export interface SecretCipher {
  /** null: encryption is available; otherwise why not, in a sentence. */
  unavailableReason(): string | null;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface PasswordVault {
  readonly kind: 'encrypted' | 'memory';
  unavailableReason(): string | null;
  read(): Promise<StoredSecret | null>;
  write(secret: StoredSecret): Promise<void>;
  clear(): Promise<void>;
}

export class VaultUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'VaultUnavailableError';
  }
}

export function createMemoryVault(): PasswordVault {
  let secret: StoredSecret | null = null;
  return {
    kind: 'memory',
    unavailableReason: () => null,
    read: async () => secret,
    write: async (next) => {
      secret = { ...next };
    },
    clear: async () => {
      secret = null;
    },
  };
}

function isStoredSecret(value: unknown): value is StoredSecret {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['serverUrl', 'username', 'password'].every((key) => typeof record[key] === 'string');
}

export function createEncryptedFileVault(file: string, cipher: SecretCipher): PasswordVault {
  return {
    kind: 'encrypted',
    unavailableReason: () => cipher.unavailableReason(),
    read: async () => {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (cipher.unavailableReason() !== null) return null;
      try {
        const value: unknown = JSON.parse(cipher.decrypt(encrypted));
        return isStoredSecret(value) ? value : null;
      } catch {
        // Encrypted under another keychain (a copied profile, a reset keyring): unreadable, so it is as
        // if none were stored; the user enters the password again and it is replaced.
        return null;
      }
    },
    write: async (secret) => {
      const reason = cipher.unavailableReason();
      if (reason !== null) throw new VaultUnavailableError(reason);
      await writeFileAtomic(file, cipher.encrypt(JSON.stringify(secret)));
    },
    clear: () => rm(file, { force: true }),
  };
}
