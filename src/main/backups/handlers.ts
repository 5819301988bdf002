/** The `backups.*` and `files.save` channels, built from the backup store and the host's save function. */
import type { BackupChannel } from '@shared/ipc/channels/backups';
import type { Handlers } from '@shared/ipc/contract';
import { decodeBase64 } from '../fs/base64';
import type { BackupStore } from './backup-store';
import type { SaveFile } from './save-file';

interface BackupHandlerDependencies {
  store: BackupStore;
  saveFile: SaveFile;
}

function decode(content: string, encoding: 'utf8' | 'base64'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(content);
  return decodeBase64(content, 'The file content');
}

export function createBackupHandlers(deps: BackupHandlerDependencies): Pick<Handlers, BackupChannel> {
  return {
    'backups.write': ({ json, reason }) => deps.store.write(json, reason),
    'backups.list': async () => ({ folder: deps.store.folder, backups: await deps.store.list() }),
    'backups.read': async ({ name }) => ({ name, json: await deps.store.read(name) }),
    'files.save': ({ suggestedName, content, encoding, mimeType }) =>
      deps.saveFile({ suggestedName, data: decode(content, encoding), mimeType }),
  };
}
