/**
 * `photos.importBytes`: an original received from a teammate (team sync, docs/sync.md "Photos") goes
 * into the store through the same import session as a picked file (sniffed, decoded, derived copies
 * made, committed with the original renamed last). The sha256 it was sent under is checked here first:
 * bytes that do not match are refused before anything is staged.
 */
import { createHash } from 'node:crypto';
import type { ImportedPhoto } from '@shared/ipc/channels/photos';
import { HandlerError } from '../ipc/dispatch';
import type { PhotoImports } from './import-session';
import type { PhotoStore } from './photo-store';

export async function importPhotoBytes(
  store: PhotoStore,
  imports: PhotoImports,
  request: { sha256: string; fileName: string; bytes: Uint8Array },
): Promise<{ photos: ImportedPhoto[]; already: boolean }> {
  const actual = createHash('sha256').update(request.bytes).digest('hex');
  if (actual !== request.sha256)
    throw new HandlerError(
      'photo-mismatch',
      `The photo ${request.fileName} does not match the sha256 it was sent under (${request.sha256.slice(0, 12)}…, its bytes give ${actual.slice(0, 12)}…): not imported.`,
    );
  if (await store.has(request.sha256)) return { photos: [], already: true };
  const { sessionId } = await imports.begin({
    files: [{ name: request.fileName, folder: '', bytes: request.bytes }],
    skipped: [],
  });
  await imports.settled(sessionId);
  const progress = imports.progress(sessionId);
  const skipped = progress.skipped[0];
  if (progress.state !== 'ready' || skipped) {
    await imports.cancel(sessionId);
    throw new HandlerError(
      'photo-refused',
      `The photo ${request.fileName} was not imported: ${skipped?.reason ?? progress.error ?? progress.state}`,
    );
  }
  const { photos } = await imports.commit(sessionId);
  return { photos, already: false };
}
