/**
 * SYNTHETIC truth for record linkage: the same invented people written into two or three lists the way
 * different clerks would write them, with the answer known. Every person is invented; nothing here is
 * historical data. Built on bench/synthetic-registry.ts (its PRNG, clerk Cyrillic, back-transliteration,
 * district, destination and operation labels) without changing it.
 *
 *   list-lt: Lithuanian spelling, full birth dates for some, case numbers, no patronymics.
 *   list-ru: a Russian clerk's list: Cyrillic names, given name often as its Russian equivalent
 *            (Jonas → Иван, from resources/gazetteer), patronymics, birth years only.
 *   list-en: (three lists) an English-language memorial book: names read back from Cyrillic, or in a
 *            Polish spelling, given names sometimes Polish, no case numbers.
 *
 * Variation: typos, birth years off by one or two, missing fields, married and unmarried surname forms,
 * whole families sharing a case number, people in one list only, and near-namesakes (same name, close
 * birth year) who are different people. Surnames are made up from syllables with a Zipf-like frequency,
 * so common and rare surnames both occur.
 */
import givenNamesJson from '../resources/gazetteer/given-names.json';
import type { PersonFields } from '@shared/collection/person';
import type { LinkRecord } from '@shared/linkage/types';
import {
  DESTINATIONS,
  DISTRICTS,
  OPERATIONS,
  backTransliterate,
  seededRandom,
  toClerkCyrillic,
} from './synthetic-registry';

interface GivenName {
  lt: string;
  ru?: string;
  pl?: string;
  /** Russian patronymics formed from the name (male, female). */
  patronymic?: [string, string];
}

interface GazetteerName {
  forms: { form: string; lang: string }[];
  patronymics?: { form: string; sex: 'm' | 'f' }[];
}

function gazetteerNames(): { male: GivenName[]; female: GivenName[] } {
  const male: GivenName[] = [];
  const female: GivenName[] = [];
  for (const entry of (givenNamesJson as { names: GazetteerName[] }).names) {
    const form = (lang: string) => entry.forms.find((f) => f.lang === lang)?.form;
    const name: GivenName = { lt: form('lt') ?? '' };
    const ru = form('ru');
    const pl = form('pl');
    if (ru) name.ru = ru;
    if (pl) name.pl = pl;
    const m = entry.patronymics?.find((p) => p.sex === 'm')?.form;
    const f = entry.patronymics?.find((p) => p.sex === 'f')?.form;
    if (m && f) {
      name.patronymic = [m, f];
      male.push(name);
    } else female.push(name);
  }
  return { male, female };
}

const { male: GAZETTEER_MALE, female: GAZETTEER_FEMALE } = gazetteerNames();
const MALE: GivenName[] = [
  ...GAZETTEER_MALE,
  ...['Vytautas', 'Algirdas', 'Kęstutis', 'Bronius', 'Feliksas', 'Steponas', 'Leonas', 'Zigmas'].map(
    (lt) => ({
      lt,
    }),
  ),
];
const FEMALE: GivenName[] = [
  ...GAZETTEER_FEMALE,
  ...[
    'Elena',
    'Aldona',
    'Birutė',
    'Danutė',
    'Genovaitė',
    'Janina',
    'Stasė',
    'Regina',
    'Irena',
    'Emilija',
  ].map((lt) => ({ lt })),
];

const ONSETS = [
  'k',
  'p',
  'j',
  'st',
  'v',
  'ž',
  'b',
  'r',
  'm',
  'š',
  'g',
  'd',
  'l',
  'n',
  't',
  's',
  'č',
  'br',
  'gr',
  'kr',
  'pr',
  'tr',
  'sk',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'au', 'ie', 'ū', 'y', 'ė', 'ei'];
const CODAS = ['', '', 'l', 'r', 'n', 'm', 's', 'k', 'd'];
const SUFFIXES = [
  'auskas',
  'evičius',
  'aitis',
  'ūnas',
  'ėnas',
  'us',
  'is',
  'ys',
  'onis',
  'elis',
  'ulis',
  'inskas',
  'as',
  'ius',
];

function makeSurnames(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    const stem =
      pick(ONSETS) + pick(VOWELS) + pick(CODAS) + (random() < 0.5 ? pick(ONSETS) + pick(VOWELS) : '');
    const name = (stem + pick(SUFFIXES))
      .replace(/([aeiouyėū])\1+/g, '$1')
      .replace(/(ai|au|ie|ei|[aeiouyėū])([aeiouyėū])/, '$1');
    const capital = name.charAt(0).toUpperCase() + name.slice(1);
    if (seen.has(capital) || capital.length < 5) continue;
    seen.add(capital);
    names.push(capital);
  }
  return names;
}

/** Zipf-like sampler over `count` ranks (exponent 0.7: the commonest surname ≈ 1–2 % of people). */
function zipf(count: number, random: () => number): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let r = 0; r < count; r++) cumulative[r] = total += 1 / (r + 1) ** 0.7;
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function femaleSurname(male: string, married: boolean): string {
  const stem = male.replace(/(ius|as|is|ys|us)$/, '');
  if (married) return `${stem}ienė`;
  if (male.endsWith('as')) return `${stem}aitė`;
  if (male.endsWith('us')) return `${stem}ūtė`;
  return `${stem}ytė`;
}

/** A person as the truth knows them. */
export interface TruePerson {
  id: number;
  surname: string;
  given: GivenName;
  patronymic?: string;
  female: boolean;
  born: string;
  district: string;
  village: string;
  caseNumber: string;
  operation: (typeof OPERATIONS)[number];
  day: string;
  destination: (typeof DESTINATIONS)[number];
}

export interface SyntheticLists {
  lists: { id: string; records: LinkRecord[] }[];
  /** Record id → the invented person it describes. */
  truth: Map<string, number>;
  people: number;
}

export interface SyntheticListsOptions {
  people: number;
  lists?: 2 | 3;
  seed?: number;
  /**
   * `shared` (default): every list writes the family's one case number. `per-list`: the lists after
   * the first number the files their own way (as two archives would), so a case number agrees only
   * within one list and the family is known by its members.
   */
  caseNumbers?: 'shared' | 'per-list';
}

const POLISH: readonly [RegExp, string][] = [
  [/š/g, 'sz'],
  [/Š/g, 'Sz'],
  [/ž/g, 'ż'],
  [/Ž/g, 'Ż'],
  [/č/g, 'cz'],
  [/Č/g, 'Cz'],
  [/v/g, 'w'],
  [/V/g, 'W'],
  [/[ėę]/g, 'e'],
  [/[ūų]/g, 'u'],
  [/į/g, 'i'],
];
/** A Lithuanian name in Polish orthography (Šimkus → Szimkus), and rarely Polonised (-auskas → -owski). */
function polish(name: string, random: () => number): string {
  let out = name;
  if (random() < 0.1)
    out = out
      .replace(/auskas$/, 'owski')
      .replace(/evičius$/, 'iewicz')
      .replace(/inskas$/, 'iński');
  for (const [from, to] of POLISH) out = out.replace(from, to);
  return out;
}

/** One clerk's slip: a letter changed, dropped, doubled or swapped with its neighbour. */
function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  // A letter of the same word, so a Cyrillic name stays Cyrillic.
  const other = word[Math.floor(random() * word.length)] ?? '';
  if (kind === 0) return word.slice(0, at) + other + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

const year = (iso: string) => Number(iso.slice(0, 4));
const pad = (n: number) => String(n).padStart(2, '0');

function shiftedYear(born: string, random: () => number): number {
  const r = random();
  const shift = r < 0.1 ? 1 : r < 0.14 ? 2 : 0;
  return year(born) + (random() < 0.5 ? -shift : shift);
}

function lithuanianRecord(p: TruePerson, random: () => number): PersonFields {
  const fields: PersonFields = {
    surname: random() < 0.05 ? typo(p.surname, random) : p.surname,
    givenName: random() < 0.03 ? typo(p.given.lt, random) : p.given.lt,
    sex: { text: p.female ? 'moteris' : 'vyras', value: p.female ? 'female' : 'male' },
    caseNumber: p.caseNumber,
    operation: p.operation.title,
    deportationDate: { text: p.day, edtf: p.day },
    destination: DESTINATIONS.find((d) => d.id === p.destination.id)?.lt ?? p.destination.title,
  };
  if (random() < 0.95) {
    const full = random() < 0.5;
    const y = shiftedYear(p.born, random);
    const text = full ? `${y}${p.born.slice(4)}` : String(y);
    fields.birthDate = { text, edtf: text };
  }
  if (random() < 0.8) fields.birthPlace = `${p.district} apskritis`;
  if (random() < 0.7) fields.residence = `${p.village} k., ${p.district} apskr.`;
  return fields;
}

function russianRecord(p: TruePerson, random: () => number): PersonFields {
  const surname = toClerkCyrillic(p.surname);
  const given = p.given.ru && random() < 0.6 ? p.given.ru : toClerkCyrillic(p.given.lt);
  const fields: PersonFields = {
    surname: random() < 0.05 ? typo(surname, random) : surname,
    givenName: random() < 0.03 ? typo(given, random) : given,
    sex: { text: p.female ? 'жен.' : 'муж.', value: p.female ? 'female' : 'male' },
    deportationDate: { text: p.day.split('-').reverse().join('.'), edtf: p.day },
    destination: p.destination.ru,
  };
  if (p.patronymic && random() < 0.85) fields.patronymic = p.patronymic;
  if (random() < 0.95) {
    const text = String(shiftedYear(p.born, random));
    fields.birthDate = { text, edtf: text };
  }
  if (random() < 0.7) fields.caseNumber = `№ ${p.caseNumber}`;
  if (random() < 0.7) fields.birthPlace = `${toClerkCyrillic(p.district)} уезд`;
  if (random() < 0.6) fields.residence = `дер. ${toClerkCyrillic(p.village)}`;
  return fields;
}

function englishRecord(p: TruePerson, random: () => number): PersonFields {
  const polishSpelling = random() < 0.3;
  const surname = polishSpelling ? polish(p.surname, random) : backTransliterate(toClerkCyrillic(p.surname));
  const given = p.given.pl && random() < 0.3 ? p.given.pl : backTransliterate(toClerkCyrillic(p.given.lt));
  const fields: PersonFields = {
    surname: random() < 0.05 ? typo(surname, random) : surname,
    givenName: random() < 0.03 ? typo(given, random) : given,
    destination: p.destination.title,
  };
  if (random() < 0.9) {
    const text = String(shiftedYear(p.born, random));
    fields.birthDate = { text, edtf: text };
  }
  if (random() < 0.5) fields.birthPlace = p.district;
  if (random() < 0.8) fields.deportationDate = { text: p.day, edtf: p.day };
  return fields;
}

/** The same options always give the same lists. */
export function generateSyntheticLists(options: SyntheticListsOptions): SyntheticLists {
  const random = seededRandom(options.seed ?? 1949);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const surnames = makeSurnames(Math.max(2000, Math.round(options.people / 4)), random);
  const surnameRank = zipf(surnames.length, random);
  const villages = makeSurnames(3000, random).map((name) => name.replace(/(as|is|ys|us|ius)$/, 'iai'));
  const people: TruePerson[] = [];
  let caseCounter = 1000;
  const birth = (from: number, span: number) => {
    const y = from + Math.floor(random() * span);
    return `${y}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  };
  while (people.length < options.people) {
    const family = {
      surname: surnames[surnameRank()] as string,
      district: pick(DISTRICTS),
      village: pick(villages),
      caseNumber: String((caseCounter += 1 + Math.floor(random() * 3))),
      operation: pick(OPERATIONS),
      destination: pick(DESTINATIONS),
    };
    const day = pick(family.operation.days);
    const base = { ...family, day };
    const father = pick(MALE);
    const headBorn = birth(1870, 50);
    const size = random() < 0.3 ? 1 : 2 + Math.floor(random() * 5);
    people.push({ ...base, id: people.length, given: father, female: false, born: headBorn });
    if (size > 1) {
      people.push({
        ...base,
        id: people.length,
        surname: femaleSurname(family.surname, true),
        given: pick(FEMALE),
        female: true,
        born: birth(year(headBorn) - 5, 10),
      });
    }
    // Parents did not give two living children one name.
    const named = new Set<GivenName>([father]);
    for (let c = 2; c < size; c++) {
      const female = random() < 0.5;
      let given = pick(female ? FEMALE : MALE);
      while (named.has(given)) given = pick(female ? FEMALE : MALE);
      named.add(given);
      const child: TruePerson = {
        ...base,
        id: people.length,
        surname: female ? femaleSurname(family.surname, false) : family.surname,
        given,
        female,
        born: birth(year(headBorn) + 20, 25),
      };
      if (father.patronymic) child.patronymic = father.patronymic[female ? 1 : 0];
      people.push(child);
    }
    // A near-namesake: another family's man with the same names, born within three years.
    if (random() < 0.05) {
      people.push({
        ...base,
        id: people.length,
        given: father,
        female: false,
        born: birth(year(headBorn) - 3, 7),
        district: pick(DISTRICTS),
        village: pick(villages),
        caseNumber: String((caseCounter += 1)),
      });
    }
  }
  people.length = options.people;
  const styles = [
    { id: 'list-lt', write: lithuanianRecord, share: 0.9 },
    { id: 'list-ru', write: russianRecord, share: 0.88 },
    { id: 'list-en', write: englishRecord, share: 0.8 },
  ].slice(0, options.lists ?? 2);
  const truth = new Map<string, number>();
  const lists = styles.map((style) => {
    const records: LinkRecord[] = [];
    const renumber = options.caseNumbers === 'per-list' && style.id !== 'list-lt';
    for (const person of people) {
      if (random() >= style.share) continue;
      const id = `${style.id}/r${String(records.length + 1).padStart(7, '0')}`;
      truth.set(id, person.id);
      // Another archive's file number: one per family, unrelated to the first list's.
      const written = renumber
        ? { ...person, caseNumber: `${style.id.slice(5)}-${Number(person.caseNumber) * 7 + 3}` }
        : person;
      records.push({ id, collection: style.id, person: style.write(written, random) });
    }
    return { id: style.id, records };
  });
  return { lists, truth, people: people.length };
}
