/**
 * Photo import sessions: begin (list the picked files) → the files are read one after another in the
 * background into the session's staging folder (progress polled) → commit moves the staged photos into
 * the store, or cancel throws the staging folder away. A file that is not a photo, too large, a bomb,
 * corrupt or truncated is skipped with its reason; it never stops the others.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportedPhoto, PhotoImportProgress, SkippedFile } from '@shared/ipc/channels/photos';
import type { PhotoRecord } from '@shared/photos/model';
import { HandlerError } from '../ipc/dispatch';
import { writeFileDurably } from '../fs/durable-write';
import { PhotoRefusal, deriveCopies, readCaptureTime, readPhotoHeader } from './decode';
import { MAX_PHOTO_BYTES } from './limits';
import { derivedName, type PhotoStore } from './photo-store';
import { openPdf } from './pdf-pages';
import { SNIFF_BYTES, describeFirstBytes, sniffMediaType } from './sniff';
import type { SourceFile, SourceListing } from './sources';

interface Session {
  progress: PhotoImportProgress;
  staging: string;
  /** Photos staged by this session (committed later), by sha256. */
  staged: Map<string, PhotoRecord>;
  /** Every sha256 met in this session, with the first file that had it. */
  seen: Map<string, string>;
  photos: ImportedPhoto[];
  cancelled: boolean;
  /** Settles when the background reading stops (finished, failed or cancelled). */
  finished: Promise<void>;
}

export interface PhotoImports {
  begin(listing: SourceListing): Promise<{ sessionId: string; total: number }>;
  progress(sessionId: string): PhotoImportProgress;
  cancel(sessionId: string): Promise<{ cancelled: boolean }>;
  commit(sessionId: string): Promise<{ photos: ImportedPhoto[]; skipped: SkippedFile[] }>;
  /** Waits for a session's background reading (tests, the bench). */
  settled(sessionId: string): Promise<void>;
}

const MIB = 1024 * 1024;

export function createPhotoImports(store: PhotoStore): PhotoImports {
  const sessions = new Map<string, Session>();
  // Staging left by a previous run belongs to sessions that no longer exist.
  let cleared: Promise<void> | null = null;

  const sessionOf = (sessionId: string): Session => {
    const session = sessions.get(sessionId);
    if (!session) throw new HandlerError('unknown-session', `No photo import ${sessionId} is in progress`);
    return session;
  };

  return {
    async begin(listing) {
      cleared ??= store.clearStaging();
      await cleared;
      const sessionId = randomUUID();
      const session: Session = {
        progress: { state: 'running', done: 0, total: listing.files.length, skipped: [...listing.skipped] },
        staging: await store.stagingFolder(sessionId),
        staged: new Map(),
        seen: new Map(),
        photos: [],
        cancelled: false,
        finished: Promise.resolve(),
      };
      sessions.set(sessionId, session);
      session.finished = readAll(store, session, listing.files);
      return { sessionId, total: listing.files.length };
    },
    progress: (sessionId) => {
      const { progress, photos } = sessionOf(sessionId);
      return progress.state === 'ready' ? { ...progress, photos } : { ...progress };
    },
    async cancel(sessionId) {
      const session = sessions.get(sessionId);
      if (!session || session.progress.state === 'committed') return { cancelled: false };
      session.cancelled = true;
      await session.finished;
      session.progress.state = 'cancelled';
      sessions.delete(sessionId);
      await rm(session.staging, { recursive: true, force: true });
      return { cancelled: true };
    },
    async commit(sessionId) {
      const session = sessionOf(sessionId);
      if (session.progress.state !== 'ready') {
        throw new HandlerError(
          'not-ready',
          `The photo import is ${session.progress.state}, not ready to commit`,
        );
      }
      for (const record of session.staged.values()) {
        await store.commitStaged(join(session.staging, record.sha256), record);
      }
      session.progress.state = 'committed';
      sessions.delete(sessionId);
      await rm(session.staging, { recursive: true, force: true });
      return { photos: session.photos, skipped: session.progress.skipped };
    },
    settled: async (sessionId) => sessions.get(sessionId)?.finished,
  };
}

async function readAll(store: PhotoStore, session: Session, files: readonly SourceFile[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (session.cancelled) return;
    session.progress.current = file.name;
    try {
      await readOne(store, session, file, index);
    } catch (error) {
      const reason =
        error instanceof PhotoRefusal ? error.message : `could not be read (${(error as Error).message})`;
      session.progress.skipped.push({ file: file.name, reason });
    }
    session.progress.done = index + 1;
  }
  delete session.progress.current;
  if (!session.cancelled) session.progress.state = 'ready';
}

async function readOne(store: PhotoStore, session: Session, file: SourceFile, index: number): Promise<void> {
  const incoming = join(session.staging, `incoming-${index}`);
  try {
    const { sha256, byteSize, head } = await stage(file, incoming);
    const mediaType = sniffMediaType(head);
    if (!mediaType) {
      throw new PhotoRefusal(
        `is not a JPEG, PNG, TIFF or WebP image or a PDF (it starts with bytes ${describeFirstBytes(head)})`,
      );
    }
    const first = session.seen.get(sha256);
    if (first !== undefined) throw new PhotoRefusal(`is the same photo as ${first} (imported once)`);
    session.seen.set(sha256, file.name);
    // The sidecar is written before the original is renamed in: only an original proves both are there.
    const stored = (await store.has(sha256)) ? await store.record(sha256) : null;
    const record = stored ?? (await derive(session, incoming, file, sha256, mediaType, byteSize));
    if (session.cancelled) return;
    for (let page = 0; page < record.pageCount; page += 1) {
      session.photos.push({
        sha256,
        page,
        pageCount: record.pageCount,
        fileName: file.name,
        folder: file.folder,
        width: record.width,
        height: record.height,
        ...(record.capturedAt ? { capturedAt: record.capturedAt } : {}),
      });
    }
  } finally {
    await rm(incoming, { force: true });
  }
}

/** Decodes a photo new to the store into `<staging>/<sha256>/` (original, display and thumb copies). */
async function derive(
  session: Session,
  incoming: string,
  file: SourceFile,
  sha256: string,
  mediaType: PhotoRecord['mediaType'],
  byteSize: number,
): Promise<PhotoRecord> {
  const dir = join(session.staging, sha256);
  const pdf = mediaType === 'application/pdf' ? await openPdf(incoming) : null;
  try {
    const header = pdf ?? (await readPhotoHeader(incoming));
    await mkdir(dir, { recursive: true });
    for (let page = 0; page < header.pageCount; page += 1) {
      if (session.cancelled) break;
      const { display, thumb } = pdf ? await pdf.render(page) : await deriveCopies(incoming, page);
      await writeFileDurably(join(dir, derivedName('display', page)), display);
      await writeFileDurably(join(dir, derivedName('thumb', page)), thumb);
    }
    const capturedAt = pdf ? undefined : await readCaptureTime(incoming);
    await rename(incoming, join(dir, 'original'));
    const record: PhotoRecord = {
      sha256,
      fileName: file.name,
      mediaType,
      byteSize,
      width: header.width,
      height: header.height,
      pageCount: header.pageCount,
      ...(capturedAt ? { capturedAt } : {}),
    };
    if (!session.cancelled) session.staged.set(sha256, record);
    return record;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    session.seen.delete(sha256);
    throw error;
  } finally {
    await pdf?.close();
  }
}

/** Copies the file into staging (flushed to disk), hashing it on the way, within MAX_PHOTO_BYTES. */
async function stage(
  file: SourceFile,
  target: string,
): Promise<{ sha256: string; byteSize: number; head: Uint8Array }> {
  const tooLarge = () =>
    new PhotoRefusal(`is larger than ${MAX_PHOTO_BYTES / MIB} MiB, the most one photo may have`);
  const hash = createHash('sha256');
  if (file.bytes) {
    if (file.bytes.byteLength > MAX_PHOTO_BYTES) throw tooLarge();
    hash.update(file.bytes);
    await writeFileDurably(target, file.bytes, { exclusive: true });
    return {
      sha256: hash.digest('hex'),
      byteSize: file.bytes.byteLength,
      head: file.bytes.subarray(0, SNIFF_BYTES),
    };
  }
  const path = file.path ?? '';
  if ((await stat(path)).size > MAX_PHOTO_BYTES) throw tooLarge();
  const handle = await open(target, 'wx', 0o600);
  let byteSize = 0;
  let head = new Uint8Array(0);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: MIB })) {
      const bytes = chunk as Buffer;
      byteSize += bytes.byteLength;
      if (byteSize > MAX_PHOTO_BYTES) throw tooLarge();
      if (head.byteLength < SNIFF_BYTES)
        head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
      hash.update(bytes);
      await handle.write(bytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), byteSize, head };
}
