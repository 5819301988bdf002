import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../src/renderer/src/i18n/i18n';
import { RegionLayer } from '../../../../src/renderer/src/photos/viewer/RegionLayer';
import type { Matrix } from '../../../../src/renderer/src/photos/viewer/osd-stage';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

/** The photo shown at a quarter of its size, 100 px from the viewer's left edge. */
const MATRIX: Matrix = [0.25, 0, 0, 0.25, 100, 0];

function layer(mode: 'rectangle' | 'polygon' | 'pan') {
  const onDrawn = vi.fn();
  const onSelect = vi.fn();
  render(
    <RegionLayer
      matrix={MATRIX}
      regions={[{ id: 'r1', geometry: { shape: 'rectangle', x: 0, y: 0, width: 40, height: 40 } }]}
      selectedId={null}
      mode={mode}
      onSelect={onSelect}
      onDrawn={onDrawn}
      onCancel={() => undefined}
    />,
  );
  return { onDrawn, onSelect };
}

describe('drawing regions', () => {
  it('turns a drag into a rectangle in the original photo pixels', () => {
    const { onDrawn } = layer('rectangle');
    const svg = screen.getByRole('application', { name: /Drawing a rectangle/ });
    fireEvent.pointerDown(svg, { button: 0, clientX: 110, clientY: 20, pointerId: 1 });
    fireEvent.pointerMove(svg, { clientX: 160, clientY: 45, pointerId: 1 });
    fireEvent.pointerUp(svg, { pointerId: 1 });
    expect(onDrawn).toHaveBeenCalledWith({ shape: 'rectangle', x: 40, y: 80, width: 200, height: 100 });
  });

  it('ignores a click that is not a drag', () => {
    const { onDrawn } = layer('rectangle');
    const svg = screen.getByRole('application');
    fireEvent.pointerDown(svg, { button: 0, clientX: 110, clientY: 20 });
    fireEvent.pointerUp(svg, {});
    expect(onDrawn).not.toHaveBeenCalled();
  });

  it('collects polygon corners by click and closes with Enter; Backspace takes the last one back', () => {
    const { onDrawn } = layer('polygon');
    const svg = screen.getByRole('application', { name: /Drawing a polygon/ });
    for (const [x, y] of [
      [100, 0],
      [200, 0],
      [150, 300],
      [120, 120],
    ]) {
      fireEvent.pointerDown(svg, { button: 0, clientX: x, clientY: y });
    }
    fireEvent.keyDown(svg, { key: 'Backspace' });
    fireEvent.keyDown(svg, { key: 'Enter' });
    expect(onDrawn).toHaveBeenCalledWith({
      shape: 'polygon',
      points: [
        [0, 0],
        [400, 0],
        [200, 1200],
      ],
    });
  });

  it('draws a rectangle by keyboard: arrows move the crosshair, Enter sets two corners', () => {
    const { onDrawn } = layer('rectangle');
    const svg = screen.getByRole('application', { name: /Drawing a rectangle/ });
    const press = (key: string, times = 1, shiftKey = false) => {
      for (let i = 0; i < times; i++) fireEvent.keyDown(svg, { key, shiftKey });
    };
    // jsdom lays nothing out, so the crosshair starts at the view's corner (the photo's 0,0 here).
    press('ArrowRight');
    expect(screen.getByTestId('crosshair')).toBeTruthy();
    // A step is 10 screen pixels (50 with Shift): 40 (200) pixels of a photo shown at a quarter.
    press('ArrowRight', 3, true);
    press('ArrowDown', 2, true);
    press('Enter');
    expect(onDrawn).not.toHaveBeenCalled();
    press('ArrowRight', 5);
    press('ArrowDown', 5);
    press('Enter');
    expect(onDrawn).toHaveBeenCalledWith({ shape: 'rectangle', x: 600, y: 400, width: 200, height: 200 });
  });

  it('draws a polygon by keyboard: Enter at each corner, Enter again closes it', () => {
    const { onDrawn } = layer('polygon');
    const svg = screen.getByRole('application', { name: /Drawing a polygon/ });
    const press = (key: string, times = 1, shiftKey = false) => {
      for (let i = 0; i < times; i++) fireEvent.keyDown(svg, { key, shiftKey });
    };
    press('ArrowRight');
    press('Enter');
    press('ArrowRight', 2, true);
    press('Enter');
    press('ArrowDown', 2, true);
    press('Enter');
    expect(onDrawn).not.toHaveBeenCalled();
    press('Enter');
    expect(onDrawn).toHaveBeenCalledWith({
      shape: 'polygon',
      points: [
        [0, 0],
        [400, 0],
        [400, 400],
      ],
    });
  });

  it('keeps the arrow keys from panning the photo while drawing', () => {
    const outer = vi.fn();
    render(
      <div onKeyDown={outer}>
        <RegionLayer
          matrix={MATRIX}
          regions={[]}
          selectedId={null}
          mode="rectangle"
          onSelect={() => undefined}
          onDrawn={() => undefined}
          onCancel={() => undefined}
        />
      </div>,
    );
    fireEvent.keyDown(screen.getByRole('application'), { key: 'ArrowLeft' });
    expect(outer).not.toHaveBeenCalled();
  });

  it('selects a region by click when not drawing', () => {
    const { onSelect } = layer('pan');
    const shape = document.querySelector('.region-shape');
    if (!shape) throw new Error('no region drawn');
    fireEvent.click(shape);
    expect(onSelect).toHaveBeenCalledWith('r1');
  });
});

describe('OCR words on the photo', () => {
  it('outlines the word shown from the text and reports a word clicked on the photo', () => {
    const onWord = vi.fn();
    const words: Array<[string, number, number, number, number, number]> = [
      ['Vilniaus', 10, 10, 80, 20, 0.9],
      ['apskritis', 100, 10, 90, 20, 0.8],
    ];
    const { container } = render(
      <RegionLayer
        matrix={MATRIX}
        regions={[]}
        selectedId={null}
        mode="pan"
        onSelect={() => undefined}
        onDrawn={() => undefined}
        onCancel={() => undefined}
        words={words}
        activeWord={words[1]}
        onWord={onWord}
      />,
    );
    expect(container.querySelector('.ocr-word-active')?.getAttribute('data-word')).toBe('apskritis');
    const shapes = container.querySelectorAll('.ocr-word');
    expect(shapes).toHaveLength(2);
    fireEvent.click(shapes[0] as Element);
    expect(onWord).toHaveBeenCalledWith(words[0]);
  });
});
