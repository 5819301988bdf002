/**
 * The regions drawn over the photo, as SVG in the photo's original pixels under one transform that
 * follows OpenSeadragon's viewport (zoom, pan, rotation, flip). In a drawing mode it takes the pointer:
 * a rectangle is dragged; a polygon is clicked point by point and closed with a double click, Enter or
 * a click on its first point (Escape cancels, Backspace removes the last point). By keyboard, the
 * arrow keys move a crosshair (Shift for larger steps) and Enter sets a corner: a rectangle's two
 * opposite corners, or a polygon's corners one by one (Enter again at the last corner closes it). The
 * parent keys it by the mode, so a half-drawn shape does not survive a change of tool.
 *
 * Written here rather than with Annotorious: Annotorious' OpenSeadragon plugin renders through a
 * bundled PixiJS that needs `new Function` (CSP 'unsafe-eval', which Atmintis never allows) and
 * injects its stylesheet inline (blocked by style-src 'self').
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionGeometry } from '@shared/notes/region';
import type { OcrWordTuple } from '@shared/notes/region-ocr';
import { elementToImage, type Matrix } from './osd-stage';

export type DrawMode = 'pan' | 'rectangle' | 'polygon';

export interface ShownRegion {
  id: string;
  geometry: RegionGeometry;
}

/** Shapes smaller than this many screen pixels are a slip of the mouse, not a region. */
const MIN_SCREEN_SIZE = 4;
/** How far an arrow key moves the crosshair, in screen pixels (with Shift: the larger step). */
const CROSSHAIR_STEP = 10;
const CROSSHAIR_STEP_LARGE = 50;
const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function shapeOf(geometry: RegionGeometry, props: React.SVGProps<SVGRectElement & SVGPolygonElement>) {
  return geometry.shape === 'rectangle' ? (
    <rect x={geometry.x} y={geometry.y} width={geometry.width} height={geometry.height} {...props} />
  ) : (
    <polygon points={geometry.points.map((point) => point.join(',')).join(' ')} {...props} />
  );
}

export function RegionLayer({
  matrix,
  regions,
  selectedId,
  mode,
  onSelect,
  onDrawn,
  onCancel,
  words = [],
  activeWord = null,
  onWord,
}: {
  matrix: Matrix | null;
  regions: readonly ShownRegion[];
  selectedId: string | null;
  mode: DrawMode;
  onSelect: (id: string) => void;
  onDrawn: (geometry: RegionGeometry) => void;
  onCancel: () => void;
  /** The selected region's OCR words: a click on one selects it in the transcription. */
  words?: readonly OcrWordTuple[];
  /** The word shown from the transcription, outlined. */
  activeWord?: OcrWordTuple | null;
  onWord?: (word: OcrWordTuple) => void;
}) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: [number, number]; to: [number, number] } | null>(null);
  const [points, setPoints] = useState<Array<[number, number]>>([]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  // The keyboard's crosshair (original pixels) and a rectangle's first corner set with Enter.
  const [cross, setCross] = useState<[number, number] | null>(null);
  const [corner, setCorner] = useState<[number, number] | null>(null);
  const scale = matrix ? Math.hypot(matrix[0], matrix[1]) : 1;

  const toImage = (event: { clientX: number; clientY: number }): [number, number] | null => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || !matrix) return null;
    return elementToImage(matrix, event.clientX - box.left, event.clientY - box.top);
  };

  const closePolygon = (list: Array<[number, number]>) => {
    const distinct = new Set(list.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`));
    setPoints([]);
    if (distinct.size >= 3) {
      onDrawn({ shape: 'polygon', points: list.map(([x, y]) => [Math.max(0, x), Math.max(0, y)]) });
    }
  };

  /** The crosshair moved by one arrow key; it starts at the middle of the view. */
  const moveCross = (direction: [number, number], large: boolean) => {
    const box = svg.current?.getBoundingClientRect();
    if (!matrix || !box) return;
    const from = cross ?? elementToImage(matrix, box.width / 2, box.height / 2);
    // Screen directions, turned into the photo's (it may be rotated or flipped on screen).
    const origin = elementToImage(matrix, 0, 0);
    const step = elementToImage(
      matrix,
      direction[0] * (large ? CROSSHAIR_STEP_LARGE : CROSSHAIR_STEP),
      direction[1] * (large ? CROSSHAIR_STEP_LARGE : CROSSHAIR_STEP),
    );
    setCross([Math.max(0, from[0] + step[0] - origin[0]), Math.max(0, from[1] + step[1] - origin[1])]);
  };

  const finishRectangle = (from: [number, number], to: [number, number]) => {
    const width = Math.abs(to[0] - from[0]);
    const height = Math.abs(to[1] - from[1]);
    if (width * scale < MIN_SCREEN_SIZE || height * scale < MIN_SCREEN_SIZE) return;
    onDrawn({
      shape: 'rectangle',
      x: Math.max(0, Math.min(from[0], to[0])),
      y: Math.max(0, Math.min(from[1], to[1])),
      width,
      height,
    });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (mode === 'pan') return;
    const arrow = ARROWS[event.key];
    if (arrow && !event.ctrlKey && !event.metaKey && !event.altKey) moveCross(arrow, event.shiftKey);
    else if (event.key === 'Enter' && mode === 'rectangle') {
      if (!cross) return;
      if (corner) {
        setCorner(null);
        finishRectangle(corner, cross);
      } else setCorner(cross);
    } else if (mode !== 'polygon') return;
    else if (event.key === 'Enter') {
      const last = points.at(-1);
      // Enter sets the crosshair's point as a corner; with no crosshair, or on the last corner, it closes.
      if (cross && !(last && last[0] === cross[0] && last[1] === cross[1])) setPoints([...points, cross]);
      else closePolygon(points);
    } else if (event.key === 'Backspace') setPoints((list) => list.slice(0, -1));
    else if (event.key === 'Escape') {
      setPoints([]);
      onCancel();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const drawing = mode !== 'pan';
  const transform = matrix ? `matrix(${matrix.join(' ')})` : undefined;
  const stroke = 2 / scale;
  return (
    <svg
      ref={svg}
      className={`region-layer${drawing ? ' region-layer-drawing' : ''}`}
      role={drawing ? 'application' : 'group'}
      aria-label={drawing ? t(`photoViewer.drawing.${mode}`) : t('photoViewer.regionsOnPhoto')}
      tabIndex={drawing ? 0 : -1}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (!drawing || event.button !== 0) return;
        const at = toImage(event);
        if (!at) return;
        event.preventDefault();
        if (mode === 'rectangle') {
          // Optional: not every environment (jsdom) has pointer capture on SVG.
          svg.current?.setPointerCapture?.(event.pointerId);
          setDrag({ from: at, to: at });
        } else {
          const first = points[0];
          if (first && points.length >= 3 && Math.hypot(at[0] - first[0], at[1] - first[1]) * scale < 8) {
            closePolygon(points);
          } else setPoints((list) => [...list, at]);
        }
      }}
      onPointerMove={(event) => {
        const at = toImage(event);
        if (!at) return;
        if (drag) setDrag({ ...drag, to: at });
        if (mode === 'polygon') setHover(at);
      }}
      onPointerUp={() => {
        if (!drag) return;
        setDrag(null);
        finishRectangle(drag.from, drag.to);
      }}
      onDoubleClick={(event) => {
        if (mode !== 'polygon') return;
        event.preventDefault();
        // The double click's two clicks each added a point at the same place: one is enough.
        closePolygon(points.slice(0, -1));
      }}
    >
      {transform ? (
        <g transform={transform} strokeWidth={stroke}>
          {regions.map((region) =>
            // The shapes are for the mouse; keyboard and screen-reader users pick regions in the list.
            shapeOf(region.geometry, {
              key: region.id,
              className: `region-shape${region.id === selectedId ? ' region-selected' : ''}`,
              onClick: drawing ? undefined : () => onSelect(region.id),
            }),
          )}
          {drawing
            ? null
            : words.map((word, index) => (
                <rect
                  key={index}
                  className="ocr-word"
                  x={word[1]}
                  y={word[2]}
                  width={word[3]}
                  height={word[4]}
                  onClick={() => onWord?.(word)}
                />
              ))}
          {activeWord ? (
            <rect
              className="ocr-word-active"
              data-word={activeWord[0]}
              x={activeWord[1]}
              y={activeWord[2]}
              width={activeWord[3]}
              height={activeWord[4]}
            />
          ) : null}
          {drag
            ? shapeOf(
                {
                  shape: 'rectangle',
                  x: Math.min(drag.from[0], drag.to[0]),
                  y: Math.min(drag.from[1], drag.to[1]),
                  width: Math.abs(drag.to[0] - drag.from[0]),
                  height: Math.abs(drag.to[1] - drag.from[1]),
                },
                { className: 'region-draft' },
              )
            : null}
          {corner && cross
            ? shapeOf(
                {
                  shape: 'rectangle',
                  x: Math.min(corner[0], cross[0]),
                  y: Math.min(corner[1], cross[1]),
                  width: Math.abs(cross[0] - corner[0]),
                  height: Math.abs(cross[1] - corner[1]),
                },
                { className: 'region-draft' },
              )
            : null}
          {cross && drawing ? (
            <g className="region-draft region-crosshair" data-testid="crosshair">
              <line x1={cross[0] - 12 / scale} y1={cross[1]} x2={cross[0] + 12 / scale} y2={cross[1]} />
              <line x1={cross[0]} y1={cross[1] - 12 / scale} x2={cross[0]} y2={cross[1] + 12 / scale} />
            </g>
          ) : null}
          {points.length > 0 ? (
            <polyline
              className="region-draft"
              points={[...points, ...(hover ? [hover] : cross ? [cross] : [])]
                .map((point) => point.join(','))
                .join(' ')}
            />
          ) : null}
        </g>
      ) : null}
    </svg>
  );
}
