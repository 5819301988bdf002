/**
 * Turns a record's person fields into the comparable features linkage needs, once per record: folded
 * names (search/fold.ts) with their spelling skeletons and Daitch–Mokotoff codes (search/phonetic.ts),
 * gazetteer groups of given names, patronymics and places, birth years as a range, and the operation's
 * days. Values stay as written beside their features, so an explanation can show what was compared.
 */
import { edtfToBounds } from '../collection/edtf';
import type { DateCell, PersonFields } from '../collection/person';
import { fold, foldedWords } from '../search/fold';
import { phoneticCodes, spellingSkeleton } from '../search/phonetic';
import type { Gazetteer } from './equivalents';
import type { LinkRecord } from './types';

export interface NameFeature {
  text: string;
  /** Folded words joined by one space. */
  folded: string;
  skeleton: string;
  /** Gazetteer groups (given names, or the names patronymics are formed from). */
  groups: readonly string[];
}

export interface SurnameFeature extends NameFeature {
  /** Daitch–Mokotoff codes of every word long enough to have one. */
  codes: readonly string[];
}

export interface PlaceFeature {
  text: string;
  /** Specific folded words (generic ones like "district" or "уезд" dropped). */
  words: readonly string[];
  /** Each word's spelling skeleton (Stelstauliai and Стелстауляи meet there). */
  skeletons: readonly string[];
  /** The first four letters of each skeleton: Kauno, Kaunas and Каунасский meet there. */
  stems: readonly string[];
  groups: readonly string[];
}

export interface YearsFeature {
  text: string;
  /** Every year the cell can denote, as ranges (the main reading and any alternatives). */
  ranges: readonly (readonly [number, number])[];
  /** The main reading's first year, used by blocking. */
  year: number;
  /** `YYYY-MM-DD` when the main reading is one day. */
  day?: string;
}

export interface DaysFeature {
  text: string;
  /** Days since 1970-01-01 of the earliest and latest day the cell can denote. */
  from: number;
  to: number;
}

export interface PreparedRecord {
  index: number;
  id: string;
  collection: string;
  surname?: SurnameFeature;
  givenName?: NameFeature;
  patronymic?: NameFeature;
  sex?: { text: string; value: 'male' | 'female' };
  birth?: YearsFeature;
  birthPlace?: PlaceFeature;
  residence?: PlaceFeature;
  caseNumber?: { text: string; key: string };
  destination?: PlaceFeature;
  operation?: DaysFeature;
}

const PATRONYMIC_ENDING = /(ovich|evich|ich|ovna|evna|ichna|ична)$/;

/**
 * Surname, given name and patronymic, from the typed fields, else split from a one-cell name, else
 * from the record's title. Registries write a one-cell name surname first ("Казлаускас Ионас
 * Петрович", "KAZLAUSKAS Jonas"); titles are written given name first ("Jonas Kazlauskas").
 */
export function nameParts(person: PersonFields, title?: string): [string?, string?, string?] {
  if (person.surname || person.givenName) return [person.surname, person.givenName, person.patronymic];
  const split = (text: string) =>
    text
      .replace(/\([^)]*\)/g, ' ')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
  if (person.fullName) {
    const [surname, given, third] = split(person.fullName);
    const patronymic =
      person.patronymic ?? (third !== undefined && PATRONYMIC_ENDING.test(fold(third)) ? third : undefined);
    return [surname, given, patronymic];
  }
  if (!title) return [undefined, undefined, person.patronymic];
  const words = split(title);
  if (words.length < 2) return [words[0], undefined, person.patronymic];
  return [words[words.length - 1], words[0], person.patronymic];
}

/**
 * The search skeleton (phonetic.ts) with one more meeting point of soft e: a Russian clerk writes a
 * Lithuanian e after a consonant as я (Vaitkevičius → Вайткявичюс, "vaytkyavichyus") and ie as е
 * (Kazlauskienė → Казлаускене), a Polish one writes ie (Stankiewicz).
 */
export const nameSkeleton = (foldedWord: string): string =>
  spellingSkeleton(foldedWord).replace(/([^aeiou])i[ae]/g, '$1e');

function nameFeature(text: string | undefined, groupsOf: (word: string) => readonly string[]) {
  if (!text) return undefined;
  const words = foldedWords(fold(text));
  if (words.length === 0) return undefined;
  const groups = new Set<string>();
  for (const word of words) for (const group of groupsOf(word)) groups.add(group);
  return {
    text,
    folded: words.join(' '),
    skeleton: words.map(nameSkeleton).join(' '),
    groups: [...groups],
  };
}

/** Words that say what kind of place is meant, not which one. */
const GENERIC_PLACE_WORDS = new Set(
  [
    'district',
    'village',
    'town',
    'city',
    'region',
    'parish',
    'county',
    'apskritis',
    'apskr',
    'rajonas',
    'raj',
    'kaimas',
    'km',
    'valsčius',
    'vls',
    'miestas',
    'sritis',
    'kraštas',
    'gubernija',
    'gubernia',
    'powiat',
    'gmina',
    'wieś',
    'уезд',
    'волость',
    'район',
    'деревня',
    'дер',
    'село',
    'город',
    'гор',
    'область',
    'край',
    'губерния',
    'АССР',
    'ASSR',
    'krai',
    'oblast',
    'uezd',
  ].map((word) => fold(word)),
);

export function placeFeature(text: string | undefined, gazetteer: Gazetteer): PlaceFeature | undefined {
  if (!text) return undefined;
  const words = foldedWords(fold(text)).filter((word) => word.length > 2 && !GENERIC_PLACE_WORDS.has(word));
  if (words.length === 0) return undefined;
  const groups = new Set<string>();
  for (const word of words) for (const group of gazetteer.placeGroups(word)) groups.add(group);
  const skeletons = words.map(spellingSkeleton);
  return {
    text,
    words,
    skeletons,
    stems: skeletons.map((skeleton) => skeleton.slice(0, 4)),
    groups: [...groups],
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const yearOf = (iso: string): number => Number(iso.slice(0, 4));

function bounds(edtf: string | undefined, text: string): [string, string] | undefined {
  const parsed = edtf === undefined ? null : edtfToBounds(edtf);
  if (parsed) return [parsed.earliest, parsed.latest];
  // A cell kept for review may still state a plain year ("1901 m.", "1901 г.").
  const year = /(?:^|\D)(1[6-9]\d\d|20\d\d)(?:\D|$)/.exec(text)?.[1];
  return year === undefined ? undefined : [`${year}-01-01`, `${year}-12-31`];
}

export function yearsFeature(cell: DateCell | undefined): YearsFeature | undefined {
  if (!cell) return undefined;
  const main = bounds(cell.edtf, cell.text);
  if (!main) return undefined;
  const ranges: [number, number][] = [[yearOf(main[0]), yearOf(main[1])]];
  for (const alternative of cell.alternatives ?? []) {
    const other = bounds(alternative, alternative);
    if (other) ranges.push([yearOf(other[0]), yearOf(other[1])]);
  }
  const feature: YearsFeature = { text: cell.text, ranges, year: ranges[0]?.[0] ?? 0 };
  if (main[0] === main[1]) feature.day = main[0];
  return feature;
}

function daysFeature(cell: DateCell | undefined): DaysFeature | undefined {
  if (!cell) return undefined;
  const main = bounds(cell.edtf, cell.text);
  return main ? { text: cell.text, from: dayNumber(main[0]), to: dayNumber(main[1]) } : undefined;
}

/**
 * Features already made, by the text they were made from: registries repeat places, given names and
 * years endlessly, and sharing one feature object per distinct text keeps 400,000 prepared records
 * within memory. Features are never changed after they are made.
 */
export interface FeatureCache {
  names: Map<string, NameFeature | undefined>;
  surnames: Map<string, SurnameFeature | undefined>;
  places: Map<string, PlaceFeature | undefined>;
  years: Map<string, YearsFeature | undefined>;
  days: Map<string, DaysFeature | undefined>;
}

export const createFeatureCache = (): FeatureCache => ({
  names: new Map(),
  surnames: new Map(),
  places: new Map(),
  years: new Map(),
  days: new Map(),
});

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = make();
  map.set(key, value);
  return value;
}

const cellKey = (cell: DateCell): string =>
  `${cell.text}\n${cell.edtf ?? ''}\n${(cell.alternatives ?? []).join('\n')}`;

function surnameFeature(text: string | undefined): SurnameFeature | undefined {
  const surname = nameFeature(text, () => []);
  if (!surname) return undefined;
  const codes = new Set<string>();
  for (const word of surname.folded.split(' ')) for (const code of phoneticCodes(word)) codes.add(code);
  return { ...surname, codes: [...codes] };
}

/** Case numbers compare by their digits and letters only ("Nr. 1234", "№1234" and "1234" agree). */
const caseKey = (text: string): string =>
  fold(text)
    .replace(/^(nr|no|n)\b/, '')
    .replace(/[^a-z0-9]/g, '');

export function prepareRecord(
  record: LinkRecord,
  index: number,
  gazetteer: Gazetteer,
  cache: FeatureCache = createFeatureCache(),
): PreparedRecord {
  const person = record.person;
  const [surnameText, givenText, patronymicText] = nameParts(person, record.title);
  const prepared: PreparedRecord = { index, id: record.id, collection: record.collection };
  const place = (text: string | undefined) =>
    text === undefined ? undefined : cached(cache.places, text, () => placeFeature(text, gazetteer));
  const surname =
    surnameText === undefined
      ? undefined
      : cached(cache.surnames, surnameText, () => surnameFeature(surnameText));
  if (surname) prepared.surname = surname;
  const given =
    givenText === undefined
      ? undefined
      : cached(cache.names, `g\n${givenText}`, () => nameFeature(givenText, gazetteer.givenNameGroups));
  if (given) prepared.givenName = given;
  const patronymic =
    patronymicText === undefined
      ? undefined
      : cached(cache.names, `p\n${patronymicText}`, () =>
          nameFeature(patronymicText, gazetteer.patronymicGroups),
        );
  if (patronymic) prepared.patronymic = patronymic;
  const sex = person.sex?.value;
  if (sex && person.sex) prepared.sex = { text: person.sex.text, value: sex };
  const birthDate = person.birthDate;
  const birth = birthDate && cached(cache.years, cellKey(birthDate), () => yearsFeature(birthDate));
  if (birth) prepared.birth = birth;
  const birthPlace = place(person.birthPlace);
  if (birthPlace) prepared.birthPlace = birthPlace;
  const residence = place(person.residence);
  if (residence) prepared.residence = residence;
  if (person.caseNumber) {
    const key = caseKey(person.caseNumber);
    if (key) prepared.caseNumber = { text: person.caseNumber, key };
  }
  const destination = place(person.destination);
  if (destination) prepared.destination = destination;
  const deported = person.deportationDate;
  const operation = deported && cached(cache.days, cellKey(deported), () => daysFeature(deported));
  if (operation) prepared.operation = operation;
  return prepared;
}
