/**
 * Ranking by kind of match (issue 19 item 6), sound-alikes by closeness (issue 13 item 7) and
 * equivalent names (issue 13 items 5–6), over invented people.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '@shared/search/documents';
import { createSearchEngine } from '@shared/search/engine';
import { fold } from '@shared/search/fold';
import { phoneticCodes } from '@shared/search/phonetic';

function person(id: string, title: string, summary = ''): SearchDocument {
  return {
    id: `reg/r/${id}`,
    collectionId: 'reg',
    kind: 'person',
    targetId: id,
    path: `/record/reg/${id}`,
    title,
    fields: summary ? { title: [title], summary: [summary] } : { title: [title] },
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: true,
  };
}

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id.slice('reg/r/'.length));

describe('exact matches first', () => {
  // Names that are one or two letters from "литовец", listed before the word itself (alphabetically
  // "Ватовец" and "Липовецкий" come first, and a name field outweighs a summary).
  const neighbours = ['Липовецкий Иван', 'Ватовец Пётр', 'Литовцев Семён', 'Латовец Анна', 'Лотовец Ян'];
  const engine = createSearchEngine([
    ...neighbours.map((name, i) => person(`n${i}`, name, '1901 г. р., поляк')),
    person('a', 'Казлаускас Иван', '1905 г. р., литовец, крестьянин'),
    person('b', 'Шимкус Юрий', '1899 г. р., литовец'),
  ]);

  it('lists the records holding the word before any near spelling, and leaves those out', () => {
    const response = engine.search('литовец');
    expect(ids(response.hits)).toEqual(['a', 'b']);
    expect(response.total).toBe(2);
    expect(response.similar).toBe(5);
    expect(response.hits.map((hit) => hit.matchKind)).toEqual(['exact', 'exact']);
  });

  it('lists the similar spellings after the others when asked', () => {
    const response = engine.search('литовец', { similar: true });
    expect(ids(response.hits).slice(0, 2)).toEqual(['a', 'b']);
    expect(response.total).toBe(7);
    expect(response.hits.slice(2).every((hit) => hit.matchKind === 'fuzzy')).toBe(true);
  });

  it('still finds near spellings when nothing matches better', () => {
    const response = engine.search('литовиц');
    expect(response.total).toBeGreaterThan(0);
    expect(response.similar).toBeUndefined();
    expect(response.hits[0]?.matchKind).toBe('fuzzy');
  });
});

describe('a surname is not flooded by patronymics', () => {
  const patronymics = ['Николаевич', 'Михайлович', 'Алексеевич', 'Васильевич', 'Матвеевич', 'Андреевич'];
  const engine = createSearchEngine([
    person('t', 'Талевич Абрам Семёнович'),
    ...patronymics.flatMap((patronymic, i) =>
      ['Иванов Пётр', 'Смирнов Иван', 'Казлаускас Юрий'].map((name, j) =>
        person(`x${i}-${j}`, `${name} ${patronymic}`),
      ),
    ),
  ]);

  it('"Talevich" finds Талевич alone, and counts the rest as similar spellings', () => {
    const response = engine.search('Talevich');
    expect(ids(response.hits)).toEqual(['t']);
    expect(response.total).toBe(1);
    expect(response.hits[0]?.matchKind).toBe('fold');
    expect(response.similar ?? 0).toBeGreaterThan(0);
  });
});

describe('sound-alikes rank by closeness of spelling', () => {
  // Same Daitch–Mokotoff code as the Polish spelling, and alphabetically before the clerk's form.
  const unrelated = ['Biskupski Jan', 'Baczkowski Piotr', 'Fiskowski Adam', 'Bieszkowski Józef'];
  const engine = createSearchEngine([
    ...unrelated.map((name, i) => person(`u${i}`, name)),
    person('w', 'Войцеховский Станислав'),
  ]);

  it('shares the code with the unrelated names (the premise)', () => {
    const codes = new Set(phoneticCodes(fold('Wojciechowski')));
    for (const name of [...unrelated, 'Войцеховский'])
      expect(phoneticCodes(fold(name.split(' ')[0] as string)).some((code) => codes.has(code))).toBe(true);
  });

  it('ranks the closest spelling first', () => {
    const response = engine.search('Wojciechowski');
    expect(ids(response.hits)[0]).toBe('w');
    expect(response.hits.every((hit) => hit.matchKind === 'sound')).toBe(true);
  });
});

describe('equivalent names', () => {
  const engine = createSearchEngine([
    person('v', 'Казлаускас Иван Петрович', 'Место рождения: Вильно'),
    person('k', 'Янкаускене Анна Иосифовна', 'Место рождения: Ковно'),
    person('l', 'Jonas Kazlauskas', 'Gimimo vieta: Vilnius'),
  ]);

  it('finds the historical form of a place and says so', () => {
    const hit = engine.search('Wilno').hits.find((h) => h.id === 'reg/r/v');
    expect(hit?.matchKind).toBe('equivalent');
    expect(hit?.equivalents).toEqual([
      { found: 'Вильно', query: 'Wilno', canonical: 'Vilnius', kind: 'place' },
    ]);
  });

  it('finds the Russian clerk’s form of a Lithuanian given name, after the name as written', () => {
    const response = engine.search('Jonas Kazlauskas');
    expect(ids(response.hits)).toEqual(['l', 'v']);
    expect(response.hits[1]?.equivalents).toEqual([
      { found: 'Иван', query: 'Jonas', canonical: 'Jonas', kind: 'given-name' },
    ]);
  });

  it('finds patronymics formed from the name, marked as such', () => {
    const hit = engine.search('Kazlauskas Petras').hits[0];
    expect(hit?.id).toBe('reg/r/v');
    expect(hit?.equivalents?.[0]).toMatchObject({ found: 'Петрович', kind: 'patronymic' });
  });

  it('tells a match as typed from one found by folding', () => {
    expect(engine.search('Kazlauskas').hits.find((h) => h.id === 'reg/r/l')?.matchKind).toBe('exact');
    expect(engine.search('Янкаускене').hits[0]?.matchKind).toBe('exact');
    expect(engine.search('Jankauskene').hits[0]?.matchKind).toBe('fold');
  });

  it('a collection’s own place records extend the gazetteer', () => {
    const place: SearchDocument = {
      ...person('place-x', 'Naujamiestis'),
      id: 'reg/r/place-x',
      kind: 'place',
      fields: { title: ['Naujamiestis'], names: ['Новоместо'] },
    };
    const withPlace = createSearchEngine([place, person('z', 'Бутенас Пётр', 'Место рождения: Новоместо')]);
    expect(ids(withPlace.search('Naujamiestis').hits)).toContain('z');
  });
});
