/**
 * What search takes from a person's registry fields (format version 2): every value as searchable
 * text, and machine-readable facts (`key=value`) for the field filters born:, died:, place:,
 * birthplace:, destination:, fate:, case:, archive: and the year ranges of each date field, and the
 * places as written for the facets (facets.ts). Pure.
 */
import {
  PERSON_DATE_FIELDS,
  PERSON_PLACE_FIELDS,
  type DateCell,
  type PersonDateField,
} from '../collection/person';
import type { PersonRecord } from '../collection/schema';
import { fold } from './fold';

/** Query filter name → the date field it ranges over. */
export const DATE_FILTERS = {
  born: 'birthDate',
  died: 'deathDate',
  arrested: 'arrestDate',
  sentenced: 'sentenceDate',
  deported: 'deportationDate',
  released: 'releaseDate',
  returned: 'returnDate',
  rehabilitated: 'rehabilitationDate',
} as const satisfies Record<string, PersonDateField>;
export type DateFilterName = keyof typeof DATE_FILTERS;

/** Fact keys: the date fields by their filter name, and the text facts. */
export type FactKey =
  | DateFilterName
  | 'birthplace'
  | 'deathplace'
  | 'destination'
  | 'place'
  | 'fate'
  | 'case'
  | 'archive'
  // As written, for the facets' labels (facets.ts); `~` keeps the key from adding a word to search.
  | 'birthplace~'
  | 'destination~';

const FILTER_OF_FIELD = Object.fromEntries(
  Object.entries(DATE_FILTERS).map(([filter, field]) => [field, filter]),
) as Record<PersonDateField, DateFilterName>;

/** Years a date cell's readings cover, as "from..to" (e.g. 193X → 1930..1939, 1900~ → 1899..1901). */
export function yearSpan(edtf: string): [number, number] | undefined {
  const m = /^(\d{3})([\dX])(X?)/.exec(edtf);
  if (!m) return undefined;
  if (m[3] === 'X') return undefined;
  const base = Number(`${m[1]}${m[2] === 'X' ? '0' : m[2]}`);
  if (m[2] === 'X') return [base, base + 9];
  // An approximate or uncertain year may be one year off either way (as the EDTF bounds widen it).
  return /[~?%]$/.test(edtf) && /^\d{4}[~?%]$/.test(edtf) ? [base - 1, base + 1] : [base, base];
}

function dateFacts(key: DateFilterName, cell: DateCell | undefined): string[] {
  if (cell === undefined) return [];
  return [cell.edtf, ...(cell.alternatives ?? [])].flatMap((edtf) => {
    const span = edtf === undefined ? undefined : yearSpan(edtf);
    return span === undefined ? [] : [`${key}=${span[0]}..${span[1]}`];
  });
}

export interface PersonSearchParts {
  /** Name parts and the full name, for the names field. */
  names: string[];
  /** Place values, for the places field. */
  places: string[];
  /** Every other value (dates as written, remarks, other fields), for the details field. */
  details: string[];
  /** `key=value` facts for filters (values folded) and facet labels (`key~=value`, as written). */
  facts: string[];
}

export function personSearchParts(record: PersonRecord): PersonSearchParts {
  const p = record.person ?? {};
  const names = [p.surname, p.givenName, p.patronymic, p.fullName].filter(
    (v): v is string => v !== undefined,
  );
  const places = PERSON_PLACE_FIELDS.map((f) => p[f]).filter((v): v is string => v !== undefined);
  const dates = PERSON_DATE_FIELDS.map((f) => p[f]?.text);
  const details = [
    p.sourceId,
    p.sex?.text,
    ...dates,
    p.nationality,
    p.occupation,
    p.education,
    p.party,
    p.caseNumber,
    p.familyRole,
    p.charge,
    p.sentence,
    p.repression?.text,
    p.operation,
    ...Object.values(p.archivalReference ?? {}),
    ...Object.values(p.listSource ?? {}),
    p.notes,
    ...(record.otherFields ?? []).map((o) => o.value),
  ].filter((v): v is string => v !== undefined && v !== '');
  const facts: string[] = [];
  for (const field of PERSON_DATE_FIELDS) facts.push(...dateFacts(FILTER_OF_FIELD[field], p[field]));
  if (p.birthPlace) facts.push(`birthplace=${fold(p.birthPlace)}`);
  if (p.deathPlace) facts.push(`deathplace=${fold(p.deathPlace)}`);
  if (p.destination) facts.push(`destination=${fold(p.destination)}`);
  if (p.birthPlace) facts.push(`birthplace~=${p.birthPlace}`);
  if (p.destination) facts.push(`destination~=${p.destination}`);
  for (const place of places) facts.push(`place=${fold(place)}`);
  for (const type of p.repression?.types ?? []) facts.push(`fate=${type}`);
  if (p.repression) facts.push(`fate=${fold(p.repression.text)}`);
  if (p.caseNumber) facts.push(`case=${fold(p.caseNumber)}`);
  const archive = p.archivalReference;
  if (archive) facts.push(`archive=${fold(Object.values(archive).join(' '))}`);
  return { names, places, details, facts: [...new Set(facts)] };
}

/** The value of a fact string if it has this key. */
export function factValue(fact: string, key: FactKey): string | undefined {
  return fact.startsWith(`${key}=`) ? fact.slice(key.length + 1) : undefined;
}
