/**
 * The user's imported Reader documents, one folder each under `<dataDirectory>/documents/<id>/`:
 * the content (`content.md|txt|html|pdf`) and `metadata.json`. A new document is written completely
 * into a temporary folder, flushed to disk, then renamed into place, so a crash never leaves a
 * half-written document visible; metadata edits replace `metadata.json` atomically.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CONTENT_FILE,
  documentMetadataSchema,
  storedDocumentSchema,
  titleFromFileName,
  type DocumentMetadata,
  type DocumentSummary,
} from '@shared/documents/model';
import { sniffDocument } from '@shared/documents/sniff';
import { titleFromContent } from '@shared/documents/title';
import { writeFileAtomic } from '../fs/atomic-write';
import { writeFileDurably } from '../fs/durable-write';
import { syncDirectory } from '../fs/sync-directory';
import { HandlerError } from '../ipc/dispatch';

export const METADATA_FILE = 'metadata.json';
/** Folders being written or removed start with this; leftovers from a crash are cleaned at start. */
const WORK_PREFIX = '.work-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ImportDocumentRequest {
  fileName: string;
  bytes: Uint8Array;
  metadata?: Partial<DocumentMetadata>;
}

export interface DocumentStore {
  readonly folder: string;
  import(request: ImportDocumentRequest): Promise<DocumentSummary>;
  list(): Promise<DocumentSummary[]>;
  get(documentId: string): Promise<{ summary: DocumentSummary; bytes: Uint8Array }>;
  remove(documentId: string): Promise<{ removed: boolean }>;
  updateMetadata(documentId: string, metadata: DocumentMetadata): Promise<DocumentSummary>;
}

interface DocumentStoreOptions {
  dataDirectory: string;
  /** Injectable clock and id source, for tests. */
  now?: () => Date;
  newId?: () => string;
}

export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const folder = join(options.dataDirectory, 'documents');
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  let cleaned: Promise<void> | undefined;

  /** Creates the folder and removes work folders a crash may have left (never a complete document). */
  const ready = () =>
    (cleaned ??= (async () => {
      await mkdir(folder, { recursive: true });
      for (const name of await readdir(folder)) {
        if (name.startsWith(WORK_PREFIX)) await rm(join(folder, name), { recursive: true, force: true });
      }
    })());

  const documentFolder = (documentId: string) => {
    if (!UUID.test(documentId))
      throw new HandlerError('invalid-document-id', `"${documentId}" is not a document id`);
    return join(folder, documentId.toLowerCase());
  };

  async function readSummary(documentId: string): Promise<DocumentSummary> {
    const path = join(documentFolder(documentId), METADATA_FILE);
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new HandlerError('document-not-found', `No document with id "${documentId}"`);
      }
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new HandlerError('document-corrupt', `${path} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = storedDocumentSchema.safeParse(json);
    if (!parsed.success || parsed.data.id !== documentId.toLowerCase()) {
      throw new HandlerError(
        'document-corrupt',
        `${path} is not a valid document description${parsed.success ? ' (its id does not match its folder)' : `: ${parsed.error.issues[0]?.message ?? ''}`}`,
      );
    }
    return parsed.data;
  }

  return {
    folder,

    async import({ fileName, bytes, metadata }) {
      const sniffed = sniffDocument(fileName, bytes);
      if (!sniffed.ok) throw new HandlerError(sniffed.code, sniffed.message);
      const parsedMetadata = documentMetadataSchema.safeParse({
        ...metadata,
        // The document's own title (its first heading, its <title>) before its file name.
        title:
          metadata?.title?.trim() ||
          (sniffed.kind === 'pdf' ? null : titleFromContent(sniffed.kind, new TextDecoder().decode(bytes))) ||
          titleFromFileName(fileName),
      });
      if (!parsedMetadata.success) {
        const issue = parsedMetadata.error.issues[0];
        throw new HandlerError(
          'invalid-metadata',
          `metadata.${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
        );
      }
      await ready();
      const id = newId();
      const at = now().toISOString();
      const summary: DocumentSummary = storedDocumentSchema.parse({
        version: 1,
        id,
        kind: sniffed.kind,
        fileName,
        bytes: bytes.length,
        importedAt: at,
        updatedAt: at,
        metadata: parsedMetadata.data,
      });
      const work = join(folder, `${WORK_PREFIX}${id}`);
      await mkdir(work);
      try {
        await writeFileDurably(join(work, CONTENT_FILE[sniffed.kind]), bytes, { exclusive: true });
        await writeFileDurably(join(work, METADATA_FILE), `${JSON.stringify(summary, null, 2)}\n`);
        await syncDirectory(work);
        await rename(work, join(folder, id));
        await syncDirectory(folder);
      } catch (error) {
        await rm(work, { recursive: true, force: true }).catch(() => undefined);
        throw error;
      }
      return summary;
    },

    async list() {
      await ready();
      const summaries: DocumentSummary[] = [];
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        if (!entry.isDirectory() || !UUID.test(entry.name)) continue;
        try {
          summaries.push(await readSummary(entry.name));
        } catch (error) {
          // One damaged folder must not hide every other document; it stays on disk untouched.
          console.warn(`Skipping document folder ${entry.name}: ${(error as Error).message}`);
        }
      }
      return summaries.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
    },

    async get(documentId) {
      const summary = await readSummary(documentId);
      const bytes = await readFile(join(documentFolder(documentId), CONTENT_FILE[summary.kind]));
      return { summary, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },

    async remove(documentId) {
      const target = documentFolder(documentId);
      await ready();
      const parked = join(folder, `${WORK_PREFIX}removed-${documentId.toLowerCase()}`);
      try {
        // Rename first: the document disappears from the list at once, even if deleting the files fails.
        await rename(target, parked);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: false };
        throw error;
      }
      await rm(parked, { recursive: true, force: true });
      return { removed: true };
    },

    async updateMetadata(documentId, metadata) {
      const current = await readSummary(documentId);
      const next = storedDocumentSchema.parse({ ...current, metadata, updatedAt: now().toISOString() });
      await writeFileAtomic(
        join(documentFolder(documentId), METADATA_FILE),
        `${JSON.stringify(next, null, 2)}\n`,
      );
      return next;
    },
  };
}
