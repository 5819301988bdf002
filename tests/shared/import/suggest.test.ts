import { describe, expect, it } from 'vitest';
import { suggestMapping } from '@shared/import/suggest';

const fieldsOf = (columns: string[], rows: string[][] = []) => {
  const { mapping } = suggestMapping(columns, rows);
  return { ...mapping.fields, ...(mapping.id === undefined ? {} : { [mapping.id]: 'id' }) };
};

describe('header suggestions in five languages', () => {
  it.each([
    [
      'Russian',
      [
        'Фамилия',
        'Имя',
        'Отчество',
        'Дата рождения',
        'Место рождения',
        'Национальность',
        'Партийность',
        'Место работы / Профессия',
        'Место проживания',
        'Дата ареста',
        'Обвинение',
        'Приговор',
        'Место ссылки',
        'Дата реабилитации',
        'Источник',
      ],
      [
        'surname',
        'givenName',
        'patronymic',
        'birthDate',
        'birthPlace',
        'nationality',
        'party',
        'occupation',
        'residence',
        'arrestDate',
        'charge',
        'sentence',
        'destination',
        'rehabilitationDate',
        'listSource',
      ],
    ],
    [
      'Lithuanian',
      [
        'Pavardė',
        'Vardas',
        'Tėvo vardas',
        'Gimimo data',
        'Gimimo vieta',
        'Tautybė',
        'Profesija',
        'Gyvenamoji vieta',
        'Suimtas',
        'Kaltinimas',
        'Nuteistas',
        'Ištrėmimo data',
        'Tremties vieta',
        'Palaidojimo vieta',
        'Reabilituotas',
        'Šaltinis',
      ],
      [
        'surname',
        'givenName',
        'patronymic',
        'birthDate',
        'birthPlace',
        'nationality',
        'occupation',
        'residence',
        'arrestDate',
        'charge',
        'sentence',
        'deportationDate',
        'destination',
        'burialPlace',
        'rehabilitationDate',
        'listSource',
      ],
    ],
    [
      'Polish',
      [
        'Nazwisko',
        'Imię',
        'Imię ojca',
        'Data urodzenia',
        'Miejsce urodzenia',
        'Narodowość',
        'Zawód',
        'Miejsce zamieszkania',
        'Aresztowany',
        'Wyrok',
        'Data zesłania',
        'Miejsce zesłania',
        'Miejsce pochówku',
        'Źródło',
        'Sygnatura',
      ],
      [
        'surname',
        'givenName',
        'patronymic',
        'birthDate',
        'birthPlace',
        'nationality',
        'occupation',
        'residence',
        'arrestDate',
        'sentence',
        'deportationDate',
        'destination',
        'burialPlace',
        'listSource',
        'archivalReference',
      ],
    ],
    [
      'German',
      [
        'Nachname',
        'Vorname',
        'Vatersname',
        'Geburtsdatum',
        'Geburtsort',
        'Nationalität',
        'Beruf',
        'Wohnort',
        'Verhaftet',
        'Urteil',
        'Deportiert',
        'Verbannungsort',
        'Grabstätte',
        'Rehabilitiert',
        'Quelle',
        'Signatur',
      ],
      [
        'surname',
        'givenName',
        'patronymic',
        'birthDate',
        'birthPlace',
        'nationality',
        'occupation',
        'residence',
        'arrestDate',
        'sentence',
        'deportationDate',
        'destination',
        'burialPlace',
        'rehabilitationDate',
        'listSource',
        'archivalReference',
      ],
    ],
    [
      'English',
      [
        'Surname',
        'Given name',
        'Patronymic',
        'Sex',
        'Date of birth',
        'Place of birth',
        'Nationality',
        'Occupation',
        'Address',
        'Case no.',
        'Arrested',
        'Charge',
        'Sentence',
        'Deported',
        'Place of exile',
        'Died',
        'Place of death',
        'Burial place',
        'Released',
        'Rehabilitated',
        'Archival reference',
        'Source',
        'Notes',
      ],
      [
        'surname',
        'givenName',
        'patronymic',
        'sex',
        'birthDate',
        'birthPlace',
        'nationality',
        'occupation',
        'residence',
        'caseNumber',
        'arrestDate',
        'charge',
        'sentence',
        'deportationDate',
        'destination',
        'deathDate',
        'deathPlace',
        'burialPlace',
        'releaseDate',
        'rehabilitationDate',
        'archivalReference',
        'listSource',
        'notes',
      ],
    ],
  ])('%s', (_language, headers, fields) => {
    expect(fieldsOf(headers)).toEqual(Object.fromEntries(headers.map((h, i) => [h, fields[i]])));
  });

  it('maps ФИО to the full name, № to the id, and the archive parts', () => {
    expect(fieldsOf(['№', 'ФИО', 'Год рождения', 'Фонд', 'Опись', 'Дело', 'Лист'])).toEqual({
      '№': 'id',
      ФИО: 'fullName',
      'Год рождения': 'birthDate',
      Фонд: 'fond',
      Опись: 'opis',
      Дело: 'delo',
      Лист: 'sheet',
    });
  });

  it('takes a spelling column as other spellings, in Russian when it says so', () => {
    const { mapping } = suggestMapping([
      'ID',
      'Name',
      'Cyrillic spelling',
      'Rusiškai',
      'Birth year',
      'District',
      'Date',
    ]);
    expect(mapping.altNames).toEqual([{ column: 'Cyrillic spelling' }, { column: 'Rusiškai', lang: 'ru' }]);
    expect(mapping.fields).toEqual({
      Name: 'fullName',
      'Birth year': 'birthDate',
      District: 'residence',
      Date: 'deportationDate',
    });
  });

  it('says which columns it recognised by header', () => {
    expect(suggestMapping(['ФИО', 'Что-то']).suggestedBy).toEqual({ ФИО: 'header' });
  });
});

describe('suggestions by content', () => {
  it('a column of dates and years is a date; a column of nested places is a place', () => {
    const rows = [
      ['Ona', '1901', 'Kauno aps., Vilkijos vls.', 'x'],
      ['Jonas', '17.05.1897', 'Ковенская губ., Шавельский уезд', 'y'],
      ['Petras', 'ок. 1900', 'Utenos r.', 'z'],
      ['Marija', '1912', 'Литва, г. Ковно', 'w'],
    ];
    const { mapping, suggestedBy } = suggestMapping(['Name', 'A', 'B', 'C'], rows);
    expect(mapping.fields).toEqual({ Name: 'fullName', A: 'birthDate', B: 'birthPlace' });
    expect(suggestedBy).toEqual({ Name: 'header', A: 'content', B: 'content' });
  });

  it('without a name header the first free column is the name', () => {
    expect(suggestMapping(['X', 'Y']).mapping.fields).toEqual({ X: 'fullName' });
  });
});
