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

  /** A document tied to the place: by a place record (id or any name) or a person's place fields. */
  function placeTest(value: string): (d: number) => boolean {
    const folded = foldFilterValue(value);
    const forms = placeForms(folded);
    const inFacts = factTest(`place\n${folded}`, (fact) => {
      const name = factValue(fact, 'place');
      return name !== undefined && namesPlace(name, folded, forms);
    });
    return (d) => {
      const places = listOf(docs.places, d);
      if (places.length > 0) {
        const collection = strings.get(docs.collection[d] as number);
        for (const id of places) {
          const placeId = strings.get(id);
          if (placeId === value) return true;
          const names = placeNames.get(`${collection}/${placeId}`) ?? [];
          if (names.some((name) => namesPlace(name, folded, forms))) return true;
        }
      }
      return inFacts(d);
    };
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
   * Whether any fact of a document passes `test`. A registry repeats a few hundred places and dates
   * across 200,000 people, so each distinct fact (a value id) is tested once per filter value, and the
   * verdicts are kept for the next keystroke: 1 passes, 2 does not, 0 not tested yet.
   */
  const factVerdicts = new Map<string, Uint8Array>();
  function factTest(filterKey: string, test: (fact: string) => boolean): (d: number) => boolean {
    let verdicts = factVerdicts.get(filterKey);
    if (!verdicts) {
      if (factVerdicts.size >= 16) factVerdicts.clear();
      factVerdicts.set(filterKey, (verdicts = new Uint8Array(values.count)));
    }
    const known = verdicts;
    return (d) => {
      const list = d * FIELD_COUNT + factsField;
      const end = fieldStart[list + 1] as number;
      for (let k = fieldStart[list] as number; k < end; k++) {
        const v = fieldItems[k] as number;
        let verdict = known[v] as number;
        if (verdict === 0) known[v] = verdict = test(strings.get(values.text[v] as number)) ? 1 : 2;
        if (verdict === 1) return true;
      }
      return false;
    };
  }

  /** A person fact of this key whose (folded) value has the folded query value as a word prefix. */
  function factsMatch(key: FactKey, folded: string, how: 'prefix' | 'contains'): (d: number) => boolean {
    return factTest(`${key}\n${how}\n${folded}`, (fact) => {
      const value = factValue(fact, key);
      if (value === undefined) return false;
      return how === 'prefix' ? value.startsWith(folded) : ` ${value}`.includes(` ${folded}`);
    });
  }

  /** A person date of this filter whose years overlap from..to. */
  function factsInYears(key: DateFilterName, from: number | null, to: number | null): (d: number) => boolean {
    return factTest(`${key}\n${from}..${to}`, (fact) => {
      const value = factValue(fact, key);
      if (value === undefined) return false;
      const [a, b] = value.split('..').map(Number) as [number, number];
      return (to === null || a <= to) && (from === null || b >= from);
    });
  }

  /** A filter as a test of a document, made once per query (its values folded, its verdicts found). */
  function compile(filter: Filter): (d: number) => boolean {
    switch (filter.field) {
      case 'kind': {
        const kind = SEARCH_KINDS.indexOf(filter.kind);
        return (d) => docs.kind[d] === kind;
      }
      case 'year':
        return (d) => {
          const from = docs.yearFrom[d] as number;
          const to = docs.yearTo[d] as number;
          return (
            from !== NO_YEAR &&
            to !== NO_YEAR &&
            (filter.to === null || from <= filter.to) &&
            (filter.from === null || to >= filter.from)
          );
        };
      case 'place':
        return placeTest(filter.value);
      case 'born':
      case 'died':
      case 'arrested':
      case 'sentenced':
      case 'deported':
      case 'released':
      case 'returned':
      case 'rehabilitated':
        return filter.place === undefined
          ? factsInYears(filter.field, filter.from, filter.to)
          : factsMatch(
              filter.field === 'born' ? 'birthplace' : filter.field === 'died' ? 'deathplace' : 'place',
              foldFilterValue(filter.place),
              'contains',
            );
      case 'fate':
      case 'case':
        return factsMatch(filter.field, foldFilterValue(filter.value), 'prefix');
      case 'archive':
      case 'birthplace':
      case 'destination':
        return factsMatch(filter.field, foldFilterValue(filter.value), 'contains');
      case 'source': {
        const folded = foldFilterValue(filter.value);
        return (d) => matchesSource(d, filter.value, folded);
      }
      case 'tag': {
        const folded = foldFilterValue(filter.value);
        return (d) => Array.from(listOf(docs.tags, d)).some((id) => foldedTag(id).startsWith(folded));
      }
      case 'has':
        return (d) => noted.has(d);
      case 'status':
        return (d) => STATUS_CODES[docs.status[d] as number] === filter.value;
      case 'collection': {
        const collection = filter.value.toLowerCase();
        return (d) => strings.get(docs.collection[d] as number) === collection;
      }
    }
  }

  /** Each group's filters compiled, once per query (a query's groups are new arrays). */
  const compiled = new WeakMap<readonly Filter[], { negated: boolean; test: (d: number) => boolean }[]>();
  function compiledGroup(group: readonly Filter[]) {
    let tests = compiled.get(group);
    if (!tests) {
      tests = group.map((filter) => ({ negated: filter.negated, test: compile(filter) }));
      compiled.set(group, tests);
    }
    return tests;
  }

  return {
    passesGroup(index, group) {
      let anyPositive = false;
      let positiveHit = false;
      for (const { negated, test } of compiledGroup(group)) {
        if (negated) {
          if (test(index)) return false;
        } else {
          anyPositive = true;
          if (!positiveHit && test(index)) positiveHit = true;
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
