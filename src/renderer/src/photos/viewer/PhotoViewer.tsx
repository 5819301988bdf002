/**
 * One photo of an item, deep-zoomable (OpenSeadragon on the display copy), with rotation, flip and
 * image adjustments, the item's page strip, keyboard shortcuts (shortcuts.ts) and the regions drawn
 * on it, each a note in the notes store (W3C selectors, see @shared/notes/region). The view is
 * remembered per photo (view-state.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  PHOTOS_NOTE_COLLECTION,
  parseRegionSelector,
  photoPath,
  regionBounds,
  regionSelector,
  type RegionGeometry,
} from '@shared/notes/region';
import type { OcrWordTuple } from '@shared/notes/region-ocr';
import { photoUrl, type PhotoRef } from '@shared/photos/model';
import { useApi } from '../../api/ApiContext';
import { useResult } from '../../api/use-result';
import { useNotes } from '../../notes/NotesContext';
import { newNoteId } from '../../notes/NotesPanel';
import { useLiveQuery } from '../../notes/use-live-query';
import { PageStrip } from './PageStrip';
import { RegionLayer, type DrawMode, type ShownRegion } from './RegionLayer';
import { defaultOcrLanguages, isWholePage, wholePageSelector } from './ocr-defaults';
import { RegionsPanel, type RegionNote } from './RegionsPanel';
import { ShortcutHelp } from './ShortcutHelp';
import type { FocusWord } from './TranscriptionField';
import { actionFor, type ViewerAction } from './shortcuts';
import { useStage } from './use-stage';
import { ViewerToolbar } from './ViewerToolbar';
import { cssFilter, NEUTRAL_ADJUSTMENTS } from './view-state';
import { boxInView } from './osd-stage';
import './photo-viewer.css';

const ROTATE_FINE = 0.5;
const FACTOR_STEP = 0.1;

/** Keys typed into a field are the field's, not the viewer's. */
function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest('input, textarea, select, [contenteditable="true"]');
}

export function PhotoViewer({
  itemId,
  photos,
  sha256,
  page,
  regionId,
  language,
}: {
  itemId: string;
  /** The item's photos in order, for the page strip; the open one must be among them. */
  photos: readonly PhotoRef[];
  sha256: string;
  page: number;
  /** A region note to select and zoom to (a link from the Notes list or Search). */
  regionId?: string;
  /** The item's Language field, which OCR's languages default from. */
  language?: string | undefined;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { repository } = useNotes();
  const [, navigate] = useLocation();
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const record = useResult(() => api.call('photos.get', { sha256 }), [api, sha256]);
  const originalWidth = record.status === 'ok' && record.value ? record.value.width : null;
  const originalHeight = record.status === 'ok' && record.value ? record.value.height : null;
  const defaultLanguages = useMemo(() => defaultOcrLanguages(language), [language]);
  const [focusWord, setFocusWord] = useState<FocusWord | null>(null);
  const [ocrRequest, setOcrRequest] = useState<{ noteId: string; nonce: number } | null>(null);
  const stage = useStage({ element, url: photoUrl(sha256, 'display', page), sha256, page, originalWidth });
  const [mode, setMode] = useState<DrawMode>('pan');
  // The selection belongs to one photo and one link: opening another starts from the link's region.
  const selectionKey = `${sha256}/${page}/${regionId ?? ''}`;
  const [selection, setSelection] = useState<{ key: string; id: string | null }>({ key: '', id: null });
  const selectedId = selection.key === selectionKey ? selection.id : (regionId ?? null);
  const setSelectedId = useCallback(
    (id: string | null) => setSelection({ key: selectionKey, id }),
    [selectionKey],
  );
  const [message, setMessage] = useState('');
  const layer = useRef<HTMLDivElement>(null);

  const probe = useMemo(
    () => ({
      kind: 'region' as const,
      collectionId: PHOTOS_NOTE_COLLECTION,
      itemId,
      photo: sha256,
      page,
      selector: regionSelector({ shape: 'rectangle', x: 0, y: 0, width: 1, height: 1 }),
      transcription: '',
    }),
    [itemId, sha256, page],
  );
  const notes = useLiveQuery(() => repository.forTarget(probe), [repository, probe]);
  const regions = useMemo(
    () =>
      notes.status === 'ok'
        ? notes.value.filter((note): note is RegionNote => note.target.kind === 'region')
        : [],
    [notes],
  );
  const shown = useMemo(
    () =>
      regions.flatMap((note): ShownRegion[] => {
        const parsed = parseRegionSelector(note.target.selector);
        return parsed.ok ? [{ id: note.id, geometry: parsed.geometry }] : [];
      }),
    [regions],
  );

  const wholePageId =
    originalWidth && originalHeight
      ? (regions.find((note) => isWholePage(note.target.selector, originalWidth, originalHeight))?.id ?? null)
      : null;
  const selectedRegion = regions.find((note) => note.id === selectedId) ?? null;
  const activeWord = focusWord && focusWord.noteId === selectedId ? focusWord.word : null;

  // The whole page's text is a region covering the photo: made the first time, then read again.
  // A whole-page region saved but not listed yet: a second click must not make another one.
  const pendingPage = useRef<{ key: string; id: string } | null>(null);
  useEffect(() => {
    if (wholePageId && pendingPage.current?.id === wholePageId) pendingPage.current = null;
  }, [wholePageId]);
  const readPage = async () => {
    if (!originalWidth || !originalHeight) return;
    const key = `${sha256}/${page}`;
    let id = wholePageId ?? (pendingPage.current?.key === key ? pendingPage.current.id : null);
    if (!id) {
      id = newNoteId();
      pendingPage.current = { key, id };
      try {
        await repository.save({
          id,
          target: { ...probe, selector: wholePageSelector(originalWidth, originalHeight) },
          body: '',
          tags: [],
          colour: null,
        });
      } catch (error) {
        pendingPage.current = null;
        setMessage(t('photoViewer.regions.notSaved', { reason: (error as Error).message }));
        return;
      }
    }
    setSelectedId(id);
    setOcrRequest({ noteId: id, nonce: Date.now() });
  };

  const showWord = (noteId: string, word: OcrWordTuple | null) => {
    setFocusWord(word ? { noteId, word, from: 'text' } : null);
    if (!word) return;
    const box = { x: word[1], y: word[2], width: word[3], height: word[4] };
    // Only a word out of sight moves the photo: a view that keeps jumping is hard to read.
    const inView =
      stage.matrix && element && boxInView(stage.matrix, box, element.clientWidth, element.clientHeight);
    if (!inView) stage.act.panTo(box);
    setMessage(t('ocr.wordOnPhoto', { word: word[0] }));
  };

  // A linked region: zoom to it once the photo and the region are there.
  const zoomedTo = useRef<string | null>(null);
  useEffect(() => {
    if (!stage.ready || !regionId || zoomedTo.current === regionId) return;
    const region = shown.find((candidate) => candidate.id === regionId);
    if (!region) return;
    zoomedTo.current = regionId;
    stage.act.zoomTo(regionBounds(region.geometry));
  }, [stage.ready, stage.act, regionId, shown]);

  useEffect(() => {
    stage.act.setNavigation(mode === 'pan');
  }, [mode, stage.act, stage.ready]);

  const startDrawing = useCallback(
    (next: DrawMode) => {
      setMode((current) => (current === next ? 'pan' : next));
      setMessage(t(`photoViewer.drawing.${next}`));
      // Keys for the polygon (Enter, Backspace, Escape) go to the drawing layer.
      requestAnimationFrame(() => layer.current?.querySelector<SVGSVGElement>('svg')?.focus());
    },
    [t],
  );

  const onDrawn = async (geometry: RegionGeometry) => {
    setMode('pan');
    const id = newNoteId();
    try {
      await repository.save({
        id,
        target: { ...probe, selector: regionSelector(geometry) },
        body: '',
        tags: [],
        colour: null,
      });
      setSelectedId(id);
      setMessage(t('photoViewer.regions.added'));
    } catch (error) {
      setMessage(t('photoViewer.regions.notSaved', { reason: (error as Error).message }));
    }
  };

  const index = photos.findIndex((photo) => photo.sha256 === sha256 && photo.page === page);
  const goTo = (offset: number) => {
    const next = photos[index + offset];
    if (next) navigate(`~${photoPath(itemId, next.sha256, next.page)}`);
  };

  const run = (action: ViewerAction) => {
    const { look, updateLook, act } = stage;
    const actions: Record<ViewerAction, () => void> = {
      zoomIn: act.zoomIn,
      zoomOut: act.zoomOut,
      panLeft: () => act.pan(-0.1, 0),
      panRight: () => act.pan(0.1, 0),
      panUp: () => act.pan(0, -0.1),
      panDown: () => act.pan(0, 0.1),
      fitPage: act.fitPage,
      fitWidth: act.fitWidth,
      rotateRight: () => updateLook({ rotation: Math.round((look.rotation + 90) / 90) * 90 }),
      rotateLeft: () => updateLook({ rotation: Math.round((look.rotation - 90) / 90) * 90 }),
      rotateFineRight: () => updateLook({ rotation: look.rotation + ROTATE_FINE }),
      rotateFineLeft: () => updateLook({ rotation: look.rotation - ROTATE_FINE }),
      flip: () => updateLook({ flipped: !look.flipped }),
      brighter: () => updateLook({ brightness: look.brightness + FACTOR_STEP }),
      darker: () => updateLook({ brightness: look.brightness - FACTOR_STEP }),
      moreContrast: () => updateLook({ contrast: look.contrast + FACTOR_STEP }),
      lessContrast: () => updateLook({ contrast: look.contrast - FACTOR_STEP }),
      invert: () => updateLook({ invert: !look.invert }),
      resetAdjustments: () => updateLook(NEUTRAL_ADJUSTMENTS),
      drawRectangle: () => startDrawing('rectangle'),
      drawPolygon: () => startDrawing('polygon'),
      stopDrawing: () => setMode('pan'),
      previousPage: () => goTo(-1),
      nextPage: () => goTo(1),
    };
    actions[action]();
  };

  const failed = stage.failed || record.status === 'error' || (record.status === 'ok' && !record.value);
  return (
    <section
      className="photo-viewer"
      aria-label={t('photoViewer.label', { n: index + 1, total: Math.max(photos.length, 1) })}
      onKeyDown={(event) => {
        if (typing(event.target) || event.defaultPrevented) return;
        const action = actionFor(event);
        if (!action) return;
        event.preventDefault();
        run(action);
      }}
    >
      <ViewerToolbar look={stage.look} mode={mode} onAction={run} onLook={stage.updateLook} />
      <div className="photo-main">
        <div
          className="photo-stage"
          ref={layer}
          tabIndex={0}
          role="img"
          aria-roledescription={t('photoViewer.stageRole')}
          aria-label={t('photoViewer.stage', { rotation: stage.look.rotation })}
          data-ready={stage.ready ? 'true' : 'false'}
          data-sharp={stage.sharp ? 'true' : 'false'}
        >
          <div ref={setElement} className="photo-osd" style={{ filter: cssFilter(stage.look) }} />
          <RegionLayer
            key={mode}
            matrix={stage.matrix}
            regions={shown}
            selectedId={selectedId}
            mode={mode}
            onSelect={setSelectedId}
            onDrawn={(geometry) => void onDrawn(geometry)}
            onCancel={() => setMode('pan')}
            words={selectedRegion?.target.ocr?.words ?? []}
            activeWord={activeWord}
            onWord={(word) => selectedId && setFocusWord({ noteId: selectedId, word, from: 'image' })}
          />
          {failed ? (
            <p role="alert" className="photo-error">
              {t('photoViewer.failed')}
            </p>
          ) : null}
        </div>
        <RegionsPanel
          regions={regions}
          selectedId={selectedId}
          onSelect={setSelectedId}
          ocr={{
            photoUrl: photoUrl(sha256, 'display', page),
            originalWidth,
            defaultLanguages,
            request: ocrRequest,
            onReadPage: () => void readPage(),
            focusWord,
            onFocusWord: showWord,
            wholePageId,
          }}
        />
      </div>
      <p role="status" className="visually-hidden">
        {message}
      </p>
      <PageStrip itemId={itemId} photos={photos} current={{ sha256, page }} />
      <ShortcutHelp />
    </section>
  );
}
