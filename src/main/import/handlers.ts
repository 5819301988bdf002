/** The `imports.*` channels, built from the import store. */
import type { ImportChannel } from '@shared/ipc/channels/imports';
import type { Handlers } from '@shared/ipc/contract';
import { decodeRecordPart } from '@shared/import/record-parts';
import { HandlerError } from '../ipc/dispatch';
import type { ImportStore } from './import-store';

export function createImportHandlers(store: ImportStore): Pick<Handlers, ImportChannel> {
  return {
    'imports.begin': (request) => store.begin(request),
    'imports.appendRecords': ({ sessionId, seq, records }) => store.append(sessionId, records, seq),
    'imports.appendRecordsJson': async ({ sessionId, seq, json }) => {
      // Text (tests, older pages), bytes (Electron IPC) or the array the web server parsed them into.
      const part = decodeRecordPart(json);
      if (!part.ok)
        throw new HandlerError(
          'import-invalid',
          `The records sent${seq === undefined ? '' : ` (part ${seq + 1})`}: ${part.reason}`,
        );
      return store.append(sessionId, part.records, seq);
    },
    'imports.commit': ({ sessionId }) => store.commit(sessionId),
    'imports.abort': ({ sessionId }) => store.abort(sessionId),
    'imports.list': () => store.list(),
    'imports.remove': ({ collectionId }) => store.remove(collectionId),
  };
}
