/**
 * The one context every part of the engine reads: the prepared index's columns by their short names,
 * with the lookups they all need (word ids, field weights, names of a document, a document by id).
 * Made once per engine; nothing in it changes per query.
 */
import { SEARCH_FIELDS } from './documents';
import {
  AUTHORS_FIELD,
  FIELD_COUNT,
  NAME_FIELD_NUMBERS,
  type DocumentColumns,
  type PreparedIndex,
  type ValueColumns,
} from './layout';
import { FIELD_WEIGHTS } from './ranking';
import { listOf, type Ragged } from './ragged';
import type { StringSource } from './string-table';

export interface IndexContext {
  readonly prepared: PreparedIndex;
  readonly docs: DocumentColumns;
  readonly values: ValueColumns;
  readonly strings: StringSource;
  readonly vocabulary: readonly string[];
  /** Documents indexed. */
  readonly count: number;
  readonly wordIds: ReadonlyMap<string, number>;
  /** FIELD_WEIGHTS by field number. */
  readonly fieldWeights: readonly number[];
  readonly isNameField: readonly boolean[];
  readonly postings: Ragged;
  readonly soundIndex: Ragged;
  readonly phoneticKeyIds: ReadonlyMap<string, number>;
  /** Folded names of a document (both forms), title and names fields, or authors. */
  namesOf(d: number, authors: boolean): string[];
  /** A document's number by id. */
  indexOfId(id: string): number | undefined;
}

export function indexContext(prepared: PreparedIndex): IndexContext {
  const { documents: docs, values, strings, vocabulary } = prepared;
  const count = docs.count;

  function namesOf(d: number, authors: boolean): string[] {
    const names: string[] = [];
    for (const f of NAME_FIELD_NUMBERS) {
      if ((f === AUTHORS_FIELD) !== authors) continue;
      for (const v of listOf(docs.fields, d * FIELD_COUNT + f)) {
        names.push(strings.get(values.digraph[v] as number));
        if (values.drop[v] !== values.digraph[v]) names.push(strings.get(values.drop[v] as number));
      }
    }
    return names;
  }

  /** Binary search over the ids in order (no map of 200,000 ids). */
  function indexOfId(id: string): number | undefined {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const d = docs.byId[middle] as number;
      const here = strings.get(docs.id[d] as number);
      if (here === id) return d;
      if (here < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  return {
    prepared,
    docs,
    values,
    strings,
    vocabulary,
    count,
    wordIds: new Map(vocabulary.map((word, id) => [word, id])),
    fieldWeights: SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]),
    isNameField: SEARCH_FIELDS.map((_, f) => NAME_FIELD_NUMBERS.includes(f)),
    postings: prepared.derived.postings,
    soundIndex: prepared.derived.soundIndex,
    phoneticKeyIds: new Map(prepared.phoneticKeys.map((key, id) => [key, id])),
    namesOf,
    indexOfId,
  };
}
