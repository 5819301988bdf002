/**
 * The regions drawn over the photo, as SVG in the photo's original pixels under one transform that
 * follows OpenSeadragon's viewport (zoom, pan, rotation, flip). In a drawing mode it takes the pointer:
 * a rectangle is dragged; a polygon is clicked point by point and closed with a double click, Enter or
 * a click on its first point (Escape cancels, Backspace removes the last point). The parent keys it
 * by the mode, so a half-drawn shape does not survive a change of tool.
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

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (mode !== 'polygon') return;
    if (event.key === 'Enter') closePolygon(points);
    else if (event.key === 'Backspace') setPoints((list) => list.slice(0, -1));
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
        const [x0, y0] = drag.from;
        const [x1, y1] = drag.to;
        setDrag(null);
        const width = Math.abs(x1 - x0);
        const height = Math.abs(y1 - y0);
        if (width * scale < MIN_SCREEN_SIZE || height * scale < MIN_SCREEN_SIZE) return;
        onDrawn({
          shape: 'rectangle',
          x: Math.max(0, Math.min(x0, x1)),
          y: Math.max(0, Math.min(y0, y1)),
          width,
          height,
        });
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
          {points.length > 0 ? (
            <polyline
              className="region-draft"
              points={[...points, ...(hover ? [hover] : [])].map((point) => point.join(',')).join(' ')}
            />
          ) : null}
        </g>
      ) : null}
    </svg>
  );
}
