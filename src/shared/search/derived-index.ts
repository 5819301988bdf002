/**
 * What searching needs beyond the prepared columns, derived from them once: postings (word →
 * documents), the sound index (Daitch–Mokotoff key → documents) and the facet columns. Stored in the
 * snapshot with the rest: deriving them takes a second in a freshly started worker at 200,000
 * documents (before the JIT has warmed up), reading them takes nothing.
 */
import { FACTS_FIELD, SEARCH_FIELDS, SEARCH_KINDS } from './documents';
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
import type { FacetField } from './response';
import { invert, type Ragged } from './ragged';

/** Dates spanning more years than a lifetime are left out of the period facet. */
const MAX_YEAR_SPAN = 80;

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

/**
 * The facet columns: kind, years covered, places, sources (not of bibliography entries), status, and
 * the collection each document is from.
 */
function facetData(base: BaseIndex): Record<FacetField, FacetData> {
  const { documents: docs, strings } = base;
  const count = docs.count;
  const bibliographyKind = SEARCH_KINDS.indexOf('bibliography');
  const dated = (d: number) => {
    const from = docs.yearFrom[d] as number;
    const to = docs.yearTo[d] as number;
    return from !== NO_YEAR && to !== NO_YEAR && to - from <= MAX_YEAR_SPAN;
  };

  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let d = 0; d < count; d++) {
    if (!dated(d)) continue;
    minYear = Math.min(minYear, docs.yearFrom[d] as number);
    maxYear = Math.max(maxYear, docs.yearTo[d] as number);
  }
  const yearLabels = Number.isFinite(minYear)
    ? Array.from({ length: maxYear - minYear + 1 }, (_, i) => String(minYear + i))
    : [];

  /** A column from per-document lists of string ids, labels numbered densely in order of first use. */
  const fromStringIds = (lists: Ragged, keep: (d: number, id: number) => boolean) => {
    const labelOf = new Int32Array(strings.size).fill(-1);
    const labels: string[] = [];
    return {
      labels,
      lists: column(count, (d, add) => {
        for (let i = lists.start[d] as number; i < (lists.start[d + 1] as number); i++) {
          const id = lists.items[i] as number;
          if (!keep(d, id)) continue;
          if (labelOf[id] === -1) {
            labelOf[id] = labels.length;
            labels.push(strings.get(id));
          }
          add(labelOf[id] as number);
        }
      }),
    };
  };

  return {
    kind: { labels: [...SEARCH_KINDS], lists: column(count, (d, add) => add(docs.kind[d] as number)) },
    year: {
      labels: yearLabels,
      lists: column(count, (d, add) => {
        if (!dated(d)) return;
        for (let year = docs.yearFrom[d] as number; year <= (docs.yearTo[d] as number); year++)
          add(year - minYear);
      }),
    },
    // A place's own id is not one of its places.
    place: fromStringIds(docs.places, (d, id) => id !== docs.targetId[d]),
    source: fromStringIds(docs.sources, (d) => docs.kind[d] !== bibliographyKind),
    collection: fromStringIds(
      { start: Int32Array.from({ length: count + 1 }, (_, d) => d), items: docs.collection },
      () => true,
    ),
    status: {
      labels: STATUS_CODES.map((code) => code ?? ''),
      lists: column(count, (d, add) => {
        if (docs.status[d] !== 0) add(docs.status[d] as number);
      }),
    },
  };
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
