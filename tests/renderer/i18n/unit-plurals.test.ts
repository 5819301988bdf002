import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '@shared/collection/schema';
import { formatClaimFigure } from '../../../src/renderer/src/collection/format';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';

const claim = (unit: string, value: number) => ({ id: 'c', value, unit, counts: 'x' }) as unknown as Claim;
const figure = (language: string, unit: string, value: number) =>
  formatClaimFigure(claim(unit, value), i18next.getFixedT(language), language);

beforeAll(async () => {
  await initI18n('en');
});

describe('units agree with their number', () => {
  it('in Lithuanian: 1 šeima, 2 šeimos, 10 šeimų, 21 šeima', () => {
    expect(figure('lt', 'families', 1)).toBe('1 šeima');
    expect(figure('lt', 'families', 2)).toBe('2 šeimos');
    expect(figure('lt', 'families', 10)).toBe('10 šeimų');
    expect(figure('lt', 'families', 21)).toBe('21 šeima');
    expect(figure('lt', 'trains', 3)).toBe('3 ešelonai');
    expect(figure('lt', 'deportations', 34)).toBe('34 trėmimai');
  });

  it('in English, and a unit without plural forms keeps its one form', () => {
    expect(figure('en', 'families', 1)).toBe('1 family');
    expect(figure('en', 'families', 11345)).toBe('11,345 families');
    expect(figure('en', 'people', 1)).toBe('1 person');
    expect(figure('en', 'percent', 1)).toBe('1 %');
    expect(figure('lt', 'people', 40002)).toMatch(/^40\s002 žm\.$/);
  });
});
