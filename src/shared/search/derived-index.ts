/**
 * What searching needs beyond the prepared columns, derived from them once: postings (word →
 * documents), the sound index (Daitch–Mokotoff key → documents) and the facet columns. Stored in the
 * snapshot with the rest: deriving them takes a second in a freshly started worker at 200,000
 * documents (before the JIT has warmed up), reading them takes nothing.
 */
import { FACTS_FIELD, SEARCH_FIELDS, SEARCH_KINDS, type SearchKind } from './documents';
import {
  FIELD_COUNT,
  NAME_FIELD_NUMBERS,
  NO_YEAR,
  STATUS_CODES,
  heardFields,
  type BaseIndex,
  type DerivedIndex,
  type FacetData,
} from './layout';
import { FACETS, type FacetField, type FacetView } from './facets';
import { invert, listOf, type Ragged } from './ragged';

export function deriveIndex(base: BaseIndex): DerivedIndex {
  return { postings: postingsOf(base), soundIndex: soundIndexOf(base), facets: facetData(base) };
}

function postingsOf({ documents: docs, values, vocabulary }: BaseIndex): Ragged {
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { start: wordStart, items: wordItems } = values.words;
  const isNameField = Array.from({ length: FIELD_COUNT }, (_, f) => NAME_FIELD_NUMBERS.includes(f));
  const factsField = SEARCH_FIELDS.indexOf(FACTS_FIELD);
  return invert((emit) => {
    for (let d = 0; d < docs.count; d++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        if (f === factsField) continue;
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
          const v = fieldItems[k] as number;
          emit(d, wordItems, wordStart[2 * v] as number, wordStart[2 * v + 1] as number);
          if (isNameField[f])
            emit(d, wordItems, wordStart[2 * v + 1] as number, wordStart[2 * v + 2] as number);
        }
      }
    }
  }, vocabulary.length);
}

function soundIndexOf({ documents: docs, values, phoneticKeys }: BaseIndex): Ragged {
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { start, items } = values.phonetic;
  return invert((emit) => {
    for (let d = 0; d < docs.count; d++) {
      if (docs.phonetic[d] !== 1) continue;
      for (const f of heardFields(docs.kind[d] as number)) {
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
          const v = fieldItems[k] as number;
          emit(d, items, start[v] as number, start[v + 1] as number);
        }
      }
    }
  }, phoneticKeys.length);
}

/** The facet columns of facets.ts: per document, its values as numbers into labels in order of first use. */
function facetData(base: BaseIndex): Record<FacetField, FacetData> {
  const { documents: docs, strings, values } = base;
  const count = docs.count;
  const factsField = SEARCH_FIELDS.indexOf(FACTS_FIELD);
  const personKind = SEARCH_KINDS.indexOf('person');
  const stringList = (lists: Ragged, d: number) => Array.from(listOf(lists, d), (id) => strings.get(id));
  const view: FacetView = {
    kind: (d) => SEARCH_KINDS[docs.kind[d] as number] as SearchKind,
    yearFrom: (d) => (docs.yearFrom[d] === NO_YEAR ? null : (docs.yearFrom[d] as number)),
    yearTo: (d) => (docs.yearTo[d] === NO_YEAR ? null : (docs.yearTo[d] as number)),
    status: (d) => STATUS_CODES[docs.status[d] as number] ?? null,
    collection: (d) => strings.get(docs.collection[d] as number),
    targetId: (d) => strings.get(docs.targetId[d] as number),
    places: (d) => stringList(docs.places, d),
    sources: (d) => stringList(docs.sources, d),
    facts: (d) =>
      docs.kind[d] === personKind
        ? Array.from(listOf(docs.fields, d * FIELD_COUNT + factsField), (v) =>
            strings.get(values.text[v] as number),
          )
        : [],
  };
  return Object.fromEntries(
    FACETS.map((facet): [FacetField, FacetData] => {
      const ids = new Map<string, number>();
      const labels: string[] = [];
      // The last document each value was added for: a document counts once per value.
      const addedFor: number[] = [];
      const lists = column(count, (d, add) => {
        facet.values(view, d, (value) => {
          let id = ids.get(value);
          if (id === undefined) {
            id = labels.length;
            ids.set(value, id);
            labels.push(value);
            addedFor.push(-1);
          }
          if (addedFor[id] !== d) {
            addedFor[id] = d;
            add(id);
          }
        });
      });
      return [facet.id, { labels, lists }];
    }),
  ) as Record<FacetField, FacetData>;
}

/** Per-document lists written straight into a growing typed array (no array per document). */
function column(count: number, listOf: (d: number, add: (item: number) => void) => void): Ragged {
  const start = new Int32Array(count + 1);
  let items = new Int32Array(count * 2 + 16);
  let length = 0;
  const add = (item: number) => {
    if (length === items.length) {
      const grown = new Int32Array(items.length * 2);
      grown.set(items);
      items = grown;
    }
    items[length++] = item;
  };
  for (let d = 0; d < count; d++) {
    listOf(d, add);
    start[d + 1] = length;
  }
  return { start, items: items.slice(0, length) };
}
