import { describe, expect, it } from 'vitest';
import { elementToImage, type Matrix } from '../../../../src/renderer/src/photos/viewer/osd-stage';
import { actionFor, keysOf, SHORTCUTS } from '../../../../src/renderer/src/photos/viewer/shortcuts';
import {
  clampFactor,
  createViewStateStore,
  cssFilter,
  normaliseRotation,
  viewStateKey,
  type PhotoViewState,
} from '../../../../src/renderer/src/photos/viewer/view-state';

const SHA = 'cd'.repeat(32);
const VIEW: PhotoViewState = {
  zoom: 2.5,
  centre: { x: 0.4, y: 0.3 },
  rotation: 90,
  flipped: true,
  brightness: 1.2,
  contrast: 0.8,
  invert: true,
};

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe('the remembered view of a photo', () => {
  it('is saved and read back per photo page', () => {
    const storage = memoryStorage();
    const store = createViewStateStore(storage);
    store.save(SHA, 0, VIEW);
    store.save(SHA, 2, { ...VIEW, rotation: 180 });
    expect(store.load(SHA, 0)).toEqual(VIEW);
    expect(store.load(SHA, 2)?.rotation).toBe(180);
    expect(store.load(SHA, 1)).toBeNull();
    expect([...storage.data.keys()].sort()).toEqual([viewStateKey(SHA, 0), viewStateKey(SHA, 2)]);
  });

  it('ignores a stored value that is not a view (old shape, hand edit, broken JSON)', () => {
    for (const raw of [
      '{',
      '"x"',
      JSON.stringify({ ...VIEW, zoom: -1 }),
      JSON.stringify({ ...VIEW, extra: 1 }),
      JSON.stringify({ ...VIEW, brightness: 99 }),
    ]) {
      const store = createViewStateStore(memoryStorage({ [viewStateKey(SHA, 0)]: raw }));
      expect(store.load(SHA, 0)).toBeNull();
    }
  });

  it('never throws when storage is full or disabled, and never stores an invalid view', () => {
    const storage = memoryStorage();
    const store = createViewStateStore(storage);
    store.save(SHA, 0, { ...VIEW, zoom: Number.NaN });
    expect(storage.data.size).toBe(0);
    const failing = createViewStateStore({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => failing.save(SHA, 0, VIEW)).not.toThrow();
    expect(failing.load(SHA, 0)).toBeNull();
  });

  it('keeps rotation in [0, 360) and adjustments in range, and turns them into a CSS filter', () => {
    expect(normaliseRotation(-90)).toBe(270);
    expect(normaliseRotation(450)).toBe(90);
    expect(clampFactor(9)).toBe(3);
    expect(clampFactor(0)).toBe(0.2);
    expect(cssFilter({ brightness: 1, contrast: 1, invert: false })).toBe('none');
    expect(cssFilter({ brightness: 1.2, contrast: 0.8, invert: true })).toBe(
      'brightness(1.2) contrast(0.8) invert(1)',
    );
  });
});

describe('overlay coordinates', () => {
  it('maps a viewer point back to original pixels through zoom, rotation and flip', () => {
    const forward = ([a, b, c, d, e, f]: Matrix, x: number, y: number) => [
      a * x + c * y + e,
      b * x + d * y + f,
    ];
    const matrices: Matrix[] = [
      [0.5, 0, 0, 0.5, 10, 20], // zoomed out, panned
      [0, 0.25, -0.25, 0, 400, 5], // rotated 90°
      [-0.5, 0, 0, 0.5, 800, 0], // flipped
    ];
    for (const matrix of matrices) {
      const [x, y] = forward(matrix, 1234, 567) as [number, number];
      const [ix, iy] = elementToImage(matrix, x, y);
      expect(ix).toBeCloseTo(1234, 6);
      expect(iy).toBeCloseTo(567, 6);
    }
  });
});

describe('keyboard shortcuts', () => {
  const press = (key: string, modifiers: Partial<KeyboardEvent> = {}) =>
    actionFor({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

  it('maps keys to actions, shifted and unshifted apart, and leaves modified keys to the app', () => {
    expect(press('+')).toBe('zoomIn');
    expect(press('=')).toBe('zoomIn');
    expect(press('r')).toBe('rotateRight');
    expect(press('R', { shiftKey: true })).toBe('rotateLeft');
    expect(press('ArrowLeft')).toBe('panLeft');
    expect(press('Escape')).toBe('stopDrawing');
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('k', { ctrlKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });

  it('documents one key per action, none shared', () => {
    const keys = SHORTCUTS.map((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.action)).size).toBe(SHORTCUTS.length);
    expect(keysOf('flip')).toBe('F');
  });
});
