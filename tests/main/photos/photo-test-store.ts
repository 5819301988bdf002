/** A photo store in a temporary folder and a helper to import a folder into it, for the photo tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhotoImportProgress } from '@shared/ipc/channels/photos';
import { createPhotoImports, type PhotoImports } from '../../../src/main/photos/import-session';
import { createPhotoStore, type PhotoStore } from '../../../src/main/photos/photo-store';
import { listSourceFiles, type PhotoPick } from '../../../src/main/photos/sources';

export interface PhotoTestBed {
  base: string;
  store: PhotoStore;
  imports: PhotoImports;
  /** Writes `files` (name → bytes) into a fresh folder named `name` and returns its path. */
  folder(name: string, files: Record<string, Uint8Array | string>): Promise<string>;
  /** Imports what `pick` names up to `ready`, returning the final progress (commit is separate). */
  read(pick: PhotoPick): Promise<{ sessionId: string; progress: PhotoImportProgress }>;
  dispose(): Promise<void>;
}

export async function createPhotoTestBed(): Promise<PhotoTestBed> {
  const base = await mkdtemp(join(tmpdir(), 'atmintis-photos-'));
  const store = createPhotoStore({ dataDirectory: join(base, 'data') });
  const imports = createPhotoImports(store);
  return {
    base,
    store,
    imports,
    async folder(name, files) {
      const dir = join(base, 'picked', name);
      await mkdir(dir, { recursive: true });
      for (const [file, bytes] of Object.entries(files)) {
        await mkdir(join(dir, file, '..'), { recursive: true });
        await writeFile(join(dir, file), bytes);
      }
      return dir;
    },
    async read(pick) {
      const { sessionId } = await imports.begin(await listSourceFiles(pick));
      await imports.settled(sessionId);
      return { sessionId, progress: imports.progress(sessionId) };
    },
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}
