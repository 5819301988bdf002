/**
 * The prepared index: every document as columns of numbers, and every distinct field value once, with
 * the work that makes indexing slow already done on it (folding, word ids, sound keys). The search
 * engine runs on this; a snapshot (snapshot.ts) stores exactly this, so a reopened 200,000-person
 * collection skips the folding instead of redoing it.
 *
 * Values repeat heavily (a registry has a few hundred places and a few thousand names for 200,000
 * people), so each distinct string is folded once, not once per document.
 */
import {
  NAME_FIELDS,
  SEARCH_FIELDS,
  SEARCH_KINDS,
  type EvidenceStatus,
  type SearchDocument,
  type SearchField,
  type SearchKind,
} from './documents';
import { fold, foldedWords } from './fold';
import { deriveIndex, type DerivedIndex } from './derived-index';
import { phoneticKeysOfName } from './phonetic';
import { RaggedBuilder, listOf, type Ragged } from './ragged';
import { StringInterner, type StringSource } from './string-table';

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

export interface PreparedIndex extends BaseIndex {
  derived: DerivedIndex;
}

/** Fields whose names are heard by sound: people and places by their names, works by their authors. */
export function heardFields(kind: number): readonly number[] {
  return SEARCH_KINDS[kind] === 'bibliography' ? HEARD_WORKS : HEARD_NAMES;
}
const HEARD_NAMES = [SEARCH_FIELDS.indexOf('title'), SEARCH_FIELDS.indexOf('names')];
const HEARD_WORKS = [AUTHORS_FIELD];

const uniqueWordIds = (folded: string, vocabulary: StringInterner): number[] => [
  ...new Set(foldedWords(folded).map((word) => vocabulary.intern(word))),
];

export function prepareIndex(documents: readonly SearchDocument[]): PreparedIndex {
  const strings = new StringInterner();
  const vocabulary = new StringInterner();
  const phoneticKeys = new StringInterner();

  // Per distinct value, filled as documents use it.
  const valueIds = new Map<string, number>();
  const valueText: number[] = [];
  const folded: string[] = [];
  const digraphWords: number[][] = [];
  const dropWords: (number[] | undefined)[] = [];
  const digraphIds: number[] = [];
  const dropIds: number[] = [];
  const soundKeys: (number[] | undefined)[] = [];

  const valueOf = (text: string): number => {
    let v = valueIds.get(text);
    if (v === undefined) {
      v = valueText.length;
      valueIds.set(text, v);
      valueText.push(strings.intern(text));
      const form = fold(text);
      folded.push(form);
      digraphWords.push(uniqueWordIds(form, vocabulary));
      dropWords.push(undefined);
      digraphIds.push(NO_STRING);
      dropIds.push(NO_STRING);
      soundKeys.push(undefined);
    }
    return v;
  };
  const asName = (v: number, text: string): void => {
    if (dropWords[v] !== undefined) return;
    const form = folded[v] as string;
    const bare = fold(text, { carons: 'drop' });
    digraphIds[v] = strings.intern(form);
    dropIds[v] = bare === form ? (digraphIds[v] as number) : strings.intern(bare);
    dropWords[v] = bare === form ? [] : uniqueWordIds(bare, vocabulary);
  };
  const hear = (v: number): void => {
    if (soundKeys[v] !== undefined) return;
    const keys = new Set(phoneticKeysOfName(folded[v] as string));
    const bare = strings.get(dropIds[v] as number);
    if (bare !== folded[v]) for (const key of phoneticKeysOfName(bare)) keys.add(key);
    soundKeys[v] = [...keys].map((key) => phoneticKeys.intern(key));
  };

  const n = documents.length;
  const columns = {
    id: new Int32Array(n),
    targetId: new Int32Array(n),
    path: new Int32Array(n),
    title: new Int32Array(n),
    collection: new Int32Array(n),
    date: new Int32Array(n),
    earliest: new Int32Array(n),
    latest: new Int32Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    phonetic: new Uint8Array(n),
    yearFrom: new Int32Array(n),
    yearTo: new Int32Array(n),
  };
  const fields = new RaggedBuilder();
  const places = new RaggedBuilder();
  const sources = new RaggedBuilder();
  const tags = new RaggedBuilder();
  const intern = (value: string) => strings.intern(value);

  documents.forEach((doc, d) => {
    columns.id[d] = strings.intern(doc.id);
    columns.targetId[d] = strings.intern(doc.targetId);
    columns.path[d] = strings.intern(doc.path);
    columns.title[d] = strings.intern(doc.title);
    columns.collection[d] = strings.intern(doc.collectionId);
    columns.date[d] = doc.date === undefined ? NO_STRING : strings.intern(doc.date);
    columns.earliest[d] = doc.earliest === null ? NO_STRING : strings.intern(doc.earliest);
    columns.latest[d] = doc.latest === null ? NO_STRING : strings.intern(doc.latest);
    const kind = SEARCH_KINDS.indexOf(doc.kind);
    columns.kind[d] = kind;
    columns.status[d] = STATUS_CODES.indexOf(doc.status);
    columns.phonetic[d] = doc.phonetic ? 1 : 0;
    columns.yearFrom[d] = doc.yearFrom ?? NO_YEAR;
    columns.yearTo[d] = doc.yearTo ?? NO_YEAR;
    const heard = doc.phonetic ? heardFields(kind) : [];
    SEARCH_FIELDS.forEach((field: SearchField, f) => {
      const texts = doc.fields[field] ?? [];
      const ids = texts.map(valueOf);
      if (NAME_FIELD_NUMBERS.includes(f)) ids.forEach((v, i) => asName(v, texts[i] as string));
      if (heard.includes(f)) ids.forEach(hear);
      fields.add(ids);
    });
    places.add(doc.places.map(intern));
    sources.add(doc.sources.map(intern));
    tags.add(doc.tags.map(intern));
  });

  const wordLists = new RaggedBuilder();
  const soundLists = new RaggedBuilder();
  for (let v = 0; v < valueText.length; v++) {
    wordLists.add(digraphWords[v] as number[]);
    wordLists.add(dropWords[v] ?? []);
    soundLists.add(soundKeys[v] ?? []);
  }

  const byTitle = (a: number, b: number) => {
    const ta = documents[a]?.title ?? '';
    const tb = documents[b]?.title ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return byIdOrder(a, b);
  };
  const byIdOrder = (a: number, b: number) => {
    const ia = documents[a]?.id ?? '';
    const ib = documents[b]?.id ?? '';
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  const sequence = () => Int32Array.from({ length: n }, (_, i) => i);
  const order = new Int32Array(n);
  sequence()
    .sort(byTitle)
    .forEach((d, rank) => (order[d] = rank));

  const base: BaseIndex = {
    strings,
    vocabulary: vocabulary.values,
    phoneticKeys: phoneticKeys.values,
    documents: {
      count: n,
      ...columns,
      fields: fields.build(),
      places: places.build(),
      sources: sources.build(),
      tags: tags.build(),
      order,
      byId: sequence().sort(byIdOrder),
    },
    values: {
      count: valueText.length,
      text: Int32Array.from(valueText),
      digraph: Int32Array.from(digraphIds),
      drop: Int32Array.from(dropIds),
      words: wordLists.build(),
      phonetic: soundLists.build(),
    },
  };
  return { ...base, derived: deriveIndex(base) };
}

/** A document as extractDocuments made it, rebuilt from the columns. */
export function documentAt(index: PreparedIndex, d: number): SearchDocument {
  const { strings, documents: docs, values } = index;
  const text = (id: number) => strings.get(id);
  const optional = (id: number) => (id === NO_STRING ? null : strings.get(id));
  const year = (value: number) => (value === NO_YEAR ? null : value);
  const fields: SearchDocument['fields'] = {};
  SEARCH_FIELDS.forEach((field, f) => {
    const ids = listOf(docs.fields, d * FIELD_COUNT + f);
    if (ids.length > 0) fields[field] = Array.from(ids, (v) => text(values.text[v] as number));
  });
  return {
    id: text(docs.id[d] as number),
    collectionId: text(docs.collection[d] as number),
    kind: SEARCH_KINDS[docs.kind[d] as number] as SearchKind,
    targetId: text(docs.targetId[d] as number),
    path: text(docs.path[d] as number),
    title: text(docs.title[d] as number),
    fields,
    ...(docs.date[d] === NO_STRING ? {} : { date: text(docs.date[d] as number) }),
    earliest: optional(docs.earliest[d] as number),
    latest: optional(docs.latest[d] as number),
    yearFrom: year(docs.yearFrom[d] as number),
    yearTo: year(docs.yearTo[d] as number),
    places: Array.from(listOf(docs.places, d), text),
    sources: Array.from(listOf(docs.sources, d), text),
    tags: Array.from(listOf(docs.tags, d), text),
    status: STATUS_CODES[docs.status[d] as number] ?? null,
    phonetic: docs.phonetic[d] === 1,
  };
}
