/**
 * The layout of the prepared index, shared by everything that reads or writes it (prepared-index.ts
 * builds it, derived-index.ts derives from it, snapshot.ts stores it, the engine searches it): the
 * column types and the constants that give their numbers meaning. Constants and types only, so imports
 * among those modules run one way, into this one.
 */
import { NAME_FIELDS, SEARCH_FIELDS, SEARCH_KINDS, type EvidenceStatus } from './documents';
import type { FacetField } from './facets';
import type { Ragged } from './ragged';
import type { PrefixAnswers } from './short-prefixes';
import type { StringSource } from './string-table';

/** A missing string (a document without dates). */
export const NO_STRING = -1;
/** A missing year. */
export const NO_YEAR = -0x80000000;
export const STATUS_CODES: readonly (EvidenceStatus | null)[] = [null, 'sourced', 'unverified'];
export const FIELD_COUNT = SEARCH_FIELDS.length;
/** Field numbers of the name fields (folded both ways), and of those naming the document itself. */
export const NAME_FIELD_NUMBERS: readonly number[] = NAME_FIELDS.map((field) => SEARCH_FIELDS.indexOf(field));
export const AUTHORS_FIELD = SEARCH_FIELDS.indexOf('authors');

export interface DocumentColumns {
  count: number;
  /** String ids. */
  id: Int32Array;
  targetId: Int32Array;
  path: Int32Array;
  title: Int32Array;
  collection: Int32Array;
  /** String ids or NO_STRING: the date as recorded (EDTF), then its first and last day. */
  date: Int32Array;
  earliest: Int32Array;
  latest: Int32Array;
  /** Position in SEARCH_KINDS. */
  kind: Uint8Array;
  /** Position in STATUS_CODES. */
  status: Uint8Array;
  phonetic: Uint8Array;
  /** Years or NO_YEAR. */
  yearFrom: Int32Array;
  yearTo: Int32Array;
  /** Value ids per (document, field): list `document * FIELD_COUNT + field`, in the original order. */
  fields: Ragged;
  /** String ids per document. */
  places: Ragged;
  sources: Ragged;
  tags: Ragged;
  /** Each document's rank when sorted by title, then id (the tie-break of equal scores). */
  order: Int32Array;
  /** Document numbers sorted by id, to find a document by id without a map of every id. */
  byId: Int32Array;
}

export interface ValueColumns {
  count: number;
  /** String id of the original text. */
  text: Int32Array;
  /** Folded (š→sh) and folded without carons (š→s), as string ids: values used in a name field only. */
  digraph: Int32Array;
  drop: Int32Array;
  /** Word ids: list 2v the folded words, list 2v+1 those of the caron-less form when it differs (names). */
  words: Ragged;
  /** Sound keys (ids into phoneticKeys) of names heard by sound. */
  phonetic: Ragged;
}

/** The prepared columns; PreparedIndex adds what is derived from them (derived-index.ts). */
export interface BaseIndex {
  strings: StringSource;
  /** Distinct folded words. */
  vocabulary: readonly string[];
  /** Distinct Daitch–Mokotoff keys. */
  phoneticKeys: readonly string[];
  documents: DocumentColumns;
  values: ValueColumns;
}

/** One facet: per document, indexes into `labels` (distinct per document). */
export interface FacetData {
  labels: string[];
  lists: Ragged;
}

/** What searching needs beyond the prepared columns, derived from them (derived-index.ts). */
export interface DerivedIndex {
  /** Word id → documents holding it (name fields count their caron-less words too). */
  postings: Ragged;
  /** Sound key id → documents whose names sound so. */
  soundIndex: Ragged;
  facets: Record<FacetField, FacetData>;
}

export interface PreparedIndex extends BaseIndex {
  derived: DerivedIndex;
  /** Answers to the shortest queries (short-prefixes.ts): made by the engine, so absent until then. */
  prefixes?: PrefixAnswers;
}

/** Fields whose names are heard by sound: people and places by their names, works by their authors. */
export function heardFields(kind: number): readonly number[] {
  return SEARCH_KINDS[kind] === 'bibliography' ? HEARD_WORKS : HEARD_NAMES;
}
const HEARD_NAMES = [SEARCH_FIELDS.indexOf('title'), SEARCH_FIELDS.indexOf('names')];
const HEARD_WORKS = [AUTHORS_FIELD];
