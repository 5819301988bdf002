/**
 * One OpenSeadragon viewer for the open photo: created when the photo changes, destroyed on leave.
 * Holds what the viewer shows beyond OpenSeadragon's own state (rotation, flip, adjustments), the
 * overlay's transform, and remembers the whole view per photo (view-state.ts) as it settles.
 */
import type OpenSeadragon from 'openseadragon';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyView,
  createStage,
  fitPage,
  fitWidth,
  imageToElementMatrix,
  panBy,
  panToBox,
  readView,
  zoomBy,
  zoomToBox,
  type Box,
  type Matrix,
} from './osd-stage';
import {
  clampFactor,
  createViewStateStore,
  NEUTRAL_ADJUSTMENTS,
  normaliseRotation,
  type ViewAdjustments,
} from './view-state';

export interface StageLook extends ViewAdjustments {
  rotation: number;
  flipped: boolean;
}

const NEUTRAL_LOOK: StageLook = { ...NEUTRAL_ADJUSTMENTS, rotation: 0, flipped: false };

export function useStage({
  element,
  url,
  sha256,
  page,
  originalWidth,
}: {
  element: HTMLElement | null;
  url: string;
  sha256: string;
  page: number;
  originalWidth: number | null;
}) {
  const store = useMemo(() => createViewStateStore(window.localStorage), []);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  const key = `${sha256}/${page}`;
  const saved = useMemo(() => store.load(sha256, page), [store, sha256, page]);
  // State of the photo named by `key`; a value left from the previous photo is not used.
  const [shown, setShown] = useState<{
    key: string;
    ready: boolean;
    /** Every level OpenSeadragon needs for the current view is drawn (the bench waits for it). */
    sharp: boolean;
    failed: boolean;
    matrix: Matrix | null;
  }>({ key: '', ready: false, sharp: false, failed: false, matrix: null });
  const [looked, setLooked] = useState<{ key: string; look: StageLook } | null>(null);
  const look = useMemo(
    () => (looked?.key === key ? looked.look : saved ? { ...NEUTRAL_LOOK, ...saved } : NEUTRAL_LOOK),
    [looked, key, saved],
  );
  const lookRef = useRef(look);
  useEffect(() => {
    lookRef.current = look;
  }, [look]);
  const current = shown.key === key ? shown : { ready: false, sharp: false, failed: false, matrix: null };

  const remember = useCallback(() => {
    const open = viewer.current;
    if (!open || !open.world.getItemAt(0)) return;
    store.save(sha256, page, { ...readView(open), ...lookRef.current });
  }, [store, sha256, page]);

  useEffect(() => {
    if (!element || !originalWidth) return;
    const initial = saved ? { ...NEUTRAL_LOOK, ...saved } : NEUTRAL_LOOK;
    lookRef.current = initial;
    const created = createStage(element, url);
    viewer.current = created;
    const follow = () =>
      setShown((state) => ({ ...state, key, matrix: imageToElementMatrix(created, originalWidth) }));
    created.addHandler('open', () => {
      created.viewport.setFlip(initial.flipped);
      if (saved) applyView(created, saved);
      else created.viewport.setRotation(initial.rotation, true);
      setShown({
        key,
        ready: true,
        sharp: false,
        failed: false,
        matrix: imageToElementMatrix(created, originalWidth),
      });
      created.world.getItemAt(0)?.addHandler('fully-loaded-change', (event) => {
        const sharp = (event as unknown as { fullyLoaded: boolean }).fullyLoaded;
        setShown((state) => ({ ...state, key, sharp }));
      });
    });
    created.addHandler('open-failed', () =>
      setShown({ key, ready: false, sharp: false, failed: true, matrix: null }),
    );
    created.addHandler('update-viewport', follow);
    created.addHandler('resize', follow);
    created.addHandler('animation-finish', remember);
    // OpenSeadragon's keys are replaced by the viewer's own (shortcuts.ts), documented in the help.
    created.addHandler('canvas-key', (event) => {
      (event as unknown as { preventDefaultAction: boolean }).preventDefaultAction = true;
    });
    return () => {
      remember();
      created.destroy();
      viewer.current = null;
    };
    // `remember`, `saved` and `key` change with the photo, which already re-runs this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [element, url, sha256, page, originalWidth, store]);

  const updateLook = useCallback(
    (patch: Partial<StageLook>) => {
      const next = { ...lookRef.current, ...patch };
      next.rotation = normaliseRotation(next.rotation);
      next.brightness = clampFactor(next.brightness);
      next.contrast = clampFactor(next.contrast);
      lookRef.current = next;
      setLooked({ key, look: next });
      const open = viewer.current;
      if (open) {
        if (patch.rotation !== undefined) open.viewport.setRotation(next.rotation, false);
        if (patch.flipped !== undefined) open.viewport.setFlip(next.flipped);
        if (originalWidth) {
          const matrix = imageToElementMatrix(open, originalWidth);
          setShown((state) => ({ ...state, key, matrix }));
        }
      }
      remember();
    },
    [key, originalWidth, remember],
  );

  const act = useMemo(
    () => ({
      zoomIn: () => viewer.current && zoomBy(viewer.current, 1.5),
      zoomOut: () => viewer.current && zoomBy(viewer.current, 1 / 1.5),
      pan: (dx: number, dy: number) => viewer.current && panBy(viewer.current, dx, dy),
      fitPage: () => viewer.current && fitPage(viewer.current),
      fitWidth: () => viewer.current && fitWidth(viewer.current),
      zoomTo: (box: Box) => viewer.current && originalWidth && zoomToBox(viewer.current, box, originalWidth),
      panTo: (box: Box) => viewer.current && originalWidth && panToBox(viewer.current, box, originalWidth),
      setNavigation: (enabled: boolean) => viewer.current?.setMouseNavEnabled(enabled),
      zoom: () => viewer.current?.viewport.getZoom(true) ?? null,
    }),
    [originalWidth],
  );

  return {
    ready: current.ready,
    sharp: current.sharp,
    failed: current.failed,
    matrix: current.matrix,
    look,
    updateLook,
    act,
  };
}
