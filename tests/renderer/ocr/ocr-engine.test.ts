import { describe, expect, it, vi } from 'vitest';
import type { Worker as TesseractWorker } from 'tesseract.js';
import {
  createOcrEngine,
  type OcrEngineOptions,
  type OcrProgress,
  type WorkerFactory,
} from '../../../src/renderer/src/ocr/ocr-engine';
import { OcrLanguageError, OcrStartError } from '../../../src/renderer/src/ocr/ocr-errors';

type Logger = (message: { status: string; progress: number }) => void;

const PAGE = {
  text: 'Senelė iškepė\n',
  blocks: [
    {
      paragraphs: [
        {
          lines: [
            {
              confidence: 91,
              bbox: { x0: 0, y0: 0, x1: 100, y1: 20 },
              words: [
                { text: 'Senelė', confidence: 92, bbox: { x0: 0, y0: 0, x1: 50, y1: 20 } },
                { text: 'iškepė', confidence: 90, bbox: { x0: 55, y0: 0, x1: 100, y1: 20 } },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** A stand-in for tesseract.js's worker: each recognize waits until the test releases it. */
function fakeTesseract() {
  const workers: Array<Record<string, ReturnType<typeof vi.fn>>> = [];
  const pending: Array<() => void> = [];
  let logger: Logger = () => undefined;
  const factory = vi.fn(async (_languages: string[], log: Logger) => {
    logger = log;
    const worker = {
      setParameters: vi.fn(async () => ({})),
      reinitialize: vi.fn(async () => ({})),
      terminate: vi.fn(async () => ({})),
      recognize: vi.fn(
        () =>
          new Promise((resolve) => {
            logger({ status: 'recognizing text', progress: 0.5 });
            pending.push(() => resolve({ data: PAGE }));
          }),
      ),
    };
    workers.push(worker);
    logger({ status: 'loading language traineddata', progress: 1 });
    return worker as unknown as TesseractWorker;
  });
  const releaseNext = async () => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.shift()?.();
  };
  return { factory, workers, releaseNext, pendingCount: () => pending.length };
}

const canvas = () => document.createElement('canvas');

const engineWith = (factory: WorkerFactory, options: OcrEngineOptions = {}) =>
  createOcrEngine({ factory, canRunWebAssembly: async () => true, ...options });

describe('OcrEngine', () => {
  it('recognises with the bundled languages and gives words with boxes, reporting progress', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    const progress: OcrProgress[] = [];
    const result = engine.recognise(canvas(), ['lit'], { onProgress: (p) => progress.push(p) });
    await tesseract.releaseNext();
    expect((await result).text).toBe('Senelė iškepė');
    expect((await result).lines[0]?.words[1]).toEqual({
      text: 'iškepė',
      confidence: 0.9,
      box: { x: 55, y: 0, width: 45, height: 20 },
    });
    expect(progress).toEqual([
      { phase: 'loading', progress: 1 },
      { phase: 'recognising', progress: 0.5 },
    ]);
    expect(tesseract.factory).toHaveBeenCalledWith(['lit'], expect.any(Function));
    const worker = tesseract.workers[0];
    expect(worker?.['setParameters']).toHaveBeenCalledWith({
      tessedit_pageseg_mode: '3',
      preserve_interword_spaces: '0',
      thresholding_method: '2',
      debug_file: '/dev/null',
    });
    expect(worker?.['recognize']).toHaveBeenCalledWith(expect.anything(), {}, { text: true, blocks: true });
  });

  it('refuses languages it has no data for before starting anything', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    await expect(engine.recognise(canvas(), ['lit', 'ukr'])).rejects.toMatchObject({
      name: 'OcrLanguageError',
      code: 'no-data',
      languages: ['ukr'],
      message: 'No OCR data is bundled for ukr (available: lit, rus, pol, deu, eng).',
    });
    await expect(engine.recognise(canvas(), [])).rejects.toBeInstanceOf(OcrLanguageError);
    await expect(engine.recognise(canvas(), [])).rejects.toMatchObject({ code: 'no-language' });
    expect(tesseract.factory).not.toHaveBeenCalled();
  });

  it('keeps one worker, reinitialising it only when the languages change', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    for (const languages of [['lit'], ['lit'], ['lit', 'rus']]) {
      const job = engine.recognise(canvas(), languages);
      await tesseract.releaseNext();
      await job;
    }
    expect(tesseract.factory).toHaveBeenCalledTimes(1);
    expect(tesseract.workers[0]?.['reinitialize']).toHaveBeenCalledTimes(1);
    expect(tesseract.workers[0]?.['reinitialize']).toHaveBeenCalledWith('lit+rus', 1);
  });

  it('runs one page at a time', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    const first = engine.recognise(canvas(), ['pol']);
    const second = engine.recognise(canvas(), ['pol']);
    await tesseract.releaseNext();
    await first;
    expect(tesseract.workers[0]?.['recognize']).toHaveBeenCalledTimes(1);
    await tesseract.releaseNext();
    await second;
    expect(tesseract.workers[0]?.['recognize']).toHaveBeenCalledTimes(2);
  });

  it('cancels a running page by stopping the worker, and starts a fresh one for the next page', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    const controller = new AbortController();
    const job = engine.recognise(canvas(), ['rus'], { signal: controller.signal });
    await vi.waitFor(() => expect(tesseract.pendingCount()).toBe(1));
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(tesseract.workers[0]?.['terminate']).toHaveBeenCalled();

    const next = engine.recognise(canvas(), ['rus']);
    await vi.waitFor(() => expect(tesseract.workers).toHaveLength(2));
    await tesseract.releaseNext(); // the abandoned page
    await tesseract.releaseNext();
    expect((await next).text).toBe('Senelė iškepė');
  });

  it('leaves no listener on a signal that outlives the page', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const job = engine.recognise(canvas(), ['lit'], { signal: controller.signal });
    await tesseract.releaseNext();
    await job;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('does not start a page whose signal is already aborted', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory);
    await expect(engine.recognise(canvas(), ['lit'], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(tesseract.factory).not.toHaveBeenCalled();
  });

  it('retries starting the worker after a failed start', async () => {
    const tesseract = fakeTesseract();
    const failing = vi.fn(async () => {
      throw new Error('worker script could not load');
    });
    const factory = vi.fn(async (languages: string[], log: Logger) =>
      factory.mock.calls.length === 1 ? failing() : tesseract.factory(languages, log),
    );
    const engine = engineWith(factory);
    await expect(engine.recognise(canvas(), ['eng'])).rejects.toThrow('worker script could not load');
    const job = engine.recognise(canvas(), ['eng']);
    await tesseract.releaseNext();
    expect((await job).text).toBe('Senelė iškepė');
    await engine.dispose();
    expect(tesseract.workers[0]?.['terminate']).toHaveBeenCalled();
  });

  it('says WebAssembly is blocked instead of waiting forever for the core', async () => {
    const tesseract = fakeTesseract();
    const engine = engineWith(tesseract.factory, { canRunWebAssembly: async () => false });
    const job = engine.recognise(canvas(), ['lit']);
    await expect(job).rejects.toBeInstanceOf(OcrStartError);
    await expect(job).rejects.toMatchObject({ code: 'webassembly-blocked' });
    expect(tesseract.factory).not.toHaveBeenCalled();
  });

  it('gives up on a worker that does not start in time, and tries again for the next page', async () => {
    const tesseract = fakeTesseract();
    let calls = 0;
    const factory: WorkerFactory = (languages, log) =>
      ++calls === 1 ? new Promise(() => undefined) : tesseract.factory(languages, log);
    const engine = engineWith(factory, { startTimeoutMs: 20 });
    await expect(engine.recognise(canvas(), ['deu'])).rejects.toMatchObject({
      name: 'OcrStartError',
      code: 'start-timed-out',
    });
    const job = engine.recognise(canvas(), ['deu']);
    await tesseract.releaseNext();
    expect((await job).text).toBe('Senelė iškepė');
  });
});
