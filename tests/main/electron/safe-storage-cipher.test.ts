import { describe, expect, it, vi } from 'vitest';
import { safeStorageCipher } from '../../../src/main/electron/safe-storage-cipher';

function safeStorage(available: boolean, backend?: string) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((plain: string) => Buffer.from(`enc(${plain})`)),
    decryptString: vi.fn((encrypted: Buffer) => encrypted.toString().slice(4, -1)),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('safeStorage as the sync password cipher', () => {
  it('encrypts with the OS keychain when there is one', () => {
    const cipher = safeStorageCipher(safeStorage(true, 'gnome_libsecret'));
    expect(cipher.unavailableReason()).toBeNull();
    expect(cipher.decrypt(cipher.encrypt('pw'))).toBe('pw');
  });

  it('is unavailable without encryption, and on Linux’s plain-text fallback', () => {
    expect(safeStorageCipher(safeStorage(false)).unavailableReason()).toMatch(/no encrypted storage/);
    expect(safeStorageCipher(safeStorage(true, 'basic_text')).unavailableReason()).toMatch(/keyring/);
  });
});
