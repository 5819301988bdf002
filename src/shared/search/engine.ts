/**
 * The search engine: one index over every document (records, text sections, bibliography entries,
 * later notes), queried with the query language of query.ts. Pure and synchronous, so it runs the same
 * in the renderer's Web Worker, in Node tests and in benchmarks.
 *
 * Indexing (prepared-index.ts) folds every distinct string once (fold.ts): names twice (š→sh and š→s,
 * so queries typed with or without diacritics both match exactly), and the names of people and places
 * also get Daitch–Mokotoff keys (phonetic.ts). Every folded word goes into a vocabulary with postings
 * (word → documents). The prepared index can be saved as bytes and opened again without redoing that
 * work (snapshot.ts): a 200,000-person registry reopens in a fraction of its indexing time.
 *
 * Searching: Fuse.js matches each query word against the vocabulary (fuzzy: one typo from four letters,
 * two from seven; anywhere in a word, so prefixes typed so far match). The documents holding a matching
 * word for every query word (or sounding alike for every word, for names) are the candidates; only they
 * are scored. Running Fuse over whole documents instead costs seconds per keystroke at 50,000 records
 * (bench/search.ts shows both), because its bitap scan reads every field of every document per query.
 *
 * Ranking, deterministic. First by the kind of match (MatchKind): a document is as good as its weakest
 * query word's best match, whole word (exact, or equal once folded) > start of a word > inside a word >
 * an equivalent name (equivalences.ts: Вильно for Vilnius, Иван for Jonas) > a typo > sounding alike.
 * Within a kind: per query word, the best word match weighted by field (title and names count most) and
 * by match quality, averaged over the query words; then fixed boosts for an exact or prefix match of the
 * whole query on a title or name, for whole-word matches and for a phonetic match. Names found only by
 * sound rank by how close their folded spelling is to the query (Jaro–Winkler), not alphabetically.
 * Ties break by kind, then title, then id.
 *
 * Typos and sound-alikes are weak: a query that has stronger matches lists only those, and says how
 * many similar spellings it left out (`similar`); `{ similar: true }` lists them after the others. A
 * query with nothing stronger lists them as before.
 */
import type { IFuseOptions } from 'fuse.js';
import {
  FACTS_FIELD,
  SEARCH_FIELDS,
  SEARCH_KINDS,
  type EvidenceStatus,
  type SearchDocument,
  type SearchField,
  type SearchKind,
} from './documents';
import { FacetColumn } from './facet-column';
import { factValue, type DateFilterName, type FactKey } from './person-document';
import { fold, foldedWords, foldWithOffsets, mapRangesToOriginal } from './fold';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import {
  BUNDLED_EQUIVALENCES,
  EquivalenceTable,
  type EquivalenceGroup,
  type EquivalenceKind,
  type Equivalent,
} from './equivalences';
import { MIN_PHONETIC_LENGTH, phoneticCodes, spellingSkeleton } from './phonetic';
import {
  AUTHORS_FIELD,
  FIELD_COUNT,
  NAME_FIELD_NUMBERS,
  NO_STRING,
  NO_YEAR,
  STATUS_CODES,
  documentAt,
  prepareIndex,
  type PreparedIndex,
} from './prepared-index';
import { parseQuery, type Filter, type FilterField, type ParsedQuery, type QueryError } from './query';
import { listOf } from './ragged';
import { VocabularyMatcher } from './vocabulary-matcher';
import { decodeSnapshot, encodeSnapshot } from './snapshot';

export interface SearchMatch {
  field: SearchField;
  /** Index of the value in `document.fields[field]`. */
  value: number;
  /** Highlight ranges over that original string: `[start, end)` UTF-16 offsets. */
  ranges: [number, number][];
}

/**
 * How a result matched, strongest first: every query word as written (`exact`) or equal once folded
 * (`fold`: without diacritics, in another alphabet or transliteration), at the start of a word, inside
 * a word, as an equivalent name, with a typo, or only by sound. The weakest word decides.
 */
export const MATCH_KINDS = ['exact', 'fold', 'prefix', 'partial', 'equivalent', 'fuzzy', 'sound'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A word of the result that is another form of a query word (Вильно for Vilnius). */
export interface EquivalentMatch {
  /** The form found, as the gazetteer lists it. */
  found: string;
  /** The query word, as typed. */
  query: string;
  /** The name of the place or given name both are forms of. */
  canonical: string;
  kind: EquivalenceKind;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  /** Relevance: higher is better. */
  score: number;
  /** How it matched (absent when the query has filters only). */
  matchKind?: MatchKind;
  /** Words found as another form of a query word. */
  equivalents?: EquivalentMatch[];
  matches: SearchMatch[];
  /** The document itself, so the result list needs no copy of the whole collection. */
  document: SearchDocument;
}

export interface FacetCount {
  value: string;
  count: number;
  /** What to show for the value when it is an id (a place's or a source's title). */
  label?: string;
}

export type FacetField = 'kind' | 'year' | 'place' | 'source' | 'status' | 'collection';

export type SearchFacets = Record<FacetField, FacetCount[]>;

export interface SearchResponse {
  /** How many documents match (hits holds the best `limit` of them). */
  total: number;
  hits: SearchHit[];
  /** Matches per kind, for the grouped result list. */
  kindCounts: FacetCount[];
  facets: SearchFacets;
  errors: QueryError[];
  /** The query has too little text to search yet (a single letter) and no filter. */
  tooShort: boolean;
  /** Matches by typo or sound left out because stronger ones exist (see SearchOptions.similar). */
  similar?: number;
}

export interface SearchOptions {
  /** Most hits returned (default 100). */
  limit?: number;
  /** Most values per facet for place and source (default 12). */
  facetLimit?: number;
  /** List matches by typo or sound even when stronger ones exist (after them). */
  similar?: boolean;
}

export interface EngineOptions {
  /** Equivalent names to use besides the bundled ones (resources/gazetteer). */
  equivalences?: readonly EquivalenceGroup[];
}

/** Field weights: a match in a title or a name counts for more than one in a long summary. */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  title: 1,
  names: 0.9,
  authors: 0.9,
  tags: 0.6,
  places: 0.45,
  summary: 0.4,
  claims: 0.35,
  body: 0.4,
  years: 0.5,
  details: 0.35,
  // Facts are for filters only: never searched as words (no postings, see derived-index.ts).
  facts: 0,
};

/** Fuse options for matching one query word against the vocabulary of folded words. */
export const VOCABULARY_FUSE_OPTIONS: IFuseOptions<string> & { threshold: number } = {
  // Text is folded already; Fuse's own lower-casing would only repeat work.
  isCaseSensitive: true,
  // Match anywhere in the word: "auskas" finds "kazlauskas", and a prefix finds the word being typed.
  ignoreLocation: true,
  // 0.3: one typo from four letters on, two from seven (bitap score = errors / word length).
  threshold: 0.3,
  ignoreFieldNorm: true,
  includeScore: true,
  shouldSort: false,
};

/** How much a word match is worth, by kind of match. */
export const MATCH_QUALITY = {
  exact: 1,
  prefix: 0.8,
  infix: 0.6,
  typo: 0.7,
  equivalent: 0.75,
  patronymic: 0.6,
} as const;

/** Kinds of word match, weakest first; a document ranks by its weakest query word's best. */
const TIER = { sound: 1, typo: 2, equivalent: 3, infix: 4, prefix: 5, exact: 6 } as const;
/** Tiers at or above this are strong: typos and sound-alikes are left out when any such match exists. */
const STRONG_TIER = TIER.equivalent;
/** Score distance between tiers: more than anything scoring within a tier adds up to. */
const TIER_SPAN = 4;

/** Boosts added to the base relevance (0–1). */
export const BOOSTS = {
  exactName: 1,
  namePrefix: 0.5,
  nameWordPrefix: 0.3,
  wholeWords: 0.2,
  phonetic: 0.25,
  /** Share of the name boosts an author's name earns a bibliography entry. */
  authorFactor: 0.6,
} as const;

const MIN_QUERY_LENGTH = 2;

/**
 * Most candidates scored per query. A two-letter prefix in a 200,000-person registry matches most of
 * it; scoring every match costs hundreds of milliseconds per keystroke and changes nothing the user sees
 * (only the best 100 are shown). Above the cap, candidates are taken in order of how well their word
 * matches the word being typed (whole word, then prefix, then inside a word, then typo), so the best
 * are among those scored; the rest still count in totals and facets. Small collections never reach it.
 */
export const SCORE_CAP = 3000;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Merges sh/zh/ch into s/z/c so phrases and exclusions typed without diacritics still apply. */
const skeletonOf = (folded: string): string => folded.replace(/([szc])h/g, '$1');
const words = (folded: string): string => foldedWords(folded).join(' ');

interface Candidate {
  index: number;
  score: number;
}

/** Documents sounding like every query word. */
interface SoundAlike {
  list: readonly number[];
  has(d: number): boolean;
}

/** The candidates of the query being run, in reused arrays (see `textCandidates`). */
interface Candidates {
  indexes: Int32Array;
  scores: Float64Array;
  length: number;
  /** Weak matches left out are at [length, weakEnd) of `indexes`. */
  weakEnd: number;
}

/** Quality of each vocabulary word that matches one query word, by word id; its tier; equivalences. */
interface TermMatches extends Map<number, number> {
  tiers: Map<number, number>;
  equivalents: Map<number, Equivalent>;
  /** Word ids, best first (by tier, then quality): sorted once, as the term is cached. */
  ordered: number[];
}

export interface SearchEngine {
  readonly size: number;
  /** Distinct folded words indexed. */
  readonly vocabularySize: number;
  search(query: string, options?: SearchOptions): SearchResponse;
  /** Documents the user has notes on (for `has:notes`), by document id. */
  setNotedDocuments(ids: Iterable<string>): void;
  /** The prepared index as bytes, for loadSearchEngine (see snapshot.ts). */
  snapshot(): Uint8Array;
}

/** Builds the index of these documents (folding every distinct value once). */
export function createSearchEngine(
  documents: readonly SearchDocument[],
  options: EngineOptions = {},
): SearchEngine {
  return searchEngineOver(prepareIndex(documents), options);
}

/** Opens a snapshot made by `engine.snapshot()`; throws SnapshotError when it is not a valid one. */
export function loadSearchEngine(bytes: Uint8Array, options: EngineOptions = {}): SearchEngine {
  return searchEngineOver(decodeSnapshot(bytes), options);
}

/** The engine over a prepared index, built or loaded: word lookup, filters, scoring, facets. */
function searchEngineOver(prepared: PreparedIndex, options: EngineOptions): SearchEngine {
  const { documents: docs, values, strings, vocabulary } = prepared;
  const count = docs.count;
  const wordIds = new Map(vocabulary.map((word, id) => [word, id]));
  const fieldWeights = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);
  const isNameField = SEARCH_FIELDS.map((_, f) => NAME_FIELD_NUMBERS.includes(f));
  const { start: fieldStart, items: fieldItems } = docs.fields;
  const { start: wordStart, items: wordItems } = values.words;

  const { postings, soundIndex: phoneticIndex } = prepared.derived;
  const phoneticKeyIds = new Map(prepared.phoneticKeys.map((key, id) => [key, id]));

  /** Folded names of a document (both forms), title and names fields, or authors. */
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

  const facetColumns = Object.fromEntries(
    Object.entries(prepared.derived.facets).map(([field, { labels, lists }]) => [
      field,
      new FacetColumn(labels, lists),
    ]),
  ) as Record<FacetField, FacetColumn>;
  // Names of places and bibliography entries, folded, for the place: and source: filters, and their
  // titles as facet labels.
  const placeNames = new Map<string, string[]>();
  const placeGroups: EquivalenceGroup[] = [];
  /**
   * A collection's own place records extend the gazetteer: the one-word names of a place (its labels in
   * every language, its alternate names) are equivalent in every field, not only on the place's page.
   */
  function placeRecordGroup(d: number, target: string, title: string): EquivalenceGroup | null {
    const forms = new Map<string, string>();
    for (const f of NAME_FIELD_NUMBERS) {
      if (f === AUTHORS_FIELD) continue;
      for (const v of listOf(docs.fields, d * FIELD_COUNT + f)) {
        const original = strings.get(values.text[v] as number);
        const folded = foldedWords(fold(original));
        if (folded.length === 1 && !forms.has(folded[0] as string)) forms.set(folded[0] as string, original);
      }
    }
    return forms.size > 1
      ? { id: `record:${target}`, canonical: title, kind: 'place', forms: [...forms.values()] }
      : null;
  }
  const sourceKeys = new Map<string, string[]>();
  const labels = { place: new Map<string, string>(), source: new Map<string, string>() };
  const placeKind = SEARCH_KINDS.indexOf('place');
  const bibliographyKind = SEARCH_KINDS.indexOf('bibliography');
  const summaryField = SEARCH_FIELDS.indexOf('summary');
  for (let d = 0; d < count; d++) {
    const kind = docs.kind[d];
    if (kind !== placeKind && kind !== bibliographyKind) continue;
    const target = strings.get(docs.targetId[d] as number);
    const key = `${strings.get(docs.collection[d] as number)}/${target}`;
    const title = strings.get(docs.title[d] as number);
    if (kind === placeKind) {
      placeNames.set(key, namesOf(d, false));
      if (!labels.place.has(target)) labels.place.set(target, title);
      const group = placeRecordGroup(d, target, title);
      if (group) placeGroups.push(group);
    } else {
      const summaries = Array.from(listOf(docs.fields, d * FIELD_COUNT + summaryField), (v) =>
        fold(strings.get(values.text[v] as number)),
      );
      sourceKeys.set(key, [...namesOf(d, false), ...summaries]);
      if (!labels.source.has(target)) labels.source.set(target, title);
    }
  }

  const equivalences = new EquivalenceTable([
    ...BUNDLED_EQUIVALENCES,
    ...(options.equivalences ?? []),
    ...placeGroups,
  ]);
  const vocabularyMatcher = new VocabularyMatcher(vocabulary, VOCABULARY_FUSE_OPTIONS);
  // Typing repeats the same words (every prefix, then the next word): remember recent lookups.
  const termCache = new Map<string, TermMatches>();

  function matchTerm(term: string): TermMatches {
    const cached = termCache.get(term);
    if (cached) return cached;
    const matches: TermMatches = Object.assign(new Map<number, number>(), {
      tiers: new Map<number, number>(),
      equivalents: new Map<number, Equivalent>(),
      ordered: [] as number[],
    });
    // Bitap handles at most 32 characters; longer words are matched exactly.
    const results =
      term.length > 32
        ? wordIds.has(term)
          ? [{ refIndex: wordIds.get(term) as number, score: 0 }]
          : []
        : vocabularyMatcher.search(term);
    for (const result of results) {
      const word = vocabulary[result.refIndex] as string;
      let quality: number;
      let tier: number;
      if (word === term) {
        quality = MATCH_QUALITY.exact;
        tier = TIER.exact;
      } else if (word.startsWith(term)) {
        quality = MATCH_QUALITY.prefix + 0.1 * (term.length / word.length);
        tier = TIER.prefix;
      } else if (word.includes(term)) {
        quality = MATCH_QUALITY.infix + 0.1 * (term.length / word.length);
        tier = TIER.infix;
      } else {
        quality = MATCH_QUALITY.typo * (1 - (result.score ?? 0));
        tier = TIER.typo;
      }
      matches.set(result.refIndex, quality);
      matches.tiers.set(result.refIndex, tier);
    }
    // Other forms of the same place or name: stronger than a typo that happens to look like one.
    for (const [word, equivalent] of equivalences.equivalentsOf(term)) {
      const id = wordIds.get(word);
      if (id === undefined || (matches.tiers.get(id) ?? 0) >= TIER.equivalent) continue;
      matches.set(id, equivalent.kind === 'patronymic' ? MATCH_QUALITY.patronymic : MATCH_QUALITY.equivalent);
      matches.tiers.set(id, TIER.equivalent);
      matches.equivalents.set(id, equivalent);
    }
    matches.ordered = byQuality(matches);
    if (termCache.size > 500) termCache.clear();
    termCache.set(term, matches);
    return matches;
  }

  let noted = new Set<number>();

  /** A document's number by id: binary search over the ids in order (no map of 200,000 ids). */
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

  // Sound-alike matching marks documents in a reused array (a Set of 100,000 numbers per keystroke
  // cost more than the rest of the search): heard[d] === mark means d sounds like every word so far.
  const heard = new Int32Array(count);
  let heardGeneration = 0;

  /** The documents whose names sound like every query word, or null when a word is too short. */
  function phoneticMatches(terms: readonly string[]): SoundAlike | null {
    // Only when every word is long enough to be heard: a short word would match half the names.
    if (terms.length === 0 || terms.some((term) => term.length < MIN_PHONETIC_LENGTH)) return null;
    if (heardGeneration > 0x3fffffff - terms.length - 2) {
      heard.fill(0);
      heardGeneration = 0;
    }
    const base = heardGeneration;
    heardGeneration += terms.length + 1;
    const list: number[] = [];
    terms.forEach((term, t) => {
      const required = base + t; // heard every earlier word (nothing required of the first)
      const mark = base + t + 1;
      const last = t === terms.length - 1;
      for (const code of phoneticCodes(term)) {
        const key = phoneticKeyIds.get(code);
        if (key === undefined) continue;
        const end = phoneticIndex.start[key + 1] as number;
        for (let i = phoneticIndex.start[key] as number; i < end; i++) {
          const d = phoneticIndex.items[i] as number;
          if (heard[d] === mark || (t > 0 && heard[d] !== required)) continue;
          heard[d] = mark;
          if (last) list.push(d);
        }
      }
    });
    const matched = base + terms.length;
    return { list, has: (d) => heard[d] === matched };
  }

  function nameBoost(names: readonly string[], joined: string): number {
    let best = 0;
    for (const name of names) {
      if (name === joined) return BOOSTS.exactName;
      if (name.startsWith(joined)) best = Math.max(best, BOOSTS.namePrefix);
      // A later word of the name starts with the query (no string built: this runs per candidate).
      else if (name.includes(` ${joined}`)) best = Math.max(best, BOOSTS.nameWordPrefix);
    }
    return best;
  }

  /** Whether word `wordId` is a whole word of the document's title or names (either folded form). */
  function isNameWord(d: number, wordId: number): boolean {
    for (const f of NAME_FIELD_NUMBERS) {
      if (f === AUTHORS_FIELD) continue;
      const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
      for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
        const v = fieldItems[k] as number;
        const last = wordStart[2 * v + 2] as number;
        for (let i = wordStart[2 * v] as number; i < last; i++) if (wordItems[i] === wordId) return true;
      }
    }
    return false;
  }

  function boost(d: number, exactIds: readonly number[], joined: string, phonetic: boolean): number {
    const whole = exactIds.length > 0 && exactIds.every((id) => id >= 0 && isNameWord(d, id));
    let best = Math.max(
      nameBoost(namesOf(d, false), joined),
      BOOSTS.authorFactor * nameBoost(namesOf(d, true), joined),
    );
    // A person is named by any of their names: "Lukša" names Juozas Lukša as fully as "Juozas Lukša".
    if (whole && docs.kind[d] === personKind) best = BOOSTS.exactName;
    return best + (whole ? BOOSTS.wholeWords : 0) + (phonetic ? BOOSTS.phonetic : 0);
  }
  const personKind = SEARCH_KINDS.indexOf('person');

  /** A term's matches as an array by word id (0: no match): a lookup per word, without hashing. */
  function qualityArray(matches: TermMatches): Float32Array {
    const array = new Float32Array(vocabulary.length);
    for (const [wordId, quality] of matches) array[wordId] = quality;
    return array;
  }

  /** Base relevance: per query word the best weighted match in the document, averaged. */
  function baseScore(d: number, qualities: readonly Float32Array[]): number | null {
    let total = 0;
    for (const quality of qualities) {
      let best = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const weight = fieldWeights[f] as number;
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
          const v = fieldItems[k] as number;
          const last = wordStart[isNameField[f] ? 2 * v + 2 : 2 * v + 1] as number;
          for (let i = wordStart[2 * v] as number; i < last; i++) {
            const q = quality[wordItems[i] as number] as number;
            if (q > 0 && q * weight > best) best = q * weight;
          }
        }
      }
      if (best === 0) return null;
      total += best;
    }
    return total / qualities.length;
  }

  // Every folded value of a document on a line of its own, s/z/c + h merged, for phrases and
  // exclusions: made when a query has them, for its candidates only.
  const skeletonLines = new Map<number, string>();
  function skeletonOfDocument(d: number): string {
    const lines: string[] = [];
    const end = fieldStart[(d + 1) * FIELD_COUNT] as number;
    for (let k = fieldStart[d * FIELD_COUNT] as number; k < end; k++) {
      const v = fieldItems[k] as number;
      let line = skeletonLines.get(v);
      if (line === undefined) {
        line = skeletonOf(words(fold(strings.get(values.text[v] as number))));
        if (skeletonLines.size > 100_000) skeletonLines.clear();
        skeletonLines.set(v, line);
      }
      lines.push(line);
    }
    return `\n${lines.join('\n')}\n`;
  }

  const foldedTags = new Map<number, string>();
  const foldedTag = (id: number) => {
    let tag = foldedTags.get(id);
    if (tag === undefined) foldedTags.set(id, (tag = fold(strings.get(id))));
    return tag;
  };

  function matchesPlace(d: number, value: string, folded: string): boolean {
    const collection = strings.get(docs.collection[d] as number);
    for (const id of listOf(docs.places, d)) {
      const placeId = strings.get(id);
      if (placeId === value) return true;
      const names = placeNames.get(`${collection}/${placeId}`) ?? [];
      if (names.some((name) => name === folded || ` ${name}`.includes(` ${folded}`))) return true;
    }
    return false;
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

  /** A person fact of this key whose (folded) value has the folded query value as a word prefix. */
  function factsMatch(d: number, key: FactKey, folded: string, how: 'prefix' | 'contains'): boolean {
    for (const fact of factsOf(d)) {
      const value = factValue(fact, key);
      if (value === undefined) continue;
      if (how === 'prefix' ? value.startsWith(folded) : ` ${value}`.includes(` ${folded}`)) return true;
    }
    return false;
  }

  /** A person date of this filter whose years overlap from..to. */
  function factsInYears(d: number, key: DateFilterName, from: number | null, to: number | null): boolean {
    for (const fact of factsOf(d)) {
      const value = factValue(fact, key);
      if (value === undefined) continue;
      const [a, b] = value.split('..').map(Number) as [number, number];
      if ((to === null || a <= to) && (from === null || b >= from)) return true;
    }
    return false;
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
        result =
          matchesPlace(d, filter.value, foldFilterValue(filter.value)) ||
          factsMatch(d, 'place', foldFilterValue(filter.value), 'contains');
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

  /** Filters grouped by field: OR inside a field (kind:place kind:person), AND across fields. */
  function filterGroups(filters: readonly Filter[]): Map<FilterField, Filter[]> {
    const groups = new Map<FilterField, Filter[]>();
    for (const filter of filters) groups.set(filter.field, [...(groups.get(filter.field) ?? []), filter]);
    return groups;
  }

  function passesGroup(index: number, group: readonly Filter[]): boolean {
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
  }

  function queryTerms(parsed: ParsedQuery): string[] {
    const phraseWords = parsed.phrases.flatMap((phrase) => foldedWords(fold(phrase)));
    return [...new Set([...parsed.terms.flatMap((term) => foldedWords(fold(term))), ...phraseWords])];
  }

  // Per-query scratch space, reused: at 200,000 documents a short prefix matches nearly all of them,
  // and arrays or objects per match on every keystroke cost more than the search itself.
  const seen = new Int32Array(count);
  const stamp = new Int32Array(count);
  let generation = 0;
  const matched = [new Int32Array(count), new Int32Array(count)] as const;
  const candidates: Candidates = {
    indexes: new Int32Array(count),
    scores: new Float64Array(count),
    length: 0,
    weakEnd: 0,
  };

  // Rank of each word in the current term's order (byQuality), for keepHolding, and the rank of the
  // best word each document kept holds.
  const wordRank = new Int32Array(vocabulary.length).fill(-1);
  const keptRank = new Int32Array(count);
  // Per candidate, the tier of its weakest query word's best match (valid for the current query).
  const docTier = new Int8Array(count);

  /**
   * The documents of `from` holding one of `words`, into `into`, ordered as walking the words'
   * postings in that order would list them: by the first word (in `words` order) they hold, then by
   * document number. Returns how many.
   */
  function keepHolding(from: Int32Array, length: number, words: readonly number[], into: Int32Array): number {
    words.forEach((word, rank) => (wordRank[word] = rank));
    const kept: { d: number; rank: number }[] = [];
    for (let k = 0; k < length; k++) {
      const d = from[k] as number;
      let best = -1;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let j = fieldStart[d * FIELD_COUNT + f] as number; j < end; j++) {
          const v = fieldItems[j] as number;
          const last = wordStart[isNameField[f] ? 2 * v + 2 : 2 * v + 1] as number;
          for (let i = wordStart[2 * v] as number; i < last; i++) {
            const rank = wordRank[wordItems[i] as number] as number;
            if (rank >= 0 && (best < 0 || rank < best)) best = rank;
          }
        }
      }
      if (best >= 0) kept.push({ d, rank: best });
    }
    for (const word of words) wordRank[word] = -1;
    kept.sort((a, b) => a.rank - b.rank || a.d - b.d);
    kept.forEach(({ d, rank }, k) => {
      into[k] = d;
      keptRank[k] = rank;
    });
    return kept.length;
  }

  /** Fills `candidates` with the documents matching every query word (or sounding alike), scored. */
  function textCandidates(parsed: ParsedQuery, terms: readonly string[], includeSimilar: boolean): void {
    const phrases = parsed.phrases.map((phrase) => skeletonOf(words(fold(phrase)))).filter(Boolean);
    const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
    const termMatches = terms.map(matchTerm);

    // Documents holding a match for every word: per document, how many words in a row it has a match
    // for (`seen`, offset by this query's base so the arrays need no clearing between queries).
    if (generation > 0x3fffffff - 2 * (terms.length + 2)) {
      seen.fill(0);
      stamp.fill(0);
      generation = 0;
    }
    const base = generation + 1;
    generation += terms.length + 2;
    let found: Int32Array = matched[0];
    let foundLength = 0;
    termMatches.forEach((matches, t) => {
      const next = matched[t % 2] as Int32Array;
      let length = 0;
      const required = base + t;
      const mark = base + t + 1;
      const { start, items } = postings;
      // Best word matches first: a document is first reached through its best word (its tier for
      // this term), and above SCORE_CAP the candidates scored are the likeliest best.
      const words = matches.ordered;
      let walk = 0;
      for (const wordId of words) walk += (start[wordId + 1] as number) - (start[wordId] as number);
      if (t > 0 && foundLength * WORDS_PER_DOCUMENT < walk) {
        // Few documents left and a broad word ("Teresė D"): checking their words is cheaper than
        // walking millions of postings. Same documents, in the order the walk would give them.
        length = keepHolding(found, foundLength, words, next);
        for (let k = 0; k < length; k++) {
          const index = next[k] as number;
          seen[index] = mark;
          const tier = matches.tiers.get(words[keptRank[k] as number] as number) as number;
          if (tier < (docTier[index] as number)) docTier[index] = tier;
        }
      } else {
        for (const wordId of words) {
          const tier = matches.tiers.get(wordId) as number;
          const end = start[wordId + 1] as number;
          for (let i = start[wordId] as number; i < end; i++) {
            const index = items[i] as number;
            if (stamp[index] === mark) continue;
            if (t > 0 && seen[index] !== required) continue;
            stamp[index] = mark;
            seen[index] = mark;
            next[length++] = index;
            if (t === 0 || tier < (docTier[index] as number)) docTier[index] = tier;
          }
        }
      }
      found = next;
      foundLength = length;
    });
    const matchedAll = base + termMatches.length;

    const phonetic = phoneticMatches(terms);
    const { indexes, scores } = candidates;
    indexes.set(found.subarray(0, foundLength));
    let all = foundLength;
    // Sound-alike names that no spelling matched still count, when every word sounds alike.
    if (phonetic) {
      for (const index of phonetic.list) {
        if (seen[index] === matchedAll) continue;
        indexes[all++] = index;
        docTier[index] = TIER.sound;
      }
    }

    let kept = 0;
    let strong = 0;
    for (let k = 0; k < all; k++) {
      const index = indexes[k] as number;
      if (phrases.length > 0 || excludes.length > 0) {
        const skeleton = skeletonOfDocument(index);
        if (phrases.some((phrase) => !skeleton.includes(phrase))) continue;
        if (excludes.some((text) => skeleton.includes(text))) continue;
      }
      indexes[kept++] = index;
      if ((docTier[index] as number) >= STRONG_TIER) strong++;
    }
    // Stronger matches exist: typos and sound-alikes move behind them, out of the matches (kept
    // after `length` to be counted as similar spellings), stable in walk order.
    let length = kept;
    if (strong > 0 && strong < kept && !includeSimilar) {
      // The walk's arrays are free again (its result was copied): one holds the weak for a moment.
      const weak = matched[0];
      let weakLength = 0;
      length = 0;
      for (let k = 0; k < kept; k++) {
        const index = indexes[k] as number;
        if ((docTier[index] as number) >= STRONG_TIER) indexes[length++] = index;
        else weak[weakLength++] = index;
      }
      indexes.set(weak.subarray(0, weakLength), length);
    }

    const joined = terms.join(' ');
    const exactIds = terms.map((term) => wordIds.get(term) ?? -1);
    const qualities = termMatches.map(qualityArray);
    for (let k = 0; k < length; k++) {
      if (k >= SCORE_CAP) {
        scores[k] = UNSCORED;
        continue;
      }
      const index = indexes[k] as number;
      const tier = docTier[index] as number;
      const within = tier === TIER.sound ? closeness(index, terms) : (baseScore(index, qualities) ?? 0);
      scores[k] = tier * TIER_SPAN + within + boost(index, exactIds, joined, phonetic?.has(index) ?? false);
    }
    candidates.length = length;
    candidates.weakEnd = kept;
  }

  // Jaro–Winkler similarity of a query word and a vocabulary word (their spelling skeletons, so that
  // Polish w/ch/c and Russian в/х/ц count as the same letters), remembered per query word: a registry
  // repeats a few thousand surnames across its people.
  const similarity = new Map<string, Map<number, number>>();
  function similarityOf(term: string, wordId: number): number {
    let byWord = similarity.get(term);
    if (!byWord) {
      if (similarity.size > 100) similarity.clear();
      similarity.set(term, (byWord = new Map()));
    }
    let value = byWord.get(wordId);
    if (value === undefined) {
      value = jaroWinkler(spellingSkeleton(term), spellingSkeleton(vocabulary[wordId] as string));
      byWord.set(wordId, value);
    }
    return value;
  }

  /** For a name found only by sound: how close its spelling is to the query (0–1), per word averaged. */
  function closeness(d: number, terms: readonly string[]): number {
    let total = 0;
    for (const term of terms) {
      let best = 0;
      for (const f of NAME_FIELD_NUMBERS) {
        const end = fieldStart[d * FIELD_COUNT + f + 1] as number;
        for (let k = fieldStart[d * FIELD_COUNT + f] as number; k < end; k++) {
          const v = fieldItems[k] as number;
          const last = wordStart[2 * v + 2] as number;
          for (let i = wordStart[2 * v] as number; i < last; i++) {
            const value = similarityOf(term, wordItems[i] as number);
            if (value > best) best = value;
          }
        }
      }
      total += best;
    }
    return total / terms.length;
  }

  function compare(a: Candidate, b: Candidate): number {
    if (b.score !== a.score) return b.score - a.score;
    const kindA = docs.kind[a.index] as number;
    const kindB = docs.kind[b.index] as number;
    if (kindA !== kindB) return kindA - kindB;
    return (docs.order[a.index] as number) - (docs.order[b.index] as number);
  }

  /** Whether any word in list `list` of the value word lists matches a query word. */
  function anyWordMatches(list: number, termMatches: readonly TermMatches[]): boolean {
    const end = wordStart[list + 1] as number;
    for (let i = wordStart[list] as number; i < end; i++) {
      for (const matches of termMatches) if (matches.has(wordItems[i] as number)) return true;
    }
    return false;
  }

  /**
   * Highlights: the matched part of every matching word, mapped back to the original strings. Only
   * values holding a matched word are folded again (with offsets), not every value of the document.
   */
  function hitOf(
    candidate: Candidate,
    terms: readonly string[],
    typed: ReadonlyMap<string, string>,
  ): SearchHit {
    const d = candidate.index;
    const doc = documentAt(prepared, d);
    const termMatches = terms.map(matchTerm);
    const matches: SearchMatch[] = [];
    const equivalents = new Map<string, EquivalentMatch>();
    // Highlighted text, lower case: whether every word was found as typed (exact) or only folded.
    const highlighted = new Set<string>();
    SEARCH_FIELDS.forEach((field, f) => {
      listOf(docs.fields, d * FIELD_COUNT + f).forEach((v, value) => {
        const original = doc.fields[field]?.[value] ?? '';
        const forms: { carons: 'digraph' | 'drop'; folded: () => string }[] = [];
        if (anyWordMatches(2 * v, termMatches)) {
          const digraph = values.digraph[v] as number;
          forms.push({
            carons: 'digraph',
            folded: () => (digraph === NO_STRING ? fold(original) : strings.get(digraph)),
          });
        }
        if (isNameField[f] && anyWordMatches(2 * v + 1, termMatches)) {
          forms.push({ carons: 'drop', folded: () => strings.get(values.drop[v] as number) });
        }
        const perForm = forms.flatMap((form) => {
          const found = matchedRanges(form.folded(), terms, termMatches, (t, id) => {
            const equivalent = termMatches[t]?.equivalents.get(id);
            if (!equivalent) return;
            const query = typed.get(terms[t] as string) ?? (terms[t] as string);
            const key = `${equivalent.form}\n${query}`;
            if (!equivalents.has(key)) equivalents.set(key, { found: equivalent.form, query, ...equivalent });
          });
          return found.length > 0
            ? [mapRangesToOriginal(foldWithOffsets(original, { carons: form.carons }), found)]
            : [];
        });
        // Both spellings matched: one set of ranges over the original.
        const ranges = perForm.length > 1 ? mergeRanges(perForm.flat()) : perForm[0];
        if (ranges) {
          matches.push({ field, value, ranges });
          for (const [from, to] of ranges) highlighted.add(original.slice(from, to).toLowerCase());
        }
      });
    });
    matches.sort((a, b) => FIELD_WEIGHTS[b.field] - FIELD_WEIGHTS[a.field] || a.value - b.value);
    const hit: SearchHit = {
      id: doc.id,
      kind: doc.kind,
      score: round(candidate.score),
      matches,
      document: doc,
    };
    if (terms.length === 0) return hit;
    hit.matchKind = matchKindOf(docTier[d] as number, [...typed.values()], highlighted);
    // Parts of the found equivalent (Eq kinds) need no repeating: `found` and `canonical` say it all.
    const listed = [...equivalents.values()].map(({ found, query, canonical, kind }) => ({
      found,
      query,
      canonical,
      kind,
    }));
    if (listed.length > 0) hit.equivalents = listed;
    return hit;
  }

  /** In one folded string, the part of each word that a query word matched (inclusive ranges). */
  function matchedRanges(
    folded: string,
    terms: readonly string[],
    termMatches: readonly TermMatches[],
    onMatch: (term: number, wordId: number) => void,
  ): [number, number][] {
    const ranges: [number, number][] = [];
    for (const found of folded.matchAll(WORD_RE)) {
      const word = found[0];
      const id = wordIds.get(word);
      if (id === undefined) continue;
      terms.forEach((term, t) => {
        if (!termMatches[t]?.has(id)) return;
        onMatch(t, id);
        const inner = word.indexOf(term);
        const from = found.index + (inner >= 0 ? inner : 0);
        const to = inner >= 0 ? from + term.length - 1 : found.index + word.length - 1;
        ranges.push([from, to]);
      });
    }
    return ranges;
  }

  /** The documents not among these (which hold no repeats). */
  const inside = new Uint8Array(count);
  const rest = new Int32Array(count);
  function outside(indexes: Int32Array): Int32Array {
    for (const index of indexes) inside[index] = 1;
    let length = 0;
    for (let d = 0; d < count; d++) {
      if (inside[d] === 1) inside[d] = 0;
      else rest[length++] = d;
    }
    return rest.subarray(0, length);
  }

  function facetsOf(
    indexes: Int32Array,
    groups: Map<FilterField, Filter[]>,
    facetLimit: number,
  ): SearchFacets {
    const entries = [...groups];
    const passesAllBut = (index: number, except: FilterField | null) =>
      entries.every(([field, group]) => field === except || passesGroup(index, group));
    // Every facet's values are distinct per document already (see documents.ts).
    // Without filters every candidate counts: no per-candidate check (hot at 200,000 documents); and
    // when they are most of the collection, the documents left out are counted instead.
    const complement = entries.length === 0 && indexes.length > count / 2 ? outside(indexes) : null;
    const counted = (field: FacetField) =>
      complement
        ? facetColumns[field].countAllExcept(complement)
        : facetColumns[field].count(
            entries.length === 0 ? indexes : indexes.filter((index) => passesAllBut(index, field)),
          );
    const labelled = (field: 'place' | 'source') => (entry: FacetCount) => {
      const label = labels[field].get(entry.value);
      return label === undefined ? entry : { ...entry, label };
    };
    const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || (a.value < b.value ? -1 : 1);
    return {
      kind: counted('kind').sort(
        (a, b) => SEARCH_KINDS.indexOf(a.value as SearchKind) - SEARCH_KINDS.indexOf(b.value as SearchKind),
      ),
      year: counted('year').sort((a, b) => Number(a.value) - Number(b.value)),
      place: counted('place').sort(byCount).slice(0, facetLimit).map(labelled('place')),
      source: counted('source').sort(byCount).slice(0, facetLimit).map(labelled('source')),
      status: counted('status').sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.value as EvidenceStatus) - STATUS_ORDER.indexOf(b.value as EvidenceStatus),
      ),
      collection: counted('collection').sort(byCount),
    };
  }

  function countKinds(matching: Int32Array): FacetCount[] {
    const perKind = new Int32Array(SEARCH_KINDS.length);
    for (const index of matching) {
      const kind = docs.kind[index] as number;
      perKind[kind] = (perKind[kind] as number) + 1;
    }
    return SEARCH_KINDS.flatMap((kind, k) =>
      (perKind[k] as number) > 0 ? [{ value: kind, count: perKind[k] as number }] : [],
    );
  }

  return {
    get size() {
      return count;
    },
    get vocabularySize() {
      return vocabulary.length;
    },
    setNotedDocuments(ids) {
      noted = new Set([...ids].map(indexOfId).filter((index): index is number => index !== undefined));
    },
    snapshot() {
      return encodeSnapshot(prepared);
    },
    search(query, options = {}) {
      const limit = options.limit ?? 100;
      const parsed = parseQuery(query);
      const groups = filterGroups(parsed.filters);
      const terms = queryTerms(parsed);
      const textLength = terms.join('').length;
      const empty: SearchFacets = {
        kind: [],
        year: [],
        place: [],
        source: [],
        status: [],
        collection: [],
      };
      if (textLength < MIN_QUERY_LENGTH && parsed.filters.length === 0) {
        return {
          total: 0,
          hits: [],
          kindCounts: [],
          facets: empty,
          errors: parsed.errors,
          tooShort: textLength > 0,
        };
      }
      const searchesText = textLength >= MIN_QUERY_LENGTH;
      if (searchesText) {
        textCandidates(parsed, terms, options.similar === true);
      } else {
        // Filters alone (or one letter and filters): everything that passes them, by kind and title.
        const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
        let length = 0;
        for (let index = 0; index < count; index++) {
          if (excludes.length > 0) {
            const skeleton = skeletonOfDocument(index);
            if (excludes.some((text) => skeleton.includes(text))) continue;
          }
          candidates.indexes[length] = index;
          candidates.scores[length++] = 0;
        }
        candidates.length = length;
        candidates.weakEnd = length;
      }
      const { indexes, scores } = candidates;
      const facets = facetsOf(indexes.subarray(0, candidates.length), groups, options.facetLimit ?? 12);
      // The matches: the candidates passing every filter group, moved to the front in place.
      const groupList = [...groups.values()];
      let total = candidates.length;
      if (groupList.length > 0) {
        total = 0;
        for (let k = 0; k < candidates.length; k++) {
          const index = indexes[k] as number;
          if (!groupList.every((group) => passesGroup(index, group))) continue;
          indexes[total] = index;
          scores[total++] = scores[k] as number;
        }
      }
      // Similar spellings left out, counted as the matches are: passing the filters.
      let similar = 0;
      for (let k = candidates.length; k < candidates.weakEnd; k++) {
        const index = indexes[k] as number;
        if (groupList.every((group) => passesGroup(index, group))) similar++;
      }
      const best = topK(indexes.subarray(0, total), scores.subarray(0, total), limit, compare);
      const typed = searchesText ? typedWords(parsed) : new Map<string, string>();
      return {
        total,
        ...(similar > 0 ? { similar } : {}),
        hits: best.map((candidate) => hitOf(candidate, searchesText ? terms : [], typed)),
        // Without filters, the kind facet counts exactly the matches.
        kindCounts: groupList.length === 0 ? facets.kind : countKinds(indexes.subarray(0, total)),
        facets,
        errors: parsed.errors,
        tooShort: false,
      };
    },
  };
}

/** About how many words a document holds, to weigh checking documents against walking postings. */
const WORDS_PER_DOCUMENT = 64;

/** Score of a candidate counted but not scored (beyond SCORE_CAP): below every real score. */
const UNSCORED = -1;

/** Word ids of a term's matches, best match first (by tier, then quality). */
function byQuality(matches: Map<number, number> & { tiers: Map<number, number> }): number[] {
  const { tiers } = matches;
  return [...matches]
    .map(([wordId, quality]) => ({ wordId, tier: tiers.get(wordId) as number, quality }))
    .sort((a, b) => b.tier - a.tier || b.quality - a.quality)
    .map(({ wordId }) => wordId);
}

/**
 * The best `limit` candidates in `compare` order, without sorting all of them: a typed prefix can
 * match 150,000 documents, many with equal scores, and sorting those by title took most of a search.
 */
function topK(
  indexes: Int32Array,
  scores: Float64Array,
  limit: number,
  compare: (a: Candidate, b: Candidate) => number,
): Candidate[] {
  const all = indexes.length;
  // Candidates beyond SCORE_CAP were never scored: leave them out unless too few were.
  let scoredCount = 0;
  for (let k = 0; k < all; k++) if (scores[k] !== UNSCORED) scoredCount++;
  const skipUnscored = scoredCount >= limit;
  const considered = skipUnscored ? scoredCount : all;
  if (considered === 0) return [];
  // Every candidate scoring above the limit-th best score is in; ties at it are chosen by compare.
  const sorted = new Float64Array(considered);
  let at = 0;
  for (let k = 0; k < all; k++)
    if (!skipUnscored || scores[k] !== UNSCORED) sorted[at++] = scores[k] as number;
  sorted.sort();
  const cutoff = sorted[Math.max(0, considered - limit)] as number;
  const best: Candidate[] = [];
  for (let k = 0; k < all; k++) {
    const score = scores[k] as number;
    if (score < cutoff || (skipUnscored && score === UNSCORED)) continue;
    const candidate = { index: indexes[k] as number, score };
    if (best.length === limit && compare(candidate, best[limit - 1] as Candidate) >= 0) continue;
    // Binary insertion into the sorted list of at most `limit` entries.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(best[middle] as Candidate, candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}

const STATUS_ORDER: readonly EvidenceStatus[] = ['sourced', 'unverified'];

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/** The query's words as typed (lower case), by their folded form. */
function typedWords(parsed: ParsedQuery): Map<string, string> {
  const typed = new Map<string, string>();
  for (const text of [...parsed.terms, ...parsed.phrases]) {
    for (const word of text.match(WORD_RE) ?? []) {
      for (const folded of foldedWords(fold(word))) if (!typed.has(folded)) typed.set(folded, word);
    }
  }
  return typed;
}

function matchKindOf(tier: number, typed: readonly string[], highlighted: ReadonlySet<string>): MatchKind {
  switch (tier) {
    case TIER.exact:
      return typed.every((word) => highlighted.has(word.toLowerCase())) ? 'exact' : 'fold';
    case TIER.prefix:
      return 'prefix';
    case TIER.infix:
      return 'partial';
    case TIER.equivalent:
      return 'equivalent';
    case TIER.typo:
      return 'fuzzy';
    default:
      return 'sound';
  }
}
