import { describe, expect, it } from 'vitest';
import {
  FIELD_INDEX,
  MISSING,
  compareBirth,
  compareGivenName,
  comparePair,
  comparePatronymic,
  comparePlace,
  compareSurname,
} from '@shared/linkage/compare';
import { FIELD_LEVELS, levelIndex } from '@shared/linkage/levels';
import { LINK_FIELDS, type LinkField } from '@shared/linkage/types';
import { defined, prepareOne, year } from './helpers';

const name = (field: LinkField, index: number | null) =>
  index === null ? 'ruled out' : index === MISSING ? 'missing' : FIELD_LEVELS[field][index]?.level;
const surname = (a: string, b: string) =>
  name(
    'surname',
    compareSurname(defined(prepareOne({ surname: a }).surname), defined(prepareOne({ surname: b }).surname)),
  );
const given = (a: string, b: string) =>
  name(
    'givenName',
    compareGivenName(
      defined(prepareOne({ givenName: a }).givenName),
      defined(prepareOne({ givenName: b }).givenName),
    ),
  );
const birth = (a: Parameters<typeof prepareOne>[0]['birthDate'], b: typeof a) =>
  name(
    'birthDate',
    compareBirth(defined(prepareOne({ birthDate: a }).birth), defined(prepareOne({ birthDate: b }).birth)),
  );
const place = (a: string, b: string) =>
  name(
    'birthPlace',
    comparePlace(
      defined(prepareOne({ birthPlace: a }).birthPlace),
      defined(prepareOne({ birthPlace: b }).birthPlace),
    ),
  );

describe('field comparisons', () => {
  it('surname: exact after folding, transliteration variant, typo, different', () => {
    expect(surname('Lukša', 'Лукша')).toBe('exact');
    expect(surname('Vaitkevičius', 'Вайткявичюс')).toBe('variant');
    expect(surname('Stankevičius', 'Stankiewiczius')).toBe('variant');
    expect(surname('Kazlauskas', 'Kazlausaks')).toBe('similar');
    expect(surname('Kazlauskas', 'Petrauskas')).toBe('different');
  });

  it('given name: exact, gazetteer equivalent, variant, similar, different', () => {
    expect(given('Jonas', 'Jonas')).toBe('exact');
    expect(given('Jonas', 'Иван')).toBe('equivalent');
    expect(given('Juozas', 'Józef')).toBe('equivalent');
    expect(given('Vytautas', 'Витаутас')).toBe('variant');
    expect(given('Algirdas', 'Algridas')).toBe('similar');
    expect(given('Jonas', 'Petras')).toBe('different');
  });

  it('patronymic: the same father through the gazetteer, a typo, or another father', () => {
    const p = (text: string) => defined(prepareOne({ patronymic: text }).patronymic);
    expect(name('patronymic', comparePatronymic(p('Иванович'), p('Ivanovich')))).toBe('same');
    expect(name('patronymic', comparePatronymic(p('Иванович'), p('Иваноич')))).toBe('similar');
    expect(name('patronymic', comparePatronymic(p('Иванович'), p('Петрович')))).toBe('different');
  });

  it('birth date: same day, same year, one or two years apart, and a contradiction beyond', () => {
    expect(
      birth({ text: '04.03.1901', edtf: '1901-03-04' }, { text: '1901-03-04', edtf: '1901-03-04' }),
    ).toBe('same-day');
    expect(birth({ text: '04.03.1901', edtf: '1901-03-04' }, year(1901))).toBe('same-year');
    expect(birth(year(1901), year(1902))).toBe('within-1');
    expect(birth(year(1901), year(1899))).toBe('within-2');
    expect(birth(year(1901), year(1904))).toBe('ruled out');
    // An alternative reading the registry gave keeps the pair in play.
    expect(birth({ text: '1901 (or 1904)', edtf: '1901', alternatives: ['1904'] }, year(1904))).toBe(
      'same-year',
    );
    // A year read from a cell kept for review still counts.
    expect(birth({ text: '1901 m.', review: 'unparsed' }, year(1901))).toBe('same-year');
  });

  it('places: a shared word or gazetteer place, an inflected form, or another place', () => {
    expect(place('Kaunas', 'Ковно')).toBe('same');
    expect(place('Kaunas district', 'Kaunas')).toBe('same');
    expect(place('Kauno apskritis', 'Kaunas')).toBe('similar');
    expect(place('Alytus', 'Utena')).toBe('different');
  });

  it('a pair: every field gets a level or missing, and a birth contradiction rules the pair out', () => {
    const levels = new Int8Array(LINK_FIELDS.length);
    const a = prepareOne({
      surname: 'Jonaitis',
      givenName: 'Jonas',
      birthDate: year(1900),
      caseNumber: 'Nr. 12',
    });
    const b = prepareOne({
      surname: 'Йонайтис',
      givenName: 'Иван',
      birthDate: year(1901),
      caseNumber: '№ 12',
    });
    expect(comparePair(a, b, levels)).toBe(true);
    expect(levels[FIELD_INDEX.surname]).toBe(levelIndex('surname', 'variant'));
    expect(levels[FIELD_INDEX.givenName]).toBe(levelIndex('givenName', 'equivalent'));
    expect(levels[FIELD_INDEX.birthDate]).toBe(levelIndex('birthDate', 'within-1'));
    expect(levels[FIELD_INDEX.caseNumber]).toBe(levelIndex('caseNumber', 'same'));
    expect(levels[FIELD_INDEX.residence]).toBe(MISSING);
    const c = prepareOne({ surname: 'Jonaitis', givenName: 'Jonas', birthDate: year(1910) });
    expect(comparePair(a, c, levels)).toBe(false);
  });
});
