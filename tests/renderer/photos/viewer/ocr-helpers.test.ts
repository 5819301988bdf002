import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { regionSelector } from '@shared/notes/region';
import { initI18n } from '../../../../src/renderer/src/i18n/i18n';
import { OcrLanguageError, OcrStartError, ocrAbortError } from '../../../../src/renderer/src/ocr/ocr-errors';
import { describeOcrFailure } from '../../../../src/renderer/src/ocr/ocr-failure';
import {
  defaultOcrLanguages,
  isWholePage,
  wholePageSelector,
} from '../../../../src/renderer/src/photos/viewer/ocr-defaults';
import { cropBox } from '../../../../src/renderer/src/photos/viewer/ocr-image';
import { boxInView } from '../../../../src/renderer/src/photos/viewer/osd-stage';
import { photoThumbOf } from '../../../../src/renderer/src/search/photo-hits';

const SHA = 'ef'.repeat(32);

beforeAll(async () => {
  await initI18n('en');
});

describe('OCR defaults in the viewer', () => {
  it("reads with the languages the item's Language field names, Lithuanian when it names none we have", () => {
    expect(defaultOcrLanguages('lt')).toEqual(['lit']);
    expect(defaultOcrLanguages('ru, lt-LT')).toEqual(['rus', 'lit']);
    expect(defaultOcrLanguages('pol; deu')).toEqual(['pol', 'deu']);
    expect(defaultOcrLanguages('yi')).toEqual(['lit']);
    expect(defaultOcrLanguages(undefined)).toEqual(['lit']);
  });

  it('knows the region that stands for the whole page', () => {
    expect(isWholePage(wholePageSelector(2400, 1800), 2400, 1800)).toBe(true);
    const part = regionSelector({ shape: 'rectangle', x: 0, y: 0, width: 1200, height: 1800 });
    expect(isWholePage(part, 2400, 1800)).toBe(false);
    const polygon = regionSelector({
      shape: 'polygon',
      points: [
        [0, 0],
        [2400, 0],
        [2400, 1800],
      ],
    });
    expect(isWholePage(polygon, 2400, 1800)).toBe(false);
  });
});

describe('the crop OCR reads', () => {
  it("is the region's bounds on the display copy, inside the copy", () => {
    const rect = { shape: 'rectangle' as const, x: 201, y: 99, width: 400, height: 101 };
    expect(cropBox(rect, 1000, 800, 2)).toEqual({ x: 100, y: 49, width: 201, height: 51 });
    expect(cropBox({ ...rect, x: 1900, width: 400 }, 1000, 800, 2)).toEqual({
      x: 950,
      y: 49,
      width: 50,
      height: 51,
    });
    expect(cropBox(null, 1000, 800, 2)).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
  });
});

describe('OCR failures', () => {
  it('map to keys the interface words, with their values; a cancel is no failure', () => {
    expect(
      describeOcrFailure(new OcrLanguageError({ code: 'no-data', languages: ['yid'], message: '' })),
    ).toEqual({
      key: 'noData',
      values: { languages: 'yid' },
    });
    expect(describeOcrFailure(new OcrStartError('start-timed-out')).key).toBe('startTimedOut');
    expect(describeOcrFailure(ocrAbortError()).key).toBeNull();
    expect(describeOcrFailure('boom')).toEqual({ key: 'failed', values: { reason: 'boom' } });
  });
});

describe('photo thumbnails in search results', () => {
  it('come with hits on photo regions, on their page', () => {
    expect(photoThumbOf({ id: 'n-1', kind: 'note', path: `/items/i-1/photos/${SHA}/region/n-1` })).toBe(
      `/photos/${SHA}/thumb`,
    );
    expect(
      photoThumbOf({ id: 'n-1', kind: 'note', path: `/items/i-1/photos/${SHA}/region/n-1?page=3` }),
    ).toBe(`/photos/${SHA}/thumb?page=3`);
    expect(photoThumbOf({ id: 'n-1', kind: 'note', path: '/records/c/r-1' })).toBeNull();
    expect(
      photoThumbOf({ id: 'p-1', kind: 'person', path: `/items/i-1/photos/${SHA}/region/n-1` }),
    ).toBeNull();
    expect(
      photoThumbOf({ id: 'n-1', kind: 'note', path: `/items/i-1/photos/${SHA}/region/n-1/../../x` }),
    ).toBeNull();
  });

  it('come with hits on photo items (their first photo), the same way', () => {
    expect(photoThumbOf({ id: `item/i-1/photo/${SHA}/2`, kind: 'item', path: '/items/i-1' })).toBe(
      `/photos/${SHA}/thumb?page=2`,
    );
    expect(photoThumbOf({ id: 'item/i-2', kind: 'item', path: '/items/i-2' })).toBeNull();
  });
});

describe('the words kept, counted in both languages', () => {
  it('agree with their number', () => {
    const en = i18next.getFixedT('en');
    const lt = i18next.getFixedT('lt');
    expect(en('ocr.kept', { kept: 1, count: 1 })).toBe('Word positions kept for 1 of 1 word.');
    expect(en('ocr.kept', { kept: 3, count: 5 })).toBe('Word positions kept for 3 of 5 words.');
    expect(lt('ocr.kept', { kept: 1, count: 1 })).toBe('Žodžių vietos išsaugotos 1 iš 1 žodžio.');
    expect(lt('ocr.kept', { kept: 2, count: 3 })).toBe('Žodžių vietos išsaugotos 2 iš 3 žodžių.');
    expect(lt('ocr.kept', { kept: 20, count: 21 })).toBe('Žodžių vietos išsaugotos 20 iš 21 žodžio.');
    expect(lt('ocr.kept', { kept: 0, count: 10 })).toBe('Žodžių vietos išsaugotos 0 iš 10 žodžių.');
  });
});

describe('a word in view', () => {
  it('is one whose box lies wholly inside the viewer, whatever the transform', () => {
    // A quarter of the original's size, 100 px from the left, in a 600 × 400 viewer.
    const quarter = [0.25, 0, 0, 0.25, 100, 0] as [number, number, number, number, number, number];
    expect(boxInView(quarter, { x: 100, y: 100, width: 200, height: 40 }, 600, 400)).toBe(true);
    expect(boxInView(quarter, { x: 1900, y: 100, width: 200, height: 40 }, 600, 400)).toBe(false);
    // Turned 90° right: x runs down the screen.
    const turned = [0, 0.25, -0.25, 0, 400, 0] as [number, number, number, number, number, number];
    expect(boxInView(turned, { x: 100, y: 100, width: 200, height: 40 }, 600, 400)).toBe(true);
    expect(boxInView(turned, { x: 1500, y: 100, width: 200, height: 40 }, 600, 400)).toBe(false);
  });
});
