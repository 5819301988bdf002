import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreBounds } from '../../src/main/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('ignores junk', () => {
    for (const junk of [
      null,
      3,
      'x',
      {},
      { bounds: { x: 'a' } },
      { bounds: { x: 1, y: 2, width: NaN, height: 3 } },
    ]) {
      expect(parseWindowState(junk)).toBeNull();
    }
  });

  it('parses and clamps to the minimum size', () => {
    expect(
      parseWindowState({ bounds: { x: 10.4, y: 20, width: 100, height: 100 }, maximized: true }),
    ).toEqual({
      bounds: { x: 10, y: 20, width: MIN_SIZE.width, height: MIN_SIZE.height },
      maximized: true,
      fullScreen: false,
    });
  });

  it('restores visible bounds and drops the position of a window on a disconnected display', () => {
    const saved = {
      bounds: { x: 100, y: 100, width: 1000, height: 700 },
      maximized: false,
      fullScreen: false,
    };
    expect(restoreBounds(saved, [screen])).toEqual(saved.bounds);
    const offScreen = { ...saved, bounds: { x: 4000, y: 100, width: 1000, height: 700 } };
    expect(restoreBounds(offScreen, [screen])).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds(null, [screen])).toEqual(DEFAULT_SIZE);
  });
});
