import { describe, expect, it } from 'vitest';
import { citeItemLocator } from '@shared/citations/locator';

describe('citeItemLocator', () => {
  it.each([
    ['p. 266', { locator: '266', label: 'page' }],
    ['p.266', { locator: '266', label: 'page' }],
    ['pp. 782-784', { locator: '782-784', label: 'page' }],
    ['pp. 5–26', { locator: '5–26', label: 'page' }],
    ['266', { locator: '266', label: 'page' }],
    ['p. 279; p. 268', { locator: '279, 268', label: 'page' }],
    ['p. xii', { locator: 'xii', label: 'page' }],
    ['vol. 2', { locator: '2', label: 'volume' }],
    ['ch. 4', { locator: '4', label: 'chapter' }],
    ['f. 12', { locator: '12', label: 'folio' }],
    ['§ 3', { locator: '3', label: 'section' }],
  ])('reads "%s" as a CSL locator', (printed, expected) => {
    expect(citeItemLocator(printed)).toEqual(expected);
  });

  it.each([
    // No CSL label for a document number: printed verbatim after the citation.
    ['doc. 19', { suffix: ', doc. 19' }],
    // Mixed kinds cannot share one CSL label.
    ['p. 3; vol. 2', { suffix: ', p. 3; vol. 2' }],
    ['back cover', { suffix: ', back cover' }],
  ])('keeps "%s" verbatim', (printed, expected) => {
    expect(citeItemLocator(printed)).toEqual(expected);
  });

  it.each([null, undefined, '', '   '])('has nothing to add for %j', (printed) => {
    expect(citeItemLocator(printed)).toEqual({});
  });
});
