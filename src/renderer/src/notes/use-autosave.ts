/**
 * Autosave for the note editor: saves 400 ms after the last change, and at once when the editor loses
 * focus, unmounts (the user leaves the view), or the page is hidden or closed (pagehide,
 * visibilitychange → hidden). A failed save keeps the draft and reports why; the next change or flush
 * tries again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingSave } from './pending-saves';

const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string };

export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = AUTOSAVE_DELAY_MS) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return chain.current;
    pending.current = null;
    // Saves run one after another, so an older draft can never overwrite a newer one.
    chain.current = chain.current.then(async () => {
      if (mounted.current) setStatus({ state: 'saving' });
      try {
        await saveRef.current(next.value);
        if (mounted.current && !pending.current) setStatus({ state: 'saved', at: new Date() });
      } catch (error) {
        // Keep the draft unless a newer one replaced it, so nothing typed is dropped.
        pending.current ??= next;
        if (mounted.current) setStatus({ state: 'error', message: (error as Error).message });
      }
    });
    return chain.current;
  }, []);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      setStatus({ state: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => {
    mounted.current = true;
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    // The window closing (Electron) saves this draft before the final backup is written.
    const unregister = registerPendingSave(flush);
    return () => {
      unregister();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      mounted.current = false;
      void flush();
    };
  }, [flush]);

  return { status, change, flush };
}
