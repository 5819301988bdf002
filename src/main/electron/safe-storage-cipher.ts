import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../sync/password-vault';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/**
 * Electron's safeStorage as the sync password's cipher. On Linux without a keyring Electron falls back
 * to 'basic_text', a fixed key anyone can read: that is storing in clear, so it counts as unavailable.
 */
export function safeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    unavailableReason: () => {
      if (!safeStorage.isEncryptionAvailable()) {
        return 'this computer offers no encrypted storage (no system keychain is available).';
      }
      if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
        return 'no system keyring (such as GNOME Keyring or KWallet) is running, so the password could only be stored unencrypted.';
      }
      return null;
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
