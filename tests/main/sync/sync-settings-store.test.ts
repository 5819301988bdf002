import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEncryptedFileVault,
  createMemoryVault,
  type SecretCipher,
} from '../../../src/main/sync/password-vault';
import { createSyncSettingsStore, SyncSettingsError } from '../../../src/main/sync/sync-settings-store';

/** Stands in for safeStorage: a reversible transformation whose output never contains the input. */
function fakeCipher(available = true): SecretCipher & { encrypt: ReturnType<typeof vi.fn> } {
  return {
    unavailableReason: () => (available ? null : 'no keychain in this test.'),
    encrypt: vi.fn((plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a))),
    decrypt: (encrypted: Buffer) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
}

const settings = { serverUrl: 'https://couch.example.org', project: 'family', username: 'ona' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atmintis-sync-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(cipher: SecretCipher = fakeCipher()) {
  return createSyncSettingsStore({
    file: join(dir, 'sync', 'settings.json'),
    vault: createEncryptedFileVault(join(dir, 'sync', 'password.bin'), cipher),
  });
}

describe('sync settings and the encrypted password', () => {
  it('keeps the password encrypted on disk and never in the settings file or the view', async () => {
    const cipher = fakeCipher();
    const view = await store(cipher).save(settings, 'Žemaitė-1863');
    expect(view).toEqual({
      settings,
      passwordStored: true,
      canStorePassword: true,
      passwordStorage: 'encrypted',
    });
    expect(JSON.stringify(view)).not.toContain('Žemaitė');
    const onDisk = await readFile(join(dir, 'sync', 'password.bin'));
    expect(onDisk.toString('utf8')).not.toContain('Žemaitė');
    expect(await readFile(join(dir, 'sync', 'settings.json'), 'utf8')).not.toContain('Žemaitė');
    // A new store over the same folder (the next start) gets it back.
    expect(await store(cipher).credentials()).toEqual({ settings, password: 'Žemaitė-1863' });
  });

  it('refuses to store a password when encryption is unavailable, and writes nothing', async () => {
    const unavailable = fakeCipher(false);
    await expect(store(unavailable).save(settings, 'secret')).rejects.toMatchObject({
      code: 'password-storage-unavailable',
      message: expect.stringContaining('never stores it unencrypted'),
    });
    expect(unavailable.encrypt).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
    // Settings without a password are still allowed, and the view says why no password can be kept.
    const view = await store(unavailable).save(settings);
    expect(view).toMatchObject({
      settings,
      passwordStored: false,
      canStorePassword: false,
      passwordStorage: 'unavailable',
      passwordStorageProblem: 'no keychain in this test.',
    });
  });

  it('keeps the password when only the project changes, and drops it when the server or user changes', async () => {
    const s = store();
    await s.save(settings, 'secret');
    expect((await s.save({ ...settings, project: 'thesis' })).passwordStored).toBe(true);
    expect((await s.save({ ...settings, project: 'thesis', username: 'jonas' })).passwordStored).toBe(false);
    await s.save(settings, 'secret');
    await s.save({ ...settings, serverUrl: 'https://other.example.org' });
    expect(await s.credentials()).toEqual({
      settings: { ...settings, serverUrl: 'https://other.example.org' },
      password: null,
    });
  });

  it('forgets everything', async () => {
    const s = store();
    await s.save(settings, 'secret');
    expect(await s.forget()).toMatchObject({ settings: null, passwordStored: false });
    expect(await readdir(join(dir, 'sync'))).toEqual([]);
  });

  it('reports an unreadable settings file with its path instead of replacing it', async () => {
    await mkdir(join(dir, 'sync'));
    await writeFile(
      join(dir, 'sync', 'settings.json'),
      '{"serverUrl":"http://example.org","project":"x","username":"a"}',
    );
    const error = await store()
      .view()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncSettingsError);
    expect((error as Error).message).toMatch(
      /settings\.json: serverUrl is missing or not an allowed server address/,
    );
    await writeFile(join(dir, 'sync', 'settings.json'), '{oops');
    await expect(store().view()).rejects.toThrow(/settings\.json is not valid JSON/);
  });

  it('treats a password encrypted under another keychain as not stored', async () => {
    await store().save(settings, 'secret');
    const otherKeychain: SecretCipher = { ...fakeCipher(), decrypt: () => 'garbage' };
    expect(await store(otherKeychain).credentials()).toEqual({ settings, password: null });
  });

  it('keeps the password in memory only for the web harness', async () => {
    const memory = createSyncSettingsStore({
      file: join(dir, 'sync', 'settings.json'),
      vault: createMemoryVault(),
    });
    expect((await memory.save(settings, 'secret')).passwordStorage).toBe('memory');
    expect(await readdir(join(dir, 'sync'))).toEqual(['settings.json']);
  });
});
