/**
 * A deterministic, seeded generator of a SYNTHETIC deportee registry for benchmarks and scale tests:
 * N person records with Lithuanian names, the Russian (Cyrillic) spelling a clerk might have written and
 * a Latin spelling transliterated back from it, birth years, home districts, operations, destinations and
 * dates. Every person is invented; the manifest says `synthetic: true` and every summary says
 * "Synthetic record". Never shipped with the app: it lives in bench/.
 *
 * District, destination and operation names are real place and operation names, used only as labels
 * so searches look like real ones; the people, their numbers and their journeys are random.
 */
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import { edtfToBounds } from '@shared/collection/edtf';

import { seededRandom } from '@shared/random';

export { seededRandom };

const MALE_FIRST = [
  'Jonas',
  'Petras',
  'Antanas',
  'Juozas',
  'Kazys',
  'Vytautas',
  'Stasys',
  'Povilas',
  'Vincas',
  'Pranas',
  'Jurgis',
  'Algirdas',
  'Mykolas',
  'Kęstutis',
  'Bronius',
  'Feliksas',
  'Steponas',
  'Leonas',
  'Zigmas',
  'Česlovas',
];
const FEMALE_FIRST = [
  'Ona',
  'Marija',
  'Elena',
  'Aldona',
  'Birutė',
  'Danutė',
  'Genovaitė',
  'Janina',
  'Stasė',
  'Zofija',
  'Regina',
  'Irena',
  'Veronika',
  'Emilija',
  'Teresė',
  'Kotryna',
  'Angelė',
  'Anelė',
  'Bronė',
  'Uršulė',
];
/** Male surnames; female forms are derived (-ienė married, -aitė/-ytė/-ūtė unmarried). */
const SURNAMES = [
  'Kazlauskas',
  'Petrauskas',
  'Jankauskas',
  'Stankevičius',
  'Vasiliauskas',
  'Žukauskas',
  'Butkus',
  'Paulauskas',
  'Urbonas',
  'Kavaliauskas',
  'Navickas',
  'Ramanauskas',
  'Sadauskas',
  'Mockus',
  'Šimkus',
  'Baranauskas',
  'Rimkus',
  'Lukša',
  'Vaitkus',
  'Grinkevičius',
  'Adomaitis',
  'Jonaitis',
  'Kairys',
  'Žemaitis',
  'Šalkauskas',
  'Čepulis',
  'Balčiūnas',
  'Dambrauskas',
  'Gudaitis',
  'Kučinskas',
];
/** A third of the people have a release year, 1956–1959. */
function releaseOf(random: () => number) {
  if (random() >= 0.3) return {};
  const year = String(1956 + Math.floor(random() * 4));
  return { releaseDate: { text: year, edtf: year } };
}

const OCCUPATIONS = ['ūkininkas', 'mokytojas', 'tarnautojas', 'darbininkas', 'kunigas', 'namų šeimininkė'];
export const DISTRICTS = [
  'Alytus',
  'Biržai',
  'Kaunas',
  'Kėdainiai',
  'Kretinga',
  'Lazdijai',
  'Marijampolė',
  'Mažeikiai',
  'Panevėžys',
  'Raseiniai',
  'Rokiškis',
  'Šakiai',
  'Šiauliai',
  'Tauragė',
  'Telšiai',
  'Trakai',
  'Ukmergė',
  'Utena',
  'Vilkaviškis',
  'Zarasai',
];
export const DESTINATIONS: readonly { id: string; title: string; lt: string; ru: string }[] = [
  { id: 'altai-krai', title: 'Altai Krai', lt: 'Altajaus kraštas', ru: 'Алтайский край' },
  { id: 'krasnoyarsk-krai', title: 'Krasnoyarsk Krai', lt: 'Krasnojarsko kraštas', ru: 'Красноярский край' },
  { id: 'irkutsk-oblast', title: 'Irkutsk Oblast', lt: 'Irkutsko sritis', ru: 'Иркутская область' },
  { id: 'tomsk-oblast', title: 'Tomsk Oblast', lt: 'Tomsko sritis', ru: 'Томская область' },
  { id: 'komi-assr', title: 'Komi ASSR', lt: 'Komijos ASSR', ru: 'Коми АССР' },
  { id: 'yakutia', title: 'Yakutia', lt: 'Jakutija', ru: 'Якутия' },
  { id: 'buryat-mongol-assr', title: 'Buryat-Mongol ASSR', lt: 'Buriatija', ru: 'Бурят-Монгольская АССР' },
  {
    id: 'novosibirsk-oblast',
    title: 'Novosibirsk Oblast',
    lt: 'Novosibirsko sritis',
    ru: 'Новосибирская область',
  },
];
export const OPERATIONS: readonly { id: string; title: string; ru: string; days: string[] }[] = [
  {
    id: 'june-1941',
    title: 'June deportation, 1941',
    ru: 'Июньская депортация',
    days: ['1941-06-14', '1941-06-15', '1941-06-16'],
  },
  { id: 'vesna', title: 'Operation Vesna', ru: 'Весна', days: ['1948-05-22', '1948-05-23'] },
  { id: 'priboi', title: 'Operation Priboi', ru: 'Прибой', days: ['1949-03-25', '1949-03-26', '1949-03-27'] },
  { id: 'osen', title: 'Operation Osen', ru: 'Осень', days: ['1951-10-02', '1951-10-03'] },
];

/** Lithuanian → Russian spelling, the way a clerk transcribed names into Cyrillic lists. */
const TO_CYRILLIC: readonly [string, string][] = [
  ['ch', 'х'],
  ['ia', 'я'],
  ['iu', 'ю'],
  ['io', 'ё'],
  ['ie', 'е'],
  ['a', 'а'],
  ['ą', 'а'],
  ['b', 'б'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['d', 'д'],
  ['e', 'е'],
  ['ę', 'е'],
  ['ė', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'г'],
  ['i', 'и'],
  ['į', 'и'],
  ['y', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['š', 'ш'],
  ['t', 'т'],
  ['u', 'у'],
  ['ų', 'у'],
  ['ū', 'у'],
  ['v', 'в'],
  ['z', 'з'],
  ['ž', 'ж'],
];

export function toClerkCyrillic(name: string): string {
  let out = '';
  let i = 0;
  const lower = name.toLowerCase();
  while (i < lower.length) {
    const pair = TO_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    const upper = name[i] !== lower[i];
    if (pair) {
      out += upper ? pair[1].toUpperCase() : pair[1];
      i += pair[0].length;
    } else {
      out += name[i] ?? '';
      i += 1;
    }
  }
  // Clerks wrote the initial J- of a name as И- (Jonas → Ионас).
  return out.replace(/(^|\s)Й/g, '$1И');
}

/**
 * How an English-language source would spell a Cyrillic name back (ё → yo). Kept apart from the search
 * engine's own table (src/shared/search/fold.ts) on purpose: test spellings made by the engine's folding
 * would find themselves by construction.
 */
const FROM_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** The Cyrillic spelling read back into Latin letters (how it reaches English-language sources). */
export function backTransliterate(cyrillic: string): string {
  return [...cyrillic]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = FROM_CYRILLIC[lower];
      if (latin === undefined) return ch;
      return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

function femaleSurname(male: string, married: boolean): string {
  const stem = male.replace(/(as|is|ys|us|ius)$/, '');
  if (married) return `${stem}ienė`;
  if (male.endsWith('as')) return `${stem}aitė`;
  if (male.endsWith('us') || male.endsWith('ius')) return `${stem}ūtė`;
  return `${stem}ytė`;
}

export interface SyntheticRegistryOptions {
  persons: number;
  seed?: number;
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function baseRecord(id: string, title: string, summary: string) {
  return {
    id,
    title,
    labels: { en: title },
    altNames: [],
    altDates: [],
    summary,
    relations: [],
    claims: [],
    citations: [],
    earliest: null,
    latest: null,
  };
}

/** The same options always give the same collection. */
export function generateSyntheticRegistry(options: SyntheticRegistryOptions): LoadedCollection {
  const random = seededRandom(options.seed ?? 1941);
  const records: LoadedRecord[] = [];
  for (const district of DISTRICTS) {
    records.push({
      ...baseRecord(
        `district-${slug(district)}`,
        `${district} district`,
        `Synthetic place record: ${district} district.`,
      ),
      kind: 'place',
      labels: {
        en: `${district} district`,
        lt: `${district} apskritis`,
        ru: `${toClerkCyrillic(district)} уезд`,
      },
    });
  }
  for (const destination of DESTINATIONS) {
    records.push({
      ...baseRecord(
        `dest-${destination.id}`,
        destination.title,
        `Synthetic place record: ${destination.title}.`,
      ),
      kind: 'place',
      labels: { en: destination.title, lt: destination.lt, ru: destination.ru },
      altNames: [
        { name: destination.lt, lang: 'lt' },
        { name: destination.ru, lang: 'ru' },
      ],
    });
  }
  for (const operation of OPERATIONS) {
    const date = `${operation.days[0]}/${operation.days[operation.days.length - 1]}`;
    const bounds = edtfToBounds(date);
    records.push({
      ...baseRecord(`op-${operation.id}`, operation.title, `Synthetic event record: ${operation.title}.`),
      kind: 'event',
      labels: { en: operation.title, ru: operation.ru },
      altNames: [{ name: operation.ru, lang: 'ru' }],
      date,
      earliest: bounds?.earliest ?? null,
      latest: bounds?.latest ?? null,
    });
  }
  // Registry fields come from a second generator, so names, dates and places (and the benchmark queries
  // drawn from them) stay what they were before people had fields.
  const fieldRandom = seededRandom(0x5eed + options.persons);
  for (let n = 0; n < options.persons; n++) {
    const female = random() < 0.5;
    const first = pick(random, female ? FEMALE_FIRST : MALE_FIRST);
    const male = pick(random, SURNAMES);
    const surname = female ? femaleSurname(male, random() < 0.6) : male;
    const name = `${first} ${surname}`;
    const cyrillic = toClerkCyrillic(name);
    const born = 1870 + Math.floor(random() * 80);
    const district = pick(random, DISTRICTS);
    const operation = pick(random, OPERATIONS);
    const destination = pick(random, DESTINATIONS);
    const day = pick(random, operation.days);
    const summary =
      `Synthetic record. Born ${born} in ${district} district; deported on ${day} ` +
      `(${operation.title}) to ${destination.title}.`;
    records.push({
      ...baseRecord(`person-${String(n + 1).padStart(6, '0')}`, name, summary),
      kind: 'person',
      labels: { en: name, lt: name, ru: cyrillic },
      altNames: [
        { name: cyrillic, lang: 'ru', note: 'clerk spelling (synthetic)' },
        { name: backTransliterate(cyrillic), lang: 'en', note: 'transliterated back (synthetic)' },
      ],
      date: day,
      earliest: day,
      latest: day,
      relations: [
        { type: 'origin', target: `district-${slug(district)}` },
        { type: 'destination', target: `dest-${destination.id}` },
        { type: 'part-of', target: `op-${operation.id}` },
      ],
      tags: ['synthetic'],
      person: {
        sourceId: String(n + 1),
        surname,
        givenName: first,
        sex: { text: female ? 'moteris' : 'vyras', value: female ? 'female' : 'male' },
        birthDate: { text: String(born), edtf: String(born) },
        birthPlace: `${district} district`,
        residence: `${district} district, ${pick(fieldRandom, DISTRICTS)} village`,
        occupation: pick(fieldRandom, OCCUPATIONS),
        caseNumber: `${Math.floor(fieldRandom() * 40000) + 1}`,
        repression: { text: 'ištremtas', types: ['deported'] },
        operation: operation.title,
        deportationDate: { text: day, edtf: day },
        destination: destination.title,
        ...releaseOf(fieldRandom),
        archivalReference: {
          archive: 'LYA',
          fond: 'V-5',
          opis: '1',
          delo: String(Math.floor(fieldRandom() * 90000) + 1),
        },
        listSource: { list: 'Synthetic list', page: String(Math.floor(n / 40) + 1) },
      },
    });
  }
  return {
    manifest: {
      formatVersion: 2,
      id: `synthetic-registry-${options.persons}`,
      title: `Synthetic registry of ${options.persons} invented people`,
      version: '0.0.0',
      description: 'Generated for benchmarks. Every person in it is invented.',
      languages: ['en', 'lt', 'ru'],
      license: 'CC0-1.0',
      compiledBy: 'bench/synthetic-registry.ts',
      synthetic: true,
      texts: [],
    },
    records,
    bibliography: [],
    texts: [],
    integrity: { findings: [] },
  };
}
