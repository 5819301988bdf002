/**
 * An invented registry (no real person): people recorded by Russian clerks in the Cyrillic forms of
 * their time (Вильно, Ковно, Вилькомир; Иван for Jonas), among Lithuanian-style entries written in
 * present-day forms. For the ranking tests and the relevance table's cross-language rows.
 */
import type { SearchDocument } from '@shared/search/documents';

export const REGISTRY = 'registry';

function person(id: string, title: string, summary: string): SearchDocument {
  return {
    id: `${REGISTRY}/r/${id}`,
    collectionId: REGISTRY,
    kind: 'person',
    targetId: id,
    path: `/record/${REGISTRY}/${id}`,
    title,
    fields: { title: [title], summary: [summary] },
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

/** [id, ФИО, birth place as the clerk wrote it, nationality] */
export const CLERK_ENTRIES: readonly (readonly [string, string, string, string])[] = [
  ['p01', 'Казлаускас Иван Петрович', 'Вильно', 'литовец'],
  ['p02', 'Янкаускене Анна Иосифовна', 'Ковно', 'литовка'],
  ['p03', 'Шимкус Юрий Антонович', 'Вилькомир', 'литовец'],
  ['p04', 'Петраускайте Мария Юрьевна', 'Шавли', 'литовка'],
  ['p05', 'Войцеховский Станислав Казимирович', 'Wilno', 'поляк'],
  ['p06', 'Лукшене Ядвига Францевна', 'Поневеж', 'литовка'],
  ['p07', 'Мицкевич Пётр Адамович', 'Кейданы', 'литовец'],
  ['p08', 'Жукаускас Николай Матвеевич', 'Тельши', 'литовец'],
  ['p09', 'Сакалаускайте Елизавета Павловна', 'Россиены', 'литовка'],
  ['p10', 'Шиманский Иосиф Яковлевич', 'Троки', 'поляк'],
  ['p11', 'Гринюс Антон Викентьевич', 'Мариамполь', 'литовец'],
  ['p12', 'Бутенас Владислав Станиславович', 'Мемель', 'литовец'],
  ['p13', 'Талевич Абрам Семёнович', 'Ковно', 'еврей'],
  ['p14', 'Ваиткус Казимир Александрович', 'Олита', 'литовец'],
  ['p15', 'Урбонене Екатерина Ивановна', 'Биржи', 'литовка'],
  ['p16', 'Навицкас Георгий Юрьевич', 'Ракишки', 'литовец'],
  ['p17', 'Мажейка Вероника Петровна', 'Новоалександровск', 'литовка'],
  ['p18', 'Станкевич Павел Иванович', 'Юрбург', 'литовец'],
  ['p19', 'Гудайте Софья Антоновна', 'Уцяны', 'литовка'],
  ['p20', 'Барткус Иван Иосифович', 'Тауроген', 'литовец'],
];

const LT_SURNAMES = ['Petraitis', 'Adomaitis', 'Stankus', 'Balčiūnas', 'Paulauskas', 'Kairys', 'Rimkus'];
const LT_GIVEN = ['Jonas', 'Ona', 'Petras', 'Antanas', 'Marija', 'Juozas', 'Kazys', 'Elena'];
const LT_PLACES = ['Kaunas', 'Vilnius', 'Šiauliai', 'Ukmergė', 'Panevėžys'];

export function registryDocuments(): SearchDocument[] {
  const clerk = CLERK_ENTRIES.map(([id, name, born, nationality], i) =>
    person(
      id,
      name,
      `${1895 + i} г. р., место рождения: ${born}; ${nationality}, крестьянин. Выслан в 1948 г. в Красноярский край.`,
    ),
  );
  const lithuanian = LT_SURNAMES.flatMap((surname, s) =>
    LT_GIVEN.map((given, g) =>
      person(
        `lt-${s}-${g}`,
        `${surname} ${given}`,
        `Gimė ${1900 + s + g} m.; gimimo vieta: ${LT_PLACES[(s + g) % LT_PLACES.length]}. Ištremtas 1948 m. į Krasnojarsko kraštą.`,
      ),
    ),
  );
  return [...clerk, ...lithuanian];
}
