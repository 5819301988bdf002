/**
 * Suggesting a column mapping from headers in Russian, Lithuanian, Polish, German and English, and
 * from the look of a column's values (dates, years, places). Only a suggestion: the user can map any
 * column to any field, keep it as an other field, or exclude it. Pure.
 */
import type { MappableField } from '../collection/person';
import { parseDateCell } from './dates';
import type { ColumnMappingInput, SuggestionBasis } from './mapping';
import { inferSexCodes } from './sex-codes';

/** Lower-cased header with spaces collapsed and trailing punctuation/colons removed. */
const norm = (h: string) =>
  h
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.*]+$/u, '')
    .trim();

/**
 * Header patterns per field, tried in this order (specific before general: "Дата рождения" is a birth
 * date before it is a date). Anchored patterns match the whole header.
 */
const HEADER_RULES: [MappableField | 'id' | 'altName', RegExp][] = [
  ['id', /^(id|№|№ п\/п|no|nr|номер|eil\. nr|eil nr|lp|l\.p|lfd\. nr|record id)$/u],
  [
    'altName',
    /(other spellings?|cyrillic|кирилл|spelling|написание|alt(ernative)? names?|variant|kitos formos|kiti rašymai|rusiškai|in russian|другие написания|варианты|inne pisownie|schreibweisen)/u,
  ],
  [
    'fullName',
    /^(фио|ф\.и\.о|full name|name|person|vardas,? pavardė|pavardė,? vardas|vardas pavardė|pavardė vardas|imię i nazwisko|nazwisko i imię|name, vorname|vor- und nachname)$/u,
  ],
  ['patronymic', /(отчество|tėvo vardas|imię ojca|vatersname|patronymic)/u],
  ['surname', /^(фамилия|pavardė|pavarde|nazwisko|nachname|familienname|surname|last name|family name)$/u],
  ['givenName', /^(имя|vardas|imię|imie|vorname|given name|first name|forename)$/u],
  ['sex', /^(пол|lytis|płeć|geschlecht|sex|gender)$/u],
  [
    'birthPlace',
    /(место рождения|gimimo vieta|gimė \(vieta\)|miejsce urodzenia|geburtsort|place of birth|birth ?place)/u,
  ],
  [
    'birthDate',
    /(год рождения|дата рождения|годы? рожд|г\.р|gimimo (metai|data)|gimė|rok urodzenia|data urodzenia|ur\.|geburtsjahr|geburtsdatum|geboren|year of birth|date of birth|birth ?(year|date)|^born$|^birth$)/u,
  ],
  ['nationality', /(национальность|tautybė|narodowość|nationalität|nationality|ethnicity)/u],
  ['party', /(партийность|партия|partiškumas|partija|przynależność partyjna|partei|party)/u],
  ['education', /(образование|išsilavinimas|wykształcenie|bildung|education)/u],
  [
    'occupation',
    /(профессия|место работы|род занятий|занятие|должность|profesija|darbovietė|užsiėmimas|zawód|beruf|occupation|profession|job)/u,
  ],
  [
    'residence',
    /(место проживания|место жительства|проживал|адрес|gyvenamoji vieta|gyveno|adresas|miejsce zamieszkania|adres|wohnort|adresse|residence|address|lived|apskritis|valsčius|district|county)/u,
  ],
  [
    'caseNumber',
    /(учетное дело|учётное дело|номер дела|дело №|№ дела|bylos nr|bylos numeris|byla|nr sprawy|sprawa|aktennummer|aktenzeichen|case|file no)/u,
  ],
  [
    'familyRole',
    /(глава семьи|семья|родство|šeimos galva|šeima|giminystė|rodzina|pokrewieństwo|familie|family|relationship)/u,
  ],
  [
    'arrestDate',
    /(дата ареста|арестован|suimtas|suėmimo data|aresztowany|data aresztowania|verhaftet|verhaftung|arrested|date of arrest|arrest date)/u,
  ],
  ['charge', /(обвинение|статья|kaltinimas|straipsnis|zarzut|artykuł|anklage|artikel|charge|article)/u],
  [
    'sentenceDate',
    /(дата приговора|дата осуждения|nuteisimo data|data wyroku|datum des urteils|date of sentence|sentence date)/u,
  ],
  ['sentence', /(приговор|осужден|нуteistas|nuteistas|bausmė|wyrok|urteil|sentence|verdict)/u],
  [
    'deathDate',
    /(дата расстрела|дата смерти|расстрелян|умер|mirties data|mirė|sušaudytas|data śmierci|zmarł|rozstrzelany|todesdatum|gestorben|erschossen|date of death|died|executed)/u,
  ],
  [
    'deathPlace',
    /(место смерти|место гибели|mirties vieta|miejsce śmierci|sterbeort|todesort|place of death)/u,
  ],
  [
    'burialPlace',
    /(место захоронения|место погребения|palaidojimo vieta|palaidotas|miejsce pochówku|pochowany|grabstätte|begraben|burial)/u,
  ],
  [
    'deportationDate',
    /(дата высылки|дата выселения|выслан|ištrėmimo data|ištremimo data|ištremtas|tremties data|data zesłania|data deportacji|deportiert|deportationsdatum|date of deportation|deportation date|deported|^date$|^data$|^дата$)/u,
  ],
  [
    'destination',
    /(место ссылки|место высылки|лагерь|спецпоселение|куда выслан|направлен|tremties vieta|vieta sssr|lageris|miejsce zesłania|łagier|verbannungsort|lager|place of exile|destination|camp|exile)/u,
  ],
  [
    'repression',
    /(вид репрессии|репрессия|мера наказания|represijos rūšis|likimas|represija|represje|^los$|schicksal|repression|fate)/u,
  ],
  ['operation', /(операция|operacija|operacja|operation)/u],
  [
    'releaseDate',
    /(освобожден|дата освобождения|paleistas|paleidimo data|zwolniony|entlassen|released|release date)/u,
  ],
  ['returnDate', /(вернулся|дата возвращения|grįžo|grįžimo data|powrót|rückkehr|returned|return date)/u],
  [
    'rehabilitationDate',
    /(реабилитирован|дата реабилитации|reabilituotas|reabilitacijos data|zrehabilitowany|rehabilitiert|rehabilitated|rehabilitation)/u,
  ],
  ['fond', /^(фонд|fondas|zespół|bestand|fond)$/u],
  ['opis', /^(опись|op|ap|aprašas|inwentarz|findbuch|opis|inventory)$/u],
  ['delo', /^(дело|byla|sygnatura akt|akte|delo|file)$/u],
  ['sheet', /^(лист|листы|л|lapas|lapai|karta|blatt|sheet|folio)$/u],
  ['archive', /^(архив|archyvas|archiwum|archiv|archive)$/u],
  [
    'archivalReference',
    /(архивное дело|архивный шифр|шифр|archyvo nuoroda|archyvinė nuoroda|sygnatura|signatur|archival reference|reference)/u,
  ],
  ['listPage', /^(страница|стр|puslapis|psl|strona|str|seite|page)$/u],
  ['listSource', /(источник|šaltinis|źródło|quelle|source)/u],
  [
    'notes',
    /(сведения|примечани|комментар|дополнительн|pastabos|papildoma|informacija|uwagi|informacje|bemerkung|anmerkung|notes?|remarks|comments?|info)/u,
  ],
];

/** Fields whose columns may hold dates: a column of mostly dates/years is one of these. */
const isDateish = (v: string) => {
  const cell = parseDateCell(v);
  return cell.edtf !== undefined && /^\d{3}[\dX]/.test(cell.edtf);
};
/** Place-like values: settlement abbreviations of Russian, Lithuanian, Polish lists. */
const PLACE_WORDS =
  /(^|[\s,(])(г\.|губ\.|у\.|уезд|вол\.|м\.|мест\.|д\.|дер\.|с\.|обл\.|р-н|край|aps\.|vls\.|k\.|r\.|m\.|raj\.|woj\.|pow\.|gm\.|wieś|kraj|region|oblast|gub\.|district)(?=[\s,]|$)/iu;

export interface Suggestion {
  mapping: ColumnMappingInput;
  /** How each suggested column was recognised. Columns not listed are kept as other fields. */
  suggestedBy: Record<string, SuggestionBasis>;
}

/** Guess a mapping from the headers, then from the values of columns the headers did not explain. */
export function suggestMapping(
  columns: readonly string[],
  rows: readonly (readonly string[])[] = [],
): Suggestion {
  const fields: Record<string, MappableField> = {};
  const suggestedBy: Record<string, SuggestionBasis> = {};
  const altNames: { column: string; lang?: string }[] = [];
  const usedFields = new Set<string>();
  let id: string | undefined;
  for (const column of columns) {
    const h = norm(column);
    for (const [field, re] of HEADER_RULES) {
      if (!re.test(h)) continue;
      if (field === 'id') {
        if (id !== undefined) continue;
        id = column;
      } else if (field === 'altName') {
        const lang = /(рус|rus|рос)/iu.test(h) ? 'ru' : undefined;
        altNames.push(lang === undefined ? { column } : { column, lang });
      } else {
        // One column per field by header, except a name split over columns.
        if (usedFields.has(field) && field !== 'fullName') continue;
        fields[column] = field;
        usedFields.add(field);
      }
      suggestedBy[column] = 'header';
      break;
    }
  }
  // By content: a column with no header match whose values are mostly dates or places.
  columns.forEach((column, index) => {
    if (suggestedBy[column] !== undefined) return;
    const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
    if (values.length < 3) return;
    const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
    if (share(isDateish) >= 0.8) {
      const field = (['birthDate', 'deportationDate', 'deathDate', 'arrestDate'] as const).find(
        (f) => !usedFields.has(f),
      );
      if (field !== undefined) {
        fields[column] = field;
        usedFields.add(field);
        suggestedBy[column] = 'content';
      }
    } else if (share((v) => PLACE_WORDS.test(v)) >= 0.6) {
      const field = (['birthPlace', 'residence', 'destination'] as const).find((f) => !usedFields.has(f));
      if (field !== undefined) {
        fields[column] = field;
        usedFields.add(field);
        suggestedBy[column] = 'content';
      }
    }
  });
  // Without any name column, the first text column is the best guess for the name.
  const hasName = Object.values(fields).some((f) => ['surname', 'givenName', 'fullName'].includes(f));
  if (!hasName) {
    const first = columns.find(
      (c) => fields[c] === undefined && c !== id && !altNames.some((a) => a.column === c),
    );
    if (first !== undefined) {
      fields[first] = 'fullName';
      suggestedBy[first] = 'content';
    }
  }
  const mapping: ColumnMappingInput = { fields, altNames, exclude: [] };
  if (id !== undefined) mapping.id = id;
  const sexIndex = columns.findIndex((c) => fields[c] === 'sex');
  const sexColumn = columns[sexIndex];
  if (sexColumn !== undefined)
    mapping.sexCodes = inferSexCodes(
      sexColumn,
      rows.map((r) => r[sexIndex] ?? ''),
    );
  return { mapping, suggestedBy };
}
