/**
 * Imported collections on disk: `<dataDirectory>/collections/<id>/`, in the collection package format
 * (so the bundled loader and validator read them), plus a small `.atmintis-import` file with when and
 * from what it was imported. Plain Node: no Electron.
 *
 * An import is a session: begin (manifest, bibliography, texts) → append records in batches, each
 * written at once to a temp folder (`<dataDirectory>/.import-tmp/<session>/`, never held in memory) →
 * commit, which validates the whole package with the same loader the app reads it with, and only then
 * renames it into place. A failed or aborted import deletes its temp folder: nothing half-imported is
 * ever visible, and other collections and notes are never touched.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestSchema, type Manifest } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { formatPath } from '@shared/collection/collection-error';
import { BIBLIOGRAPHY_FILE, MANIFEST_FILE, isSafePackagePath } from '@shared/collection/package-paths';
import { IncrementalRecordValidation } from '@shared/collection/validation/incremental';
import { withSharedProvenance, type SharedProvenance } from '@shared/import/record-parts';
import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import { HandlerError } from '../ipc/dispatch';
import { listCollectionDirectories, loadCollectionFromDirectory } from '../collection/load-collection';
import { manifestSummary, type CollectionStore } from '../collection/collection-store';
import { replaceFolder, writeFileDurably } from '../fs/durable-write';
import { syncDirectory } from '../fs/sync-directory';
import { AppendOrder } from './append-order';
import { checkPackage, checkPart } from './package-check';

export const IMPORT_META_FILE = '.atmintis-import';
/** Loader limits for imported packages: far above the bundled defaults, still bounded. */
const LOAD_LIMITS = { maxFileBytes: 64 * 1024 * 1024, maxTotalBytes: 2048 * 1024 * 1024, maxFiles: 20_000 };
const MAX_SESSIONS = 4;
/** A session untouched this long is abandoned (its window closed mid-import) and may be reclaimed. */
const STALE_SESSION_MS = 10 * 60 * 1000;

export type { ImportedCollectionSummary };

interface BeginImport {
  manifest: unknown;
  files: { path: string; text: string }[];
  source: string;
  /** What every record's provenance shares, when the records leave it out (record-parts.ts). */
  provenance?: SharedProvenance | undefined;
}

interface ImportStoreOptions {
  dataDirectory: string;
  /** Ids that belong to bundled collections: an import may not take them. */
  isReservedId: (id: string) => Promise<boolean>;
  now?: () => Date;
}

interface Session {
  id: string;
  manifest: Manifest;
  folder: string;
  source: string;
  provenance: SharedProvenance | undefined;
  parts: number;
  records: number;
  /**
   * sha256 of each part file exactly as append wrote it, after every record in it passed the record
   * schema: commit re-reads the parts and skips the schema parse only where the bytes still match.
   */
  partDigests: Map<string, string>;
  /** Ids, duplicates and per-record checks, fed by each append, so commit need not re-read the parts. */
  validation: IncrementalRecordValidation;
  /** Last begin/append, for reclaiming abandoned sessions. */
  touched: number;
  /** Appends run one after the other so parts are numbered in arrival order. */
  queue: Promise<unknown>;
  /** Appends that carry a `seq` run in seq order instead, however the requests arrived. */
  order: AppendOrder;
}

interface ImportMeta {
  importedAt: string;
  source: string;
  recordCount: number;
  /**
   * Hash of the package's bytes, taken by the loader while validating at commit, so `list()` never
   * re-reads a large collection to know its revision. Absent in imports made before it existed.
   */
  revision?: string;
}

/** Imports from before `revision` was stored: their import time (and size) is all that tells them apart. */
function revisionOf(meta: ImportMeta): string {
  if (typeof meta.revision === 'string' && /^[0-9a-f]{1,64}$/.test(meta.revision)) return meta.revision;
  return createHash('sha256')
    .update(`imported\0${String(meta.importedAt)}\0${String(meta.recordCount)}`)
    .digest('hex')
    .slice(0, 16);
}

export interface ImportStore {
  begin(request: BeginImport): Promise<{ sessionId: string; replaces: boolean }>;
  /** `seq` (0, 1, 2 …): apply in this order, whatever order the calls arrive in. */
  append(sessionId: string, records: unknown[], seq?: number): Promise<{ received: number }>;
  commit(sessionId: string): Promise<ImportedCollectionSummary>;
  abort(sessionId: string): Promise<{ aborted: boolean }>;
  list(): Promise<ImportedCollectionSummary[]>;
  remove(collectionId: string): Promise<{ removed: boolean }>;
  /** The imported collections as a read-only CollectionStore (for the composite store). */
  collections: CollectionStore;
}

export function createImportStore(options: ImportStoreOptions): ImportStore {
  const root = join(options.dataDirectory, 'collections');
  const tmp = join(options.dataDirectory, '.import-tmp');
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, Session>();
  /** Loaded collections, kept after commit or first read: a 200k collection takes seconds to validate. */
  const loaded = new Map<string, LoadedCollection>();
  /**
   * Part digests of collections committed without being loaded: their first load skips the schema
   * parse of parts whose bytes still match (what commit used to do), and checks everything else.
   */
  const vouched = new Map<string, ReadonlyMap<string, string>>();
  /** Commits and removals are serialised: two renames of the same folder must not interleave. */
  let exclusive: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = exclusive.then(task, task);
    exclusive = run.catch(() => undefined);
    return run;
  };

  // At start, finish what a crash interrupted: a parked old folder whose replacement never landed is
  // put back; every other temp folder is an unfinished import and is deleted.
  const recovered = (async () => {
    await mkdir(root, { recursive: true });
    await mkdir(tmp, { recursive: true });
    for (const name of await readdir(tmp)) {
      const parked =
        /^old-([a-z0-9][a-z0-9-]*)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(name);
      if (parked) {
        const target = join(root, parked[1] as string);
        try {
          await rename(join(tmp, name), target);
          continue;
        } catch {
          // The new folder is in place: the parked one is stale.
        }
      }
      await rm(join(tmp, name), { recursive: true, force: true });
    }
  })();

  const session = (sessionId: string): Session => {
    const found = sessions.get(sessionId);
    if (!found)
      throw new HandlerError('import-session-not-found', `No import in progress with id "${sessionId}"`);
    return found;
  };

  async function readMeta(dir: string): Promise<ImportMeta | undefined> {
    try {
      return JSON.parse(await readFile(join(dir, IMPORT_META_FILE), 'utf8')) as ImportMeta;
    } catch {
      return undefined;
    }
  }

  async function summaryOf(dir: string): Promise<ImportedCollectionSummary | undefined> {
    const meta = await readMeta(dir);
    if (!meta) return undefined;
    try {
      const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
      return {
        ...manifestSummary(manifest),
        recordCount: meta.recordCount,
        revision: revisionOf(meta),
        importedAt: meta.importedAt,
        source: meta.source,
      };
    } catch {
      return undefined;
    }
  }

  async function list(): Promise<ImportedCollectionSummary[]> {
    await recovered;
    const out: ImportedCollectionSummary[] = [];
    for (const dir of await listCollectionDirectories(root)) {
      const summary = await summaryOf(dir);
      if (summary) out.push(summary);
    }
    return out;
  }

  async function get(collectionId: string): Promise<LoadedCollection | undefined> {
    await recovered;
    const cached = loaded.get(collectionId);
    if (cached) return cached;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(collectionId)) return undefined;
    const dir = join(root, collectionId);
    if (!(await readMeta(dir))) return undefined;
    const schemaChecked = vouched.get(collectionId);
    const result = await loadCollectionFromDirectory(dir, {
      ...LOAD_LIMITS,
      ...(schemaChecked ? { schemaChecked } : {}),
    });
    if (!result.ok) throw new HandlerError(result.error.code, result.error.message, result.error.details);
    vouched.delete(collectionId);
    loaded.set(collectionId, result.value);
    return result.value;
  }

  return {
    async begin({ manifest: rawManifest, files, source, provenance }) {
      await recovered;
      const parsed = manifestSchema.safeParse(rawManifest);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${formatPath(i.path) || 'manifest'}: ${i.message}`);
        throw new HandlerError(
          'import-invalid',
          `The collection details are invalid: ${issues.join('; ')}`,
          issues,
        );
      }
      const manifest = parsed.data;
      if (await options.isReservedId(manifest.id)) {
        throw new HandlerError(
          'import-id-taken',
          `"${manifest.id}" is the id of a bundled collection; choose another collection id`,
        );
      }
      for (const file of files) {
        if (
          !isSafePackagePath(file.path) ||
          file.path === MANIFEST_FILE ||
          file.path.startsWith('records/')
        ) {
          throw new HandlerError('import-invalid', `Refusing package file "${file.path.slice(0, 200)}"`);
        }
      }
      if (sessions.size >= MAX_SESSIONS) {
        for (const stale of [...sessions.values()].filter(
          (x) => now().getTime() - x.touched > STALE_SESSION_MS,
        )) {
          sessions.delete(stale.id);
          await rm(stale.folder, { recursive: true, force: true });
        }
      }
      if (sessions.size >= MAX_SESSIONS) {
        throw new HandlerError('import-busy', `${MAX_SESSIONS} imports are already in progress`);
      }
      const id = randomUUID();
      const folder = join(tmp, `session-${id}`);
      await mkdir(join(folder, 'records'), { recursive: true });
      // Every package has a bibliography; CSV imports have none to give.
      const withBibliography = files.some((f) => f.path === BIBLIOGRAPHY_FILE)
        ? files
        : [...files, { path: BIBLIOGRAPHY_FILE, text: '[]' }];
      const validation = new IncrementalRecordValidation(
        new Map(withBibliography.map((f) => [f.path, f.text])),
      );
      for (const file of withBibliography) {
        await mkdir(join(folder, file.path, '..'), { recursive: true });
        await writeFileDurably(join(folder, file.path), file.text);
      }
      sessions.set(id, {
        id,
        manifest,
        folder,
        source: source.slice(0, 300),
        provenance,
        parts: 0,
        records: 0,
        partDigests: new Map(),
        validation,
        touched: now().getTime(),
        queue: Promise.resolve(),
        order: new AppendOrder(),
      });
      const replaces = (await readMeta(join(root, manifest.id))) !== undefined;
      return { sessionId: id, replaces };
    },

    append(sessionId, records, seq) {
      const s = session(sessionId);
      s.touched = now().getTime();
      if (seq !== undefined && s.order.arrived(seq)) {
        throw new HandlerError('import-invalid', `Records part ${seq + 1} was sent twice`);
      }
      const after = seq === undefined ? s.queue : s.order.take(seq);
      // Checked and encoded before its turn, so this part's CPU work overlaps the previous part's
      // write and sync (the page keeps several on their way); only numbering and writing wait.
      const checked = checkPart(s.provenance ? withSharedProvenance(records, s.provenance) : records);
      const run = after.then(async () => {
        if (sessions.get(sessionId) !== s) {
          throw new HandlerError('import-session-not-found', `No import in progress with id "${sessionId}"`);
        }
        if (!checked.ok) {
          const { index, issue } = checked;
          throw new HandlerError(
            'import-invalid',
            `Record ${s.records + index + 1}: ${formatPath(issue?.path ?? []) || 'record'}: ${issue?.message ?? 'invalid'}`,
          );
        }
        s.parts += 1;
        const name = `part-${String(s.parts).padStart(5, '0')}.json`;
        await writeFileDurably(join(s.folder, 'records', name), checked.bytes);
        s.partDigests.set(`records/${name}`, checked.digest);
        s.validation.addPart(`records/${name}`, checked.records);
        s.records += checked.records.length;
        return { received: s.records };
      });
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      if (seq !== undefined) void settled.then(() => s.order.finished(seq));
      // Commit and abort wait for every append that has arrived.
      s.queue = Promise.all([s.queue, settled]);
      return run;
    },

    commit(sessionId) {
      const s = session(sessionId);
      // A part that waits for one that never came would hold the commit (and every commit after it)
      // for ever: such a session is refused and removed instead.
      const missing = s.order.missing();
      if (missing !== undefined) {
        sessions.delete(sessionId);
        s.order.releaseAll();
        return s.queue
          .then(() => rm(s.folder, { recursive: true, force: true }))
          .then(() => {
            throw new HandlerError(
              'import-invalid',
              `Records part ${missing + 1} never arrived; nothing was imported`,
            );
          });
      }
      return serial(async () => {
        await s.queue;
        sessions.delete(sessionId);
        try {
          await writeFileDurably(join(s.folder, MANIFEST_FILE), JSON.stringify(s.manifest, null, 2));
          if (s.records === 0) throw new HandlerError('import-invalid', 'The import has no records');
          const checked = await checkPackage({
            folder: s.folder,
            name: `session-${s.id}`,
            collectionId: s.manifest.id,
            partDigests: s.partDigests,
            validation: s.validation,
            limits: LOAD_LIMITS,
          });
          const meta: ImportMeta = {
            importedAt: now().toISOString(),
            source: s.source,
            recordCount: s.records,
            // The meta file is not part of the package (the loader does not read it), so this hash
            // stays true of what is read back after the rename.
            revision: checked.revision,
          };
          await writeFileDurably(join(s.folder, IMPORT_META_FILE), JSON.stringify(meta));
          await syncDirectory(join(s.folder, 'records'));
          await syncDirectory(s.folder);
          const target = join(root, s.manifest.id);
          await replaceFolder(s.folder, target, join(tmp, `old-${s.manifest.id}-${s.id}`));
          await syncDirectory(root);
          if (checked.collection) {
            vouched.delete(s.manifest.id);
            loaded.set(s.manifest.id, checked.collection);
          } else {
            loaded.delete(s.manifest.id);
            vouched.set(s.manifest.id, s.partDigests);
          }
          const summary = await summaryOf(target);
          if (!summary)
            throw new HandlerError('import-failed', 'The imported collection could not be read back');
          return summary;
        } finally {
          await rm(s.folder, { recursive: true, force: true });
        }
      });
    },

    async abort(sessionId) {
      const s = sessions.get(sessionId);
      if (!s) return { aborted: false };
      sessions.delete(sessionId);
      // Appends still waiting for an earlier part that will never come now run, find the session
      // gone, and fail instead of waiting for ever.
      s.order.releaseAll();
      await s.queue;
      await rm(s.folder, { recursive: true, force: true });
      return { aborted: true };
    },

    list,

    remove(collectionId) {
      return serial(async () => {
        await recovered;
        const dir = join(root, collectionId);
        if (!/^[a-z0-9][a-z0-9-]*$/.test(collectionId) || !(await readMeta(dir))) return { removed: false };
        // Move out first (atomic), then delete: a half-deleted folder is never listed.
        const parked = join(tmp, `removed-${collectionId}-${randomUUID()}`);
        await rename(dir, parked);
        loaded.delete(collectionId);
        vouched.delete(collectionId);
        await rm(parked, { recursive: true, force: true });
        return { removed: true };
      });
    },

    collections: { list, get },
  };
}

/** Bundled collections first; an imported one never shadows a bundled id. */
export function createCompositeCollectionStore(
  bundled: CollectionStore,
  imported: CollectionStore,
): CollectionStore {
  return {
    async list() {
      const first = await bundled.list();
      const ids = new Set(first.map((c) => c.id));
      const rest = (await imported.list()).filter((c) => !ids.has(c.id));
      return [
        ...first,
        ...rest.map(({ id, title, description, version, languages, recordCount, synthetic, revision }) => ({
          id,
          title,
          description,
          version,
          languages,
          recordCount,
          synthetic,
          revision,
        })),
      ];
    },
    async get(collectionId) {
      return (await bundled.get(collectionId)) ?? (await imported.get(collectionId));
    },
  };
}
