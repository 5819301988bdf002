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
  SEARCH_FIELDS,
  SEARCH_KINDS,
  type SearchDocument,
  type SearchField,
  type SearchKind,
} from './documents';
import { fold, foldedWords } from './fold';
import { deriveIndex } from './derived-index';
import {
  FIELD_COUNT,
  NAME_FIELD_NUMBERS,
  NO_STRING,
  NO_YEAR,
  STATUS_CODES,
  heardFields,
  type BaseIndex,
  type PreparedIndex,
} from './layout';
import { phoneticKeysOfName } from './phonetic';
import { RaggedBuilder, listOf } from './ragged';
import { StringInterner } from './string-table';

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
