/**
 * Remembered window geometry. Pure: parsing tolerates any junk in the saved file (falling back to
 * defaults), and a window is only restored where it is still visible on a connected display.
 */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const bounds = record['bounds'] as Record<string, unknown> | undefined;
  if (!bounds || ![bounds['x'], bounds['y'], bounds['width'], bounds['height']].every(isFiniteNumber))
    return null;
  return {
    bounds: {
      x: Math.round(bounds['x'] as number),
      y: Math.round(bounds['y'] as number),
      width: Math.max(MIN_SIZE.width, Math.round(bounds['width'] as number)),
      height: Math.max(MIN_SIZE.height, Math.round(bounds['height'] as number)),
    },
    maximized: record['maximized'] === true,
    fullScreen: record['fullScreen'] === true,
  };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * The bounds to open with: the saved ones when at least a quarter of the window (and its title bar
 * area) is on some display's work area, otherwise the default size centred by the OS (no x/y).
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const { bounds } = saved;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  const visible = workAreas.some(
    (area) =>
      overlapArea(bounds, area) >= (bounds.width * bounds.height) / 4 && overlapArea(titleBar, area) > 0,
  );
  if (!visible) return { width: bounds.width, height: bounds.height };
  return { ...bounds };
}
