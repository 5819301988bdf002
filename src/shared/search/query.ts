/**
 * The search query language (documented for users in docs/search.md):
 *
 *   words               every word must match (typos, missing diacritics and other scripts allowed)
 *   "exact phrase"      the words must appear together, in this order
 *   -word  -"phrase"    leave out what contains it
 *   kind:place          kind of result (event, statistic, place, group, organisation, person, source,
 *                       text, bibliography, note, document, item — a photographed file, also kind:photo);
 *                       plural forms are accepted
 *   year:1948           dated within 1948; year:1945..1953, year:1945.., year:..1953 for ranges
 *   place:Igarka        tied to a place      source:Zemskov   resting on a bibliography entry
 *   tag:…               tagged               has:notes        with notes of yours
 *   status:unverified   with unverified evidence (or status:sourced)
 *   collection:ID       from one collection (by its id), e.g. collection:registry-200k
 *   born:1900..1910     people born in those years (also died:, arrested:, sentenced:, deported:,
 *                       released:, returned:, rehabilitated:); born:Kaunas by birth place, died:… by
 *                       place of death
 *   fate:deported       repression type (or words of the source: fate:ištremtas)
 *   case:B-1007         family/case file number      archive:"f. V-5"   archival reference
 *   -kind:place         any filter can be negated
 *
 * Parsing never throws: what cannot be understood is reported as an error with its position (for an
 * inline explanation) and the rest of the query still runs.
 */
import { SEARCH_KINDS, type EvidenceStatus, type SearchKind } from './documents';
import { DATE_FILTERS, type DateFilterName } from './person-document';

export const FILTER_FIELDS = [
  'kind',
  'year',
  'place',
  'source',
  'tag',
  'has',
  'status',
  'collection',
  ...(Object.keys(DATE_FILTERS) as DateFilterName[]),
  'fate',
  'case',
  'archive',
  'birthplace',
  'destination',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const isDateFilter = (field: string): field is DateFilterName => Object.hasOwn(DATE_FILTERS, field);

/** Filters whose value is matched as text. */
type TextFilterField =
  'place' | 'source' | 'tag' | 'collection' | 'fate' | 'case' | 'archive' | 'birthplace' | 'destination';

export type Filter =
  | { field: 'kind'; kind: SearchKind; negated: boolean }
  | { field: 'year'; from: number | null; to: number | null; negated: boolean }
  | {
      field: TextFilterField;
      value: string;
      negated: boolean;
    }
  /** A person date field: a year range, or (`place` set) the place tied to that date (born:Kaunas). */
  | { field: DateFilterName; from: number | null; to: number | null; place?: string; negated: boolean }
  | { field: 'has'; value: 'notes'; negated: boolean }
  | { field: 'status'; value: EvidenceStatus; negated: boolean };

export type QueryErrorCode =
  | 'unclosedQuote'
  | 'emptyFilter'
  | 'unknownFilter'
  | 'unknownKind'
  | 'badYear'
  | 'reversedYears'
  | 'unknownHas'
  | 'unknownStatus'
  | 'emptyExclusion';

export interface QueryError {
  code: QueryErrorCode;
  /** Values for the message (e.g. the unknown field name, the list of accepted values). */
  params: Record<string, string>;
  /** Span of the offending part of the query (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export interface ParsedQuery {
  /** Free words, as typed. */
  terms: string[];
  /** Exact phrases, as typed (without quotes). */
  phrases: string[];
  /** Words and phrases to leave out. */
  excludes: string[];
  filters: Filter[];
  errors: QueryError[];
}

export interface QueryToken {
  start: number;
  end: number;
  negated: boolean;
  /** Lower-cased field name for `name:value` tokens. */
  field?: string;
  value: string;
  quoted: boolean;
  unclosed: boolean;
}

const FIELD_RE = /^([A-Za-z]+):/;

/** Split a query into tokens with their positions (quotes group words; a leading "-" negates). */
export function tokenizeQuery(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i] ?? '')) i++;
    if (i >= n) break;
    const start = i;
    let negated = false;
    if (query[i] === '-' && i + 1 <= n) {
      negated = true;
      i++;
    }
    let field: string | undefined;
    const fieldMatch = FIELD_RE.exec(query.slice(i));
    if (fieldMatch?.[1]) {
      field = fieldMatch[1].toLowerCase();
      i += fieldMatch[0].length;
    }
    let value: string;
    let quoted = false;
    let unclosed = false;
    if (query[i] === '"') {
      quoted = true;
      const close = query.indexOf('"', i + 1);
      if (close === -1) {
        unclosed = true;
        value = query.slice(i + 1);
        i = n;
      } else {
        value = query.slice(i + 1, close);
        i = close + 1;
      }
    } else {
      const startValue = i;
      while (i < n && !/\s/.test(query[i] ?? '')) i++;
      value = query.slice(startValue, i);
    }
    const token: QueryToken = { start, end: i, negated, value, quoted, unclosed };
    if (field !== undefined) token.field = field;
    tokens.push(token);
  }
  return tokens;
}

const KIND_ALIASES: Readonly<Record<string, SearchKind>> = {
  organization: 'organisation',
  org: 'organisation',
  people: 'person',
  persons: 'person',
  bib: 'bibliography',
  reference: 'bibliography',
  references: 'bibliography',
  notes: 'note',
  photo: 'item',
  photos: 'item',
  texts: 'text',
};

function parseKind(value: string): SearchKind | null {
  const lower = value.toLowerCase();
  const alias = KIND_ALIASES[lower];
  if (alias) return alias;
  if ((SEARCH_KINDS as readonly string[]).includes(lower)) return lower as SearchKind;
  const singular = lower.replace(/s$/, '');
  if ((SEARCH_KINDS as readonly string[]).includes(singular)) return singular as SearchKind;
  return null;
}

const YEAR = /^\d{1,4}$/;

function parseYears(value: string): { from: number | null; to: number | null } | 'bad' | 'reversed' {
  if (YEAR.test(value)) return { from: Number(value), to: Number(value) };
  const range = /^(\d{1,4})?\.\.(\d{1,4})?$/.exec(value);
  if (!range || (range[1] === undefined && range[2] === undefined)) return 'bad';
  const from = range[1] === undefined ? null : Number(range[1]);
  const to = range[2] === undefined ? null : Number(range[2]);
  if (from !== null && to !== null && from > to) return 'reversed';
  return { from, to };
}

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], excludes: [], filters: [], errors: [] };
  const error = (code: QueryErrorCode, token: QueryToken, params: Record<string, string> = {}) =>
    parsed.errors.push({ code, params, start: token.start, end: token.end });

  for (const token of tokenizeQuery(query)) {
    if (token.unclosed) error('unclosedQuote', token);
    const value = token.value.trim();
    if (token.field !== undefined) {
      const field = token.field;
      if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
        error('unknownFilter', token, { field, fields: FILTER_FIELDS.map((f) => `${f}:`).join(', ') });
        continue;
      }
      if (value === '') {
        error('emptyFilter', token, { field });
        continue;
      }
      const negated = token.negated;
      if (isDateFilter(field)) {
        const years = parseYears(value);
        if (years === 'reversed') error('reversedYears', token, { value });
        else if (years === 'bad') parsed.filters.push({ field, from: null, to: null, place: value, negated });
        else parsed.filters.push({ field, ...years, negated });
        continue;
      }
      switch (field as FilterField) {
        case 'kind': {
          const kind = parseKind(value);
          if (kind) parsed.filters.push({ field: 'kind', kind, negated });
          else error('unknownKind', token, { value, kinds: SEARCH_KINDS.join(', ') });
          break;
        }
        case 'year': {
          const years = parseYears(value);
          if (years === 'bad') error('badYear', token, { value });
          else if (years === 'reversed') error('reversedYears', token, { value });
          else parsed.filters.push({ field: 'year', ...years, negated });
          break;
        }
        case 'has':
          if (value.toLowerCase() === 'notes' || value.toLowerCase() === 'note') {
            parsed.filters.push({ field: 'has', value: 'notes', negated });
          } else error('unknownHas', token, { value });
          break;
        case 'status': {
          const status = value.toLowerCase();
          if (status === 'sourced' || status === 'unverified') {
            parsed.filters.push({ field: 'status', value: status, negated });
          } else error('unknownStatus', token, { value });
          break;
        }
        default:
          parsed.filters.push({
            field: field as TextFilterField,
            value,
            negated,
          });
      }
      continue;
    }
    if (token.negated) {
      if (value === '') {
        // A lone "-" while typing "-word" is not worth an error; a lone `-""` is.
        if (token.quoted) error('emptyExclusion', token);
        continue;
      }
      parsed.excludes.push(value);
      continue;
    }
    if (token.quoted) {
      if (value !== '') parsed.phrases.push(value);
      continue;
    }
    if (value !== '') parsed.terms.push(value);
  }
  parsed.terms = parsed.terms.flatMap(words);
  return parsed;
}

/** A filter as it is written in a query (`kind:place`, `year:1945..1953`, `place:"Altai Krai"`). */
export function formatFilter(field: FilterField, value: string): string {
  return /[\s"]/.test(value) ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
}

const sameValue = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The query with `field:value` added, or removed when it is there already (how facet buttons edit the
 * query, so the query text stays the one source of truth of what is shown).
 */
export function toggleFilter(query: string, field: FilterField, value: string): string {
  const tokens = tokenizeQuery(query);
  const existing = tokens.filter(
    (token) => !token.negated && token.field === field && sameValue(token.value, value),
  );
  if (existing.length > 0) return removeTokens(query, existing);
  return appendToken(query, formatFilter(field, value));
}

/** The query with every `field:` filter replaced by `field:value` (or removed, when value is null). */
export function setFilter(query: string, field: FilterField, value: string | null): string {
  const tokens = tokenizeQuery(query).filter((token) => !token.negated && token.field === field);
  const without = removeTokens(query, tokens);
  return value === null ? without : appendToken(without, formatFilter(field, value));
}

/** Values of the (non-negated) `field:` filters written in the query. */
export function filterValues(query: string, field: FilterField): string[] {
  return tokenizeQuery(query)
    .filter((token) => !token.negated && token.field === field)
    .map((token) => token.value);
}

function removeTokens(query: string, tokens: readonly QueryToken[]): string {
  let result = query;
  for (const token of [...tokens].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, token.start) + result.slice(token.end);
  }
  return result.replace(/\s+/g, ' ').trim();
}

function appendToken(query: string, token: string): string {
  const trimmed = query.trim();
  return trimmed === '' ? token : `${trimmed} ${token}`;
}
