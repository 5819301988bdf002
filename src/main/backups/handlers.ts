/** The `backups.*` and `files.save` channels, built from the backup store and the host's save function. */
import type { Handlers } from '@shared/ipc/contract';
import { HandlerError } from '../ipc/dispatch';
import type { BackupStore } from './backup-store';
import type { SaveFile } from './save-file';

export type BackupChannels = 'backups.write' | 'backups.list' | 'backups.read' | 'files.save';

export interface BackupHandlerDependencies {
  store: BackupStore;
  saveFile: SaveFile;
}

function decode(content: string, encoding: 'utf8' | 'base64'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(content);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw new HandlerError('invalid-content', 'The file content is not valid base64');
  }
  return new Uint8Array(Buffer.from(content, 'base64'));
}

export function createBackupHandlers(deps: BackupHandlerDependencies): Pick<Handlers, BackupChannels> {
  return {
    'backups.write': ({ json, reason }) => deps.store.write(json, reason),
    'backups.list': async () => ({ folder: deps.store.folder, backups: await deps.store.list() }),
    'backups.read': async ({ name }) => ({ name, json: await deps.store.read(name) }),
    'files.save': ({ suggestedName, content, encoding, mimeType }) =>
      deps.saveFile({ suggestedName, data: decode(content, encoding), mimeType }),
  };
}
