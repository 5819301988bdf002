/**
 * The import worker: reads the chosen file, detects its encoding and layout, and turns rows into
 * records in batches, so the page stays responsive on a 200,000-row file. The logic is the shared
 * pipeline (src/shared/import/pipeline.ts) the CLI also runs; this file only connects it to messages.
 */
import { IMPORT_LIMITS, formatBytes } from '@shared/import/limits';
import { inspectImport, runImport, type Inspection } from '@shared/import/pipeline';
import { encodeRecordPartBytes } from '@shared/import/record-parts';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import type { ImportWorkerRequest, ImportWorkerResponse, InspectionView } from './protocol';

interface WorkerScope {
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
let current: Inspection | null = null;
let bytes: { file: File; data: Uint8Array } | null = null;

function view(inspection: Inspection & { ok: true }): InspectionView {
  if (inspection.format === 'delimited') {
    const {
      format,
      file,
      bytes: size,
      encoding,
      encodingReason,
      encodingNote,
      preview,
      suggested,
      suggestedBy,
    } = inspection;
    return {
      format,
      file,
      bytes: size,
      encoding,
      encodingReason,
      encodingNote,
      preview,
      suggested,
      suggestedBy,
    };
  }
  const { format, file, bytes: size, manifest, recordCount } = inspection;
  return {
    format,
    file,
    bytes: size,
    recordCount,
    files: inspection.source.files,
    ...(manifest ? { manifest } : {}),
  };
}

async function receive(message: ImportWorkerRequest): Promise<void> {
  if (message.type === 'inspect') {
    const { file } = message;
    // Refuse oversized files before reading a byte of them.
    if (file.size > IMPORT_LIMITS.maxFileBytes) {
      scope.postMessage({
        type: 'failed',
        errors: [
          {
            file: file.name,
            code: 'file-too-large',
            params: { size: formatBytes(file.size), max: formatBytes(IMPORT_LIMITS.maxFileBytes) },
            reason: `the file is ${formatBytes(file.size)}; at most ${formatBytes(IMPORT_LIMITS.maxFileBytes)} can be imported`,
          },
        ],
      });
      return;
    }
    if (bytes?.file !== file) bytes = { file, data: new Uint8Array(await file.arrayBuffer()) };
    current = inspectImport(file.name, bytes.data, message.overrides);
    if (!current.ok) scope.postMessage({ type: 'failed', errors: current.errors });
    else scope.postMessage({ type: 'inspected', inspection: view(current) });
    return;
  }
  if (!current) {
    scope.postMessage({ type: 'failed', errors: [{ code: 'no-file', reason: 'choose a file first' }] });
    return;
  }
  let lastProgress = 0;
  const timings = { runMs: 0, mapMs: 0, encodeMs: 0, postMs: 0 };
  const started = performance.now();
  const result = runImport(current, message.mapping, {
    batchSize: MAX_RECORDS_PER_BATCH,
    timings,
    ...(message.skipBrokenRows === undefined ? {} : { skipBrokenRows: message.skipBrokenRows }),
    ...(message.collection === undefined ? {} : { collection: message.collection }),
    ...(message.importedAt === undefined ? {} : { importedAt: message.importedAt }),
    onBatch: (records) => {
      const encoding = performance.now();
      const parts = encodeRecordPartBytes(records, undefined, message.sharedProvenance);
      const posting = performance.now();
      for (const { json, count } of parts) {
        scope.postMessage({ type: 'part', json, count }, [json.buffer]);
      }
      timings.encodeMs += posting - encoding;
      timings.postMs += performance.now() - posting;
    },
    onProgress: (rows, fraction) => {
      const now = performance.now();
      if (now - lastProgress > 100 || fraction === 1) {
        lastProgress = now;
        scope.postMessage({ type: 'progress', rows, fraction });
      }
    },
  });
  scope.postMessage({
    type: 'done',
    records: result.records,
    files: result.files,
    errors: result.errors,
    skippedRows: result.skippedRows,
    skippedCount: result.skippedCount,
    dateReviewCount: result.dateReviewCount,
    timings: { ...timings, runMs: performance.now() - started },
  });
}

scope.addEventListener('message', (event) => {
  receive(event.data).catch((error: unknown) =>
    scope.postMessage({
      type: 'failed',
      errors: [{ reason: error instanceof Error ? error.message : String(error) }],
    }),
  );
});
