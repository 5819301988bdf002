/**
 * One OCR run at a time for a view: its progress, cancel (which terminates the engine's worker, the
 * only way to stop a page mid-way) and its failure worded by code. Leaving the view cancels the run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OcrProgress } from '../../ocr/ocr-engine';
import { describeOcrFailure, type OcrFailure } from '../../ocr/ocr-failure';

export type OcrRunState =
  | { status: 'idle' }
  | ({ status: 'running' } & OcrProgress)
  | { status: 'cancelled' }
  | { status: 'failed'; failure: OcrFailure };

export type OcrJob<T> = (signal: AbortSignal, onProgress: (progress: OcrProgress) => void) => Promise<T>;

export function useOcrRun() {
  const [state, setState] = useState<OcrRunState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async <T>(job: OcrJob<T>): Promise<T | null> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ status: 'running', phase: 'loading', progress: 0 });
    try {
      const value = await job(own.signal, (progress) => {
        if (!own.signal.aborted) setState({ status: 'running', ...progress });
      });
      if (own.signal.aborted) return null;
      setState({ status: 'idle' });
      return value;
    } catch (error) {
      const failure = describeOcrFailure(error);
      if (controller.current === own) {
        setState(
          failure.key === null || own.signal.aborted
            ? { status: 'cancelled' }
            : { status: 'failed', failure },
        );
      }
      return null;
    } finally {
      if (controller.current === own) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
