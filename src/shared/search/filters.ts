/**
 * The query's filters over the index: whether a document passes `kind:`, `year:`, `place:`, the person
 * filters (`born:`, `fate:`…), `source:`, `tag:`, `has:notes`, `status:` and `collection:`. Filters
 * of one field are alternatives (kind:place kind:person); different fields must all hold.
 */
import { FACTS_FIELD, SEARCH_FIELDS, SEARCH_KINDS } from './documents';
import type { Equivalent, EquivalenceTable } from './equivalences';
import { fold, foldedWords } from './fold';
import type { IndexContext } from './index-context';
import { FIELD_COUNT, NO_YEAR, STATUS_CODES } from './layout';
import { factValue, type DateFilterName, type FactKey } from './person-document';
import type { Filter, FilterField } from './query';
import { listOf } from './ragged';
import type { RecordLookups } from './record-lookups';
import type { EquivalentMatch } from './response';

export type FilterGroups = Map<FilterField, Filter[]>;

/** A word of a document's places that a `place:` filter matched as another form of its place. */
export interface PlaceEquivalent {
  /** The folded word, as in the document's folded places. */
  word: string;
  match: EquivalentMatch;
}

export interface Filters {
  /** Whether a document passes every filter of one field (one group). */
  passesGroup(index: number, group: readonly Filter[]): boolean;
  /** The other forms of the `place:` filters' places that document d holds (to show the match). */
  placeEquivalents(d: number, filters: readonly Filter[]): PlaceEquivalent[];
  /** Documents the user has notes on (for `has:notes`), by document number. */
  setNoted(noted: ReadonlySet<number>): void;
}

/** Filters grouped by field: OR inside a field (kind:place kind:person), AND across fields. */
export function filterGroups(filters: readonly Filter[]): FilterGroups {
  const groups = new Map<FilterField, Filter[]>();
  for (const filter of filters) groups.set(filter.field, [...(groups.get(filter.field) ?? []), filter]);
  return groups;
}

export function createFilters(
  context: IndexContext,
  lookups: RecordLookups,
  equivalences: EquivalenceTable,
): Filters {
  const { docs, values, strings } = context;
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { placeNames, sourceKeys } = lookups;
  let noted: ReadonlySet<number> = new Set<number>();

  const foldedTags = new Map<number, string>();
  const foldedTag = (id: number) => {
    let tag = foldedTags.get(id);
    if (tag === undefined) foldedTags.set(id, (tag = fold(strings.get(id))));
    return tag;
  };

  /**
   * The other forms of a place named in a `place:` filter (gazetteer and the collections' place
   * records: Вильно, Wilno, Vilna for Vilnius), folded, when the value is one word.
   */
  const placeFormCache = new Map<string, Map<string, Equivalent>>();
  function placeForms(folded: string): Map<string, Equivalent> {
    let forms = placeFormCache.get(folded);
    if (forms === undefined) {
      const words = foldedWords(folded);
      forms = new Map(
        words.length === 1
          ? [...equivalences.equivalentsOf(words[0] as string)].filter(([, eq]) => eq.kind === 'place')
          : [],
      );
      if (placeFormCache.size > 100) placeFormCache.clear();
      placeFormCache.set(folded, forms);
    }
    return forms;
  }

  /** A place name (folded) naming the filter's place: as written (a word prefix) or another form. */
  function namesPlace(name: string, folded: string, forms: ReadonlyMap<string, Equivalent>): boolean {
    if (name === folded || ` ${name}`.includes(` ${folded}`)) return true;
    for (const form of forms.keys()) if (hasWord(name, form)) return true;
    return false;
  }

  /** The folded place names of document d: its place records' names, and a person's place fields. */
  function placeNamesOf(d: number): string[] {
    const collection = strings.get(docs.collection[d] as number);
    const names: string[] = [];
    for (const id of listOf(docs.places, d))
      names.push(...(placeNames.get(`${collection}/${strings.get(id)}`) ?? []));
    for (const fact of factsOf(d)) {
      const value = factValue(fact, 'place');
      if (value !== undefined) names.push(value);
    }
    return names;
  }

  function matchesPlace(d: number, value: string, folded: string): boolean {
    const forms = placeForms(folded);
    const collection = strings.get(docs.collection[d] as number);
    for (const id of listOf(docs.places, d)) {
      const placeId = strings.get(id);
      if (placeId === value) return true;
      const names = placeNames.get(`${collection}/${placeId}`) ?? [];
      if (names.some((name) => namesPlace(name, folded, forms))) return true;
    }
    return anyFact(d, `place\n${folded}`, (fact) => {
      const name = factValue(fact, 'place');
      return name !== undefined && namesPlace(name, folded, forms);
    });
  }

  function matchesSource(d: number, value: string, folded: string): boolean {
    const collection = strings.get(docs.collection[d] as number);
    for (const id of listOf(docs.sources, d)) {
      const sourceId = strings.get(id);
      if (sourceId === value || sourceId.startsWith(folded)) return true;
      const keys = sourceKeys.get(`${collection}/${sourceId}`) ?? [];
      if (keys.some((key) => ` ${key}`.includes(` ${folded}`))) return true;
    }
    return false;
  }

  const foldedFilterValues = new Map<string, string>();
  const foldFilterValue = (value: string) => {
    let folded = foldedFilterValues.get(value);
    if (folded === undefined) foldedFilterValues.set(value, (folded = fold(value)));
    return folded;
  };

  const factsField = SEARCH_FIELDS.indexOf(FACTS_FIELD);
  const factsOf = (d: number): string[] =>
    Array.from(listOf(docs.fields, d * FIELD_COUNT + factsField), (v) =>
      strings.get(values.text[v] as number),
    );

  /**
   * Whether any fact of document d passes `test`. A registry repeats a few hundred places and dates
   * across 200,000 people, so each distinct fact (a value id) is tested once per filter, and the
   * verdicts are kept for the next keystroke: 1 passes, 2 does not, 0 not tested yet.
   */
  const factVerdicts = new Map<string, Uint8Array>();
  function anyFact(d: number, filterKey: string, test: (fact: string) => boolean): boolean {
    let verdicts = factVerdicts.get(filterKey);
    if (!verdicts) {
      if (factVerdicts.size >= 16) factVerdicts.clear();
      factVerdicts.set(filterKey, (verdicts = new Uint8Array(values.count)));
    }
    const list = d * FIELD_COUNT + factsField;
    const end = fieldStart[list + 1] as number;
    for (let k = fieldStart[list] as number; k < end; k++) {
      const v = fieldItems[k] as number;
      let verdict = verdicts[v] as number;
      if (verdict === 0) verdicts[v] = verdict = test(strings.get(values.text[v] as number)) ? 1 : 2;
      if (verdict === 1) return true;
    }
    return false;
  }

  /** A person fact of this key whose (folded) value has the folded query value as a word prefix. */
  function factsMatch(d: number, key: FactKey, folded: string, how: 'prefix' | 'contains'): boolean {
    return anyFact(d, `${key}\n${how}\n${folded}`, (fact) => {
      const value = factValue(fact, key);
      if (value === undefined) return false;
      return how === 'prefix' ? value.startsWith(folded) : ` ${value}`.includes(` ${folded}`);
    });
  }

  /** A person date of this filter whose years overlap from..to. */
  function factsInYears(d: number, key: DateFilterName, from: number | null, to: number | null): boolean {
    return anyFact(d, `${key}\n${from}..${to}`, (fact) => {
      const value = factValue(fact, key);
      if (value === undefined) return false;
      const [a, b] = value.split('..').map(Number) as [number, number];
      return (to === null || a <= to) && (from === null || b >= from);
    });
  }

  function passes(d: number, filter: Filter): boolean {
    let result: boolean;
    switch (filter.field) {
      case 'kind':
        result = SEARCH_KINDS[docs.kind[d] as number] === filter.kind;
        break;
      case 'year': {
        const from = docs.yearFrom[d] as number;
        const to = docs.yearTo[d] as number;
        result =
          from !== NO_YEAR &&
          to !== NO_YEAR &&
          (filter.to === null || from <= filter.to) &&
          (filter.from === null || to >= filter.from);
        break;
      }
      case 'place':
        result = matchesPlace(d, filter.value, foldFilterValue(filter.value));
        break;
      case 'born':
      case 'died':
      case 'arrested':
      case 'sentenced':
      case 'deported':
      case 'released':
      case 'returned':
      case 'rehabilitated':
        result =
          filter.place === undefined
            ? factsInYears(d, filter.field, filter.from, filter.to)
            : factsMatch(
                d,
                filter.field === 'born' ? 'birthplace' : filter.field === 'died' ? 'deathplace' : 'place',
                foldFilterValue(filter.place),
                'contains',
              );
        break;
      case 'fate':
        result = factsMatch(d, 'fate', foldFilterValue(filter.value), 'prefix');
        break;
      case 'case':
        result = factsMatch(d, 'case', foldFilterValue(filter.value), 'prefix');
        break;
      case 'archive':
        result = factsMatch(d, 'archive', foldFilterValue(filter.value), 'contains');
        break;
      case 'birthplace':
      case 'destination':
        result = factsMatch(d, filter.field, foldFilterValue(filter.value), 'contains');
        break;
      case 'source':
        result = matchesSource(d, filter.value, foldFilterValue(filter.value));
        break;
      case 'tag': {
        const folded = foldFilterValue(filter.value);
        result = Array.from(listOf(docs.tags, d)).some((id) => foldedTag(id).startsWith(folded));
        break;
      }
      case 'has':
        result = noted.has(d);
        break;
      case 'status':
        result = STATUS_CODES[docs.status[d] as number] === filter.value;
        break;
      case 'collection':
        result = strings.get(docs.collection[d] as number) === filter.value.toLowerCase();
        break;
    }
    return filter.negated ? !result : result;
  }

  return {
    passesGroup(index, group) {
      let anyPositive = false;
      let positiveHit = false;
      for (const filter of group) {
        if (filter.negated) {
          if (!passes(index, filter)) return false;
        } else {
          anyPositive = true;
          if (!positiveHit && passes(index, filter)) positiveHit = true;
        }
      }
      return !anyPositive || positiveHit;
    },
    placeEquivalents(d, filters) {
      const found: PlaceEquivalent[] = [];
      const places = filters.filter((filter) => filter.field === 'place' && !filter.negated);
      if (places.length === 0) return found;
      const names = placeNamesOf(d);
      for (const filter of places) {
        if (!('value' in filter)) continue;
        for (const [word, equivalent] of placeForms(foldFilterValue(filter.value))) {
          if (!names.some((name) => hasWord(name, word))) continue;
          const { form, canonical, kind } = equivalent;
          found.push({ word, match: { found: form, query: filter.value, canonical, kind } });
        }
      }
      return found;
    },
    setNoted(documents) {
      noted = documents;
    },
  };
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether `word` is a whole word of `text` (not part of a longer one: Vilne is not Vilnelė). */
export function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : text.slice(at - 1, at);
    const after = text.slice(at + word.length, at + word.length + 1);
    if (!WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after)) return true;
  }
  return false;
}
