/**
 * The photo store in the user's data folder:
 *
 *   photos/originals/<sha256>         the original, byte-exact (stored once however often imported)
 *   photos/originals/<sha256>.json    its sidecar (PhotoRecord)
 *   photos/derived/<sha256>/display-<page>.webp, thumb-<page>.webp
 *   photos/staging/<session>/…        an import in progress (see import-session.ts)
 *
 * An import stages everything first; `commitStaged` then moves one photo into place with the original
 * renamed LAST, so an original that exists always has its sidecar and derived copies beside it. A
 * crash leaves at most derived files without an original (overwritten by the next import of it) and
 * a staging folder (removed when the store starts).
 */
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha256, type PhotoRecord, type PhotoVariant } from '@shared/photos/model';
import { writeFileAtomic } from '../fs/atomic-write';
import { syncDirectory } from '../fs/sync-directory';

export interface PhotoStore {
  readonly root: string;
  /** A fresh, empty staging folder for one import session. */
  stagingFolder(sessionId: string): Promise<string>;
  /** True when the original is stored (then its sidecar and derived copies are too). */
  has(sha256: string): Promise<boolean>;
  record(sha256: string): Promise<PhotoRecord | null>;
  /**
   * Moves a staged photo into the store: `stagedDir` holds `original` and `display-<n>.webp`,
   * `thumb-<n>.webp` for each page. Storing a photo that is already there changes nothing.
   */
  commitStaged(stagedDir: string, record: PhotoRecord): Promise<void>;
  /** The file of one variant, or null when there is none (unknown photo, page or malformed sha). */
  variantPath(sha256: string, variant: PhotoVariant, page: number): Promise<string | null>;
  /** Removes every staging folder (sessions do not survive a restart). */
  clearStaging(): Promise<void>;
}

export const derivedName = (kind: 'display' | 'thumb', page: number): string => `${kind}-${page}.webp`;

export function createPhotoStore({ dataDirectory }: { dataDirectory: string }): PhotoStore {
  const root = join(dataDirectory, 'photos');
  const originals = join(root, 'originals');
  const derived = join(root, 'derived');
  const staging = join(root, 'staging');
  const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() === true;

  const store: PhotoStore = {
    root,
    async stagingFolder(sessionId) {
      const folder = join(staging, sessionId);
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      return folder;
    },
    has: (sha256) => (isSha256(sha256) ? isFile(join(originals, sha256)) : Promise.resolve(false)),
    async record(sha256) {
      if (!isSha256(sha256)) return null;
      try {
        return JSON.parse(await readFile(join(originals, `${sha256}.json`), 'utf8')) as PhotoRecord;
      } catch {
        return null;
      }
    },
    async commitStaged(stagedDir, record) {
      if (await store.has(record.sha256)) return;
      const target = join(derived, record.sha256);
      await mkdir(target, { recursive: true });
      await mkdir(originals, { recursive: true });
      for (let page = 0; page < record.pageCount; page += 1) {
        for (const kind of ['display', 'thumb'] as const) {
          const name = derivedName(kind, page);
          await rename(join(stagedDir, name), join(target, name));
        }
      }
      await syncDirectory(target);
      await writeFileAtomic(join(originals, `${record.sha256}.json`), `${JSON.stringify(record, null, 2)}\n`);
      await rename(join(stagedDir, 'original'), join(originals, record.sha256));
      await syncDirectory(originals);
    },
    async variantPath(sha256, variant, page) {
      if (!isSha256(sha256) || !Number.isInteger(page) || page < 0) return null;
      if (!(await store.has(sha256))) return null;
      if (variant === 'original') return page === 0 ? join(originals, sha256) : null;
      const path = join(derived, sha256, derivedName(variant, page));
      return (await isFile(path)) ? path : null;
    },
    async clearStaging() {
      await rm(staging, { recursive: true, force: true });
    },
  };
  return store;
}
