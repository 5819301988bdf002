/**
 * How a photo was last looked at — zoom, centre, rotation, flip and the image adjustments — remembered
 * per photo in localStorage. This is view state only (losing it costs a click, never the user's work),
 * so it does not belong in the notes database and its backups. A stored value that does not parse (an
 * older shape, a hand edit) is ignored and the photo opens fitted.
 */
import { z } from 'zod';

export interface ViewAdjustments {
  /** CSS filter factors: 1 = unchanged. */
  brightness: number;
  contrast: number;
  invert: boolean;
}

export interface PhotoViewState extends ViewAdjustments {
  /** OpenSeadragon's zoom (1 = the image's width fills the viewer) and centre in viewport units. */
  zoom: number;
  centre: { x: number; y: number };
  /** Degrees clockwise, 0 ≤ rotation < 360. */
  rotation: number;
  flipped: boolean;
}

export const NEUTRAL_ADJUSTMENTS: ViewAdjustments = { brightness: 1, contrast: 1, invert: false };
export const ADJUSTMENT_RANGE = { min: 0.2, max: 3 } as const;

const finite = z.number().finite();
const factor = finite.min(ADJUSTMENT_RANGE.min).max(ADJUSTMENT_RANGE.max);
const stateSchema = z.strictObject({
  zoom: finite.positive(),
  centre: z.strictObject({ x: finite, y: finite }),
  rotation: finite.min(0).lt(360),
  flipped: z.boolean(),
  brightness: factor,
  contrast: factor,
  invert: z.boolean(),
});

const KEY_PREFIX = 'atmintis.photo-view.';

/** One key per photo page, so each page of a multi-page scan keeps its own view. */
export const viewStateKey = (sha256: string, page: number): string => `${KEY_PREFIX}${sha256}/${page}`;

/** Degrees in [0, 360). */
export const normaliseRotation = (degrees: number): number => ((degrees % 360) + 360) % 360;

export const clampFactor = (value: number): number =>
  Math.min(ADJUSTMENT_RANGE.max, Math.max(ADJUSTMENT_RANGE.min, Math.round(value * 100) / 100));

/** The CSS filter for the adjustments; 'none' when they change nothing. */
export function cssFilter({ brightness, contrast, invert }: ViewAdjustments): string {
  const parts = [
    brightness !== 1 ? `brightness(${brightness})` : '',
    contrast !== 1 ? `contrast(${contrast})` : '',
    invert ? 'invert(1)' : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'none';
}

export interface ViewStateStore {
  load(sha256: string, page: number): PhotoViewState | null;
  save(sha256: string, page: number, state: PhotoViewState): void;
}

export function createViewStateStore(storage: Pick<Storage, 'getItem' | 'setItem'>): ViewStateStore {
  return {
    load(sha256, page) {
      let raw: string | null;
      try {
        raw = storage.getItem(viewStateKey(sha256, page));
      } catch {
        return null;
      }
      if (raw === null) return null;
      try {
        const parsed = stateSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(sha256, page, state) {
      const parsed = stateSchema.safeParse(state);
      if (!parsed.success) return;
      try {
        storage.setItem(viewStateKey(sha256, page), JSON.stringify(parsed.data));
      } catch {
        // A full or disabled storage only means the view is not remembered; nothing else depends on it.
      }
    },
  };
}
