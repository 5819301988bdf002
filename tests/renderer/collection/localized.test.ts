import { describe, expect, it } from 'vitest';
import {
  localizedClaimLabel,
  localizedManifest,
  localizedRecordText,
} from '../../../src/renderer/src/collection/localized';
import { record } from '../browse/fixtures';

/** Fictional test data. */
const translated = record({
  id: 'test-event',
  kind: 'event',
  title: 'Test event',
  labels: { lt: 'Bandomasis įvykis (vardas)' },
  summary: 'A made-up event.',
  translations: { lt: { title: 'Bandomasis įvykis', summary: 'Išgalvotas įvykis.' } },
});

describe('localized collection text', () => {
  it('prefers the translated title, then the label, then the title; follows region tags', () => {
    expect(localizedRecordText(translated, 'lt-LT')).toEqual({
      title: 'Bandomasis įvykis',
      summary: 'Išgalvotas įvykis.',
      summaryLanguage: 'lt',
      fallback: false,
    });
    const labelled = record({ id: 'x', kind: 'event', title: 'X', labels: { lt: 'Iksas' } });
    expect(localizedRecordText(labelled, 'lt')).toMatchObject({
      title: 'Iksas',
      fallback: true,
      summaryLanguage: 'en',
    });
  });

  it('shows the original without a fallback mark in the collection’s own language', () => {
    expect(localizedRecordText(translated, 'en')).toMatchObject({
      summary: 'A made-up event.',
      fallback: false,
    });
    // A collection written in Lithuanian needs no mark in the Lithuanian interface, and has one in English.
    const lithuanian = record({ id: 'y', kind: 'event', title: 'Y', summary: 'Lietuviškai.' });
    expect(localizedRecordText(lithuanian, 'lt', 'lt')).toMatchObject({
      fallback: false,
      summaryLanguage: 'lt',
    });
    expect(localizedRecordText(lithuanian, 'en', 'lt')).toMatchObject({
      fallback: true,
      summaryLanguage: 'lt',
    });
  });

  it('labels claims and names the collection in the interface language, else in the original', () => {
    const claim = { counts: 'people moved', translations: { lt: { counts: 'perkelti žmonės' } } };
    expect(localizedClaimLabel(claim, 'lt')).toBe('perkelti žmonės');
    expect(localizedClaimLabel(claim, 'en')).toBe('people moved');
    expect(localizedClaimLabel({ counts: 'people moved' }, 'lt')).toBe('people moved');
    const manifest = { title: 'Test', description: 'D', translations: { lt: { title: 'Bandymas' } } };
    expect(localizedManifest(manifest, 'lt')).toEqual({ title: 'Bandymas', description: 'D' });
  });
});
