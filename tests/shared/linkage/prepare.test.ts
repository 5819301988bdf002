import { describe, expect, it } from 'vitest';
import { nameParts } from '@shared/linkage/prepare';
import { prepareOne } from './helpers';

describe('preparing a record', () => {
  it('takes the name from the typed fields, a one-cell name (surname first) or the title (given name first)', () => {
    expect(nameParts({ surname: 'Lukša', givenName: 'Ona' })).toEqual(['Lukša', 'Ona', undefined]);
    expect(nameParts({ fullName: 'Казлаускас Ионас Петрович' })).toEqual(['Казлаускас', 'Ионас', 'Петрович']);
    expect(nameParts({ fullName: 'KAZLAUSKAS Jonas, Kaunas' })).toEqual(['KAZLAUSKAS', 'Jonas', undefined]);
    expect(nameParts({}, 'Jonas Kazlauskas (synthetic)')).toEqual(['Kazlauskas', 'Jonas', undefined]);
    expect(nameParts({})).toEqual([undefined, undefined, undefined]);
  });

  it('folds names, codes surnames by sound and finds given-name and patronymic groups', () => {
    const record = prepareOne({
      fullName: 'Лукша Иван Антонович',
      birthDate: { text: '1901', edtf: '1901' },
    });
    expect(record.surname).toMatchObject({ text: 'Лукша', folded: 'luksha' });
    expect(record.surname?.codes.length).toBeGreaterThan(0);
    expect(record.givenName?.groups).toEqual(['Jonas']);
    expect(record.patronymic?.groups).toEqual(['Antanas']);
    expect(record.birth).toMatchObject({ year: 1901, ranges: [[1901, 1901]] });
  });

  it('drops generic place words and keeps the gazetteer place', () => {
    const record = prepareOne({ residence: 'дер. Гудели, Ковенский уезд' });
    expect(record.residence?.words).toEqual(['gudeli', 'kovenskiy']);
    // Ковно also names the uezd and the governorate named after the town.
    expect(prepareOne({ birthPlace: 'Ковно' }).birthPlace?.groups).toContain('Kaunas');
  });
});
