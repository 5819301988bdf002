import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/locales/en/linkage.json';
import lt from '../../../src/renderer/src/i18n/locales/lt/linkage.json';
import { FIELD_LEVELS } from '@shared/linkage/levels';
import { LINK_FIELDS } from '@shared/linkage/types';

// The Linkage view renders every field and level of an explanation through these keys.
describe('labels of the explained fields', () => {
  for (const [language, locale] of [
    ['en', en],
    ['lt', lt],
  ] as const) {
    it(`has a ${language} label for every field and level`, () => {
      const fields: Record<string, string> = locale.pair.fields;
      const levels: Record<string, string> = locale.pair.levels;
      for (const field of LINK_FIELDS) {
        expect(fields[field], field).toBeTruthy();
        for (const { level } of FIELD_LEVELS[field]) expect(levels[level], `${field}.${level}`).toBeTruthy();
      }
    });
  }
});
