/**
 * The renderer's OCR engine: owns one tesseract.js worker (a Web Worker running Tesseract compiled to
 * WebAssembly) and recognises images with the bundled language data, entirely offline. The worker script,
 * the core and the models are the app's own files (see @shared/ocr/assets), so nothing is fetched from a
 * CDN and the CSP needs only 'wasm-unsafe-eval'.
 *
 * Jobs run one at a time: Tesseract's progress callback is per worker, and one page at a time is what a
 * two-core laptop can give without starving the UI. Aborting a running job terminates the worker (the
 * only way to stop WebAssembly mid-page); the next job starts a fresh one.
 */
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { ocrAssetUrls } from '@shared/ocr/assets';
import { checkOcrLanguages, type OcrLanguage } from '@shared/ocr/languages';
import { OCR_PARAMETERS } from '@shared/ocr/parameters';
import { normaliseOcrPage, type OcrResult } from '@shared/ocr/result';
import { canCompileWebAssembly, ocrAbortError, OcrLanguageError, OcrStartError } from './ocr-errors';

/** What can be recognised: an image file's bytes or a drawn canvas (never a URL, which would be fetched). */
export type OcrImage = Blob | HTMLCanvasElement | OffscreenCanvas;

export interface OcrProgress {
  /** "loading" while the engine and language data load, then "recognising". */
  phase: 'loading' | 'recognising';
  /** 0..1 within the phase. */
  progress: number;
}

export interface RecogniseOptions {
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
}

export interface OcrEngine {
  recognise(image: OcrImage, languages: readonly string[], options?: RecogniseOptions): Promise<OcrResult>;
  /** Stops the worker; a later recognise starts a new one. */
  dispose(): Promise<void>;
}

export type WorkerFactory = (
  languages: OcrLanguage[],
  logger: (message: { status: string; progress: number }) => void,
) => Promise<TesseractWorker>;

/** tesseract.js pointed at the app's own files: no CDN, no IndexedDB cache, plain (not gzipped) models. */
export const bundledWorkerFactory =
  (baseUrl: string): WorkerFactory =>
  (languages, logger) =>
    createWorker(languages, OEM.LSTM_ONLY, {
      ...ocrAssetUrls(baseUrl),
      // A blob: worker would importScripts the app's worker file anyway; loading it directly keeps
      // worker-src to 'self'-served files.
      workerBlobURL: false,
      gzip: false,
      // The models are local files already; caching them again in IndexedDB would only double the disk use.
      cacheMethod: 'none',
      logger,
      // Failures reach the caller as rejected promises; without a handler tesseract.js also throws
      // them, uncaught, in the page.
      errorHandler: () => undefined,
    });

export interface OcrEngineOptions {
  factory?: WorkerFactory;
  /** How long starting the worker (core + models) may take before giving up; default 2 minutes. */
  startTimeoutMs?: number;
  /** Whether this window may run WebAssembly (its CSP); injectable for tests. */
  canRunWebAssembly?: () => Promise<boolean>;
}

export function createOcrEngine({
  factory = bundledWorkerFactory(document.baseURI),
  startTimeoutMs = 120_000,
  canRunWebAssembly = canCompileWebAssembly,
}: OcrEngineOptions = {}): OcrEngine {
  let worker: { languages: string; instance: Promise<TesseractWorker> } | null = null;
  let onLog: ((message: { status: string; progress: number }) => void) | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const logger = (message: { status: string; progress: number }) => onLog?.(message);

  const terminate = async () => {
    const current = worker;
    worker = null;
    if (current) await (await current.instance.catch(() => null))?.terminate();
  };

  const workerFor = (languages: OcrLanguage[]): Promise<TesseractWorker> => {
    const key = languages.join('+');
    if (worker?.languages === key) return worker.instance;
    const previous = worker;
    const instance = (async () => {
      const existing = previous && (await previous.instance.catch(() => null));
      if (existing) {
        await existing.reinitialize(key, OEM.LSTM_ONLY);
        return existing;
      }
      // Without WebAssembly the worker would wait forever for its core: say why instead.
      if (!(await canRunWebAssembly())) throw new OcrStartError('webassembly-blocked');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const created = await Promise.race([
        factory(languages, logger),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new OcrStartError('start-timed-out')), startTimeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      await created.setParameters({ ...OCR_PARAMETERS });
      return created;
    })();
    worker = { languages: key, instance };
    // A worker that failed to start must not be reused.
    instance.catch(() => {
      if (worker?.instance === instance) worker = null;
    });
    return instance;
  };

  const run = async (image: OcrImage, languages: OcrLanguage[], options: RecogniseOptions) => {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw ocrAbortError();
    let aborted = false;
    let onAbort = () => {};
    const abort = new Promise<never>((_, reject) => {
      onAbort = () => {
        aborted = true;
        reject(ocrAbortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    abort.catch(() => undefined);
    onLog = ({ status, progress }) =>
      onProgress?.({ phase: status === 'recognizing text' ? 'recognising' : 'loading', progress });
    try {
      const job = (async () => {
        const instance = await workerFor(languages);
        const { data } = await instance.recognize(image, {}, { text: true, blocks: true });
        return normaliseOcrPage(data);
      })();
      // After an abort the terminated worker fails this job; nobody waits for it any more.
      job.catch(() => undefined);
      return await Promise.race([job, abort]);
    } catch (error) {
      if (aborted) await terminate();
      throw error;
    } finally {
      // A signal may outlive many pages (one per item, say): do not keep a listener per page on it.
      signal?.removeEventListener('abort', onAbort);
      onLog = null;
    }
  };

  return {
    recognise(image, languages, options = {}) {
      const checked = checkOcrLanguages(languages);
      if (!checked.ok) return Promise.reject(new OcrLanguageError(checked));
      const next = queue.then(() => run(image, checked.value, options));
      queue = next.catch(() => undefined);
      return next;
    },
    dispose() {
      const next = queue.then(terminate);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
