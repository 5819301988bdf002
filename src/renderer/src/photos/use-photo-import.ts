/**
 * One photo import from the page: photos.begin (main shows its picker) → photos.progress polled →
 * photos.commit → the items created in one write. Cancel at any point before the items are written
 * leaves nothing behind (main throws its staging away).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoImportProgress, PhotoSource, SkippedFile } from '@shared/ipc/channels/photos';
import { groupPhotos, type Grouping, type PhotoOrder } from '@shared/photos/grouping';
import type { Item } from '@shared/photos/item';
import { useApi } from '../api/ApiContext';
import { useItems } from './ItemsContext';

const POLL_MS = 250;

export type PhotoImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; sessionId: string; progress: PhotoImportProgress }
  | { phase: 'done'; items: Item[]; photos: number; skipped: SkippedFile[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string; skipped: SkippedFile[] };

export interface PhotoImportOptions {
  grouping: Grouping;
  order: PhotoOrder;
  /** The title of the one item when not grouping by folder. */
  singleTitle: string;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function usePhotoImport() {
  const api = useApi();
  const items = useItems();
  const [state, setState] = useState<PhotoImportState>({ phase: 'idle' });
  const current = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the page cancels an unfinished import rather than leaving it staged.
      if (current.current) void api.call('photos.cancel', { sessionId: current.current });
    };
  }, [api]);
  const show = useCallback((next: PhotoImportState) => {
    if (mounted.current) setState(next);
  }, []);

  const start = useCallback(
    async (source: PhotoSource, options: PhotoImportOptions) => {
      const begun = await api.call('photos.begin', { source });
      if (!begun.ok) return show({ phase: 'failed', message: begun.error.message, skipped: [] });
      if (!begun.value.started) return show({ phase: 'idle' });
      const { sessionId, total } = begun.value;
      current.current = sessionId;
      show({ phase: 'reading', sessionId, progress: { state: 'running', done: 0, total, skipped: [] } });
      for (;;) {
        const polled = await api.call('photos.progress', { sessionId });
        if (current.current !== sessionId) return; // cancelled meanwhile
        if (!polled.ok) return show({ phase: 'failed', message: polled.error.message, skipped: [] });
        const progress = polled.value;
        if (progress.state !== 'running') break;
        show({ phase: 'reading', sessionId, progress });
        await wait(POLL_MS);
      }
      const committed = await api.call('photos.commit', { sessionId });
      current.current = null;
      if (!committed.ok) return show({ phase: 'failed', message: committed.error.message, skipped: [] });
      const { photos, skipped } = committed.value;
      try {
        const drafts = groupPhotos(photos, options.grouping, options.order, options.singleTitle);
        const created = drafts.length > 0 ? await items.create(drafts) : [];
        show({ phase: 'done', items: created, photos: photos.length, skipped });
      } catch (error) {
        show({ phase: 'failed', message: (error as Error).message, skipped });
      }
    },
    [api, items, show],
  );

  const cancel = useCallback(async () => {
    const sessionId = current.current;
    if (!sessionId) return;
    current.current = null;
    await api.call('photos.cancel', { sessionId });
    show({ phase: 'cancelled' });
  }, [api, show]);

  return { state, start, cancel };
}
