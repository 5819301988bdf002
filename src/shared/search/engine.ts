/**
 * The search engine: one index over every document (records, text sections, bibliography entries,
 * later notes), queried with the query language of query.ts. Pure and synchronous, so it runs the same
 * in the renderer's Web Worker, in Node tests and in benchmarks.
 *
 * Indexing folds every string once (fold.ts): names twice (š→sh and š→s, so queries typed with or
 * without diacritics both match exactly), and the names of people and places also get Daitch–Mokotoff
 * keys (phonetic.ts). Every folded word goes into a vocabulary with postings (word → documents).
 *
 * Searching: Fuse.js matches each query word against the vocabulary (fuzzy: one typo from four letters,
 * two from seven; anywhere in a word, so prefixes typed so far match). The documents holding a matching
 * word for every query word (or sounding alike for every word, for names) are the candidates; only they
 * are scored. Running Fuse over whole documents instead costs seconds per keystroke at 50,000 records
 * (bench/search.ts shows both), because its bitap scan reads every field of every document per query.
 *
 * Ranking, deterministic: per query word, the best word match in the document weighted by field (title
 * and names count most) and by match quality (whole word > prefix > inside a word > typo); averaged over
 * the query words; then fixed boosts for an exact or prefix match of the whole query on a title or name,
 * for whole-word matches and for a phonetic match. Ties break by kind, then title, then id.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import {
  NAME_FIELDS,
  SEARCH_FIELDS,
  SEARCH_KINDS,
  type EvidenceStatus,
  type SearchDocument,
  type SearchField,
  type SearchKind,
} from './documents';
import { FacetColumn } from './facet-column';
import { fold, foldedWords, foldWithOffsets, mapRangesToOriginal } from './fold';
import { MIN_PHONETIC_LENGTH, phoneticCodes, phoneticKeysOfName } from './phonetic';
import { parseQuery, type Filter, type FilterField, type ParsedQuery, type QueryError } from './query';

export interface SearchMatch {
  field: SearchField;
  /** Index of the value in `document.fields[field]`. */
  value: number;
  /** Highlight ranges over that original string: `[start, end)` UTF-16 offsets. */
  ranges: [number, number][];
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  /** Relevance: higher is better. */
  score: number;
  matches: SearchMatch[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export type FacetField = 'kind' | 'year' | 'place' | 'source' | 'status';

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
}

export interface SearchOptions {
  /** Most hits returned (default 100). */
  limit?: number;
  /** Most values per facet for place and source (default 12). */
  facetLimit?: number;
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
};

/** Fuse options for matching one query word against the vocabulary of folded words. */
export const VOCABULARY_FUSE_OPTIONS: IFuseOptions<string> = {
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
export const MATCH_QUALITY = { exact: 1, prefix: 0.8, infix: 0.6, typo: 0.7 } as const;

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

interface Slot {
  field: SearchField;
  /** Index of the original value in `doc.fields[field]`. */
  value: number;
  carons: 'digraph' | 'drop';
  folded: string;
}

/** Every folded string of a document, in a fixed order (indexing and highlighting must agree). */
function slotsOf(doc: SearchDocument): Slot[] {
  const slots: Slot[] = [];
  for (const field of SEARCH_FIELDS) {
    (doc.fields[field] ?? []).forEach((original, value) => {
      const digraph = fold(original);
      slots.push({ field, value, carons: 'digraph', folded: digraph });
      if (NAME_FIELDS.includes(field)) {
        const bare = fold(original, { carons: 'drop' });
        if (bare !== digraph) slots.push({ field, value, carons: 'drop', folded: bare });
      }
    });
  }
  return slots;
}

interface IndexedDocument {
  doc: SearchDocument;
  /** Pairs of (field number, word id) for every distinct word of every field. */
  words: Int32Array;
  /** Folded names (both forms), for the exact and prefix boosts. */
  names: string[];
  /** Folded author names: they attribute a work rather than name it, so they boost less. */
  authors: string[];
  /** The words of those names, space-separated with a space at each end, for whole-word checks. */
  nameWords: string;
  /** Position of the kind in SEARCH_KINDS, for tie-breaking. */
  kindOrder: number;
  /** Every folded value on a line of its own, s/z/c + h merged, for phrases and exclusions. */
  skeleton: string;
}

interface Candidate {
  index: number;
  score: number;
}

/** Quality of each vocabulary word that matches one query word, by word id. */
type TermMatches = Map<number, number>;

export interface SearchEngine {
  readonly size: number;
  /** Distinct folded words indexed. */
  readonly vocabularySize: number;
  search(query: string, options?: SearchOptions): SearchResponse;
  /** Documents the user has notes on (for `has:notes`), by document id. */
  setNotedDocuments(ids: Iterable<string>): void;
}

export function createSearchEngine(documents: readonly SearchDocument[]): SearchEngine {
  const vocabulary: string[] = [];
  const wordIds = new Map<string, number>();
  const postings: number[][] = [];
  const indexed: IndexedDocument[] = [];
  const phoneticIndex = new Map<string, number[]>();
  const byId = new Map<string, number>();
  const fieldNumber = new Map(SEARCH_FIELDS.map((field, i) => [field, i]));
  const fieldWeights = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);

  const facetColumns: Record<FacetField, FacetColumn> = {
    kind: new FacetColumn(),
    year: new FacetColumn(),
    place: new FacetColumn(),
    source: new FacetColumn(),
    status: new FacetColumn(),
  };

  documents.forEach((doc, index) => {
    facetColumns.kind.add([doc.kind]);
    facetColumns.year.add(yearsOf(doc));
    facetColumns.place.add(doc.places.filter((id) => id !== doc.targetId));
    facetColumns.source.add(doc.kind === 'bibliography' ? [] : doc.sources);
    facetColumns.status.add(doc.status ? [doc.status] : []);
    const slots = slotsOf(doc);
    const pairs = new Map<number, number>(); // key: field * 2^24 + word id, deduplicated
    const names: string[] = [];
    const authors: string[] = [];
    const lines: string[] = [];
    for (const slot of slots) {
      const field = fieldNumber.get(slot.field) ?? 0;
      for (const word of slot.folded.match(WORD_RE) ?? []) {
        let id = wordIds.get(word);
        if (id === undefined) {
          id = vocabulary.length;
          vocabulary.push(word);
          wordIds.set(word, id);
          postings.push([]);
        }
        const list = postings[id] as number[];
        if (list[list.length - 1] !== index) list.push(index);
        pairs.set(field * 0x1000000 + id, field);
      }
      if (slot.field === 'authors') authors.push(slot.folded);
      else if (NAME_FIELDS.includes(slot.field)) names.push(slot.folded);
      if (slot.carons === 'digraph') lines.push(skeletonOf(words(slot.folded)));
    }
    const flat = new Int32Array(pairs.size * 2);
    let i = 0;
    for (const [key, field] of pairs) {
      flat[i++] = field;
      flat[i++] = key - field * 0x1000000;
    }
    indexed.push({
      doc,
      words: flat,
      names,
      authors,
      nameWords: ` ${names.flatMap(foldedWords).join(' ')} `,
      kindOrder: SEARCH_KINDS.indexOf(doc.kind),
      skeleton: `\n${lines.join('\n')}\n`,
    });
    byId.set(doc.id, index);
    if (doc.phonetic) {
      // People and places by their names; bibliography entries by their authors only (not publishers).
      const heard: readonly SearchField[] = doc.kind === 'bibliography' ? ['authors'] : ['title', 'names'];
      const keys = new Set<string>();
      for (const slot of slots) {
        if (heard.includes(slot.field)) for (const key of phoneticKeysOfName(slot.folded)) keys.add(key);
      }
      for (const key of keys) {
        const list = phoneticIndex.get(key);
        if (list) list.push(index);
        else phoneticIndex.set(key, [index]);
      }
    }
  });

  for (const column of Object.values(facetColumns)) column.freeze();
  const vocabularyFuse = new Fuse(vocabulary, VOCABULARY_FUSE_OPTIONS);
  // Typing repeats the same words (every prefix, then the next word): remember recent lookups.
  const termCache = new Map<string, TermMatches>();

  function matchTerm(term: string): TermMatches {
    const cached = termCache.get(term);
    if (cached) return cached;
    const matches: TermMatches = new Map();
    // Bitap handles at most 32 characters; longer words are matched exactly.
    const results =
      term.length > 32
        ? wordIds.has(term)
          ? [{ refIndex: wordIds.get(term) as number, score: 0 }]
          : []
        : vocabularyFuse.search(term);
    for (const result of results) {
      const word = vocabulary[result.refIndex] as string;
      let quality: number;
      if (word === term) quality = MATCH_QUALITY.exact;
      else if (word.startsWith(term)) quality = MATCH_QUALITY.prefix + 0.1 * (term.length / word.length);
      else if (word.includes(term)) quality = MATCH_QUALITY.infix + 0.1 * (term.length / word.length);
      else quality = MATCH_QUALITY.typo * (1 - (result.score ?? 0));
      matches.set(result.refIndex, quality);
    }
    if (termCache.size > 500) termCache.clear();
    termCache.set(term, matches);
    return matches;
  }

  // Names of places and bibliography entries, folded, for the place: and source: filters.
  const placeNames = new Map<string, string[]>();
  const sourceKeys = new Map<string, string[]>();
  for (const entry of indexed) {
    const { doc } = entry;
    if (doc.kind === 'place') placeNames.set(`${doc.collectionId}/${doc.targetId}`, entry.names);
    if (doc.kind === 'bibliography') {
      sourceKeys.set(`${doc.collectionId}/${doc.targetId}`, [
        ...entry.names,
        ...(doc.fields.summary ?? []).map((value) => fold(value)),
      ]);
    }
  }

  let noted = new Set<number>();

  function phoneticMatches(terms: readonly string[]): Set<number> | null {
    const long = terms.filter((term) => term.length >= MIN_PHONETIC_LENGTH);
    // Only when every word is long enough to be heard: a short word would match half the names.
    if (long.length === 0 || long.length !== terms.length) return null;
    const perTerm = long.map((term) => {
      const hits = new Set<number>();
      for (const code of phoneticCodes(term))
        for (const index of phoneticIndex.get(code) ?? []) hits.add(index);
      return hits;
    });
    const [first, ...rest] = perTerm;
    return new Set([...(first ?? [])].filter((index) => rest.every((hits) => hits.has(index))));
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

  function boost(
    entry: IndexedDocument,
    terms: readonly string[],
    joined: string,
    phonetic: boolean,
  ): number {
    const whole = terms.length > 0 && terms.every((term) => entry.nameWords.includes(` ${term} `));
    let best = Math.max(
      nameBoost(entry.names, joined),
      BOOSTS.authorFactor * nameBoost(entry.authors, joined),
    );
    // A person is named by any of their names: "Lukša" names Juozas Lukša as fully as "Juozas Lukša".
    if (whole && entry.doc.kind === 'person') best = BOOSTS.exactName;
    return best + (whole ? BOOSTS.wholeWords : 0) + (phonetic ? BOOSTS.phonetic : 0);
  }

  /** A term's matches as an array by word id (0: no match): a lookup per word, without hashing. */
  function qualityArray(matches: TermMatches): Float32Array {
    const array = new Float32Array(vocabulary.length);
    for (const [wordId, quality] of matches) array[wordId] = quality;
    return array;
  }

  /** Base relevance: per query word the best weighted match in the document, averaged. */
  function baseScore(entry: IndexedDocument, qualities: readonly Float32Array[]): number | null {
    const { words: pairs } = entry;
    let total = 0;
    for (const quality of qualities) {
      let best = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        const q = quality[pairs[i + 1] as number] as number;
        if (q > 0) {
          const weighted = q * (fieldWeights[pairs[i] as number] ?? 0);
          if (weighted > best) best = weighted;
        }
      }
      if (best === 0) return null;
      total += best;
    }
    return total / qualities.length;
  }

  const matchesPlace = (doc: SearchDocument, value: string) => {
    const folded = fold(value);
    return doc.places.some(
      (placeId) =>
        placeId === value ||
        (placeNames.get(`${doc.collectionId}/${placeId}`) ?? []).some(
          (name) => name === folded || ` ${name}`.includes(` ${folded}`),
        ),
    );
  };

  const matchesSource = (doc: SearchDocument, value: string) => {
    const folded = fold(value);
    return doc.sources.some(
      (sourceId) =>
        sourceId === value ||
        sourceId.startsWith(folded) ||
        (sourceKeys.get(`${doc.collectionId}/${sourceId}`) ?? []).some((key) =>
          ` ${key}`.includes(` ${folded}`),
        ),
    );
  };

  function passes(index: number, filter: Filter): boolean {
    const { doc } = indexed[index] as IndexedDocument;
    let result: boolean;
    switch (filter.field) {
      case 'kind':
        result = doc.kind === filter.kind;
        break;
      case 'year':
        result =
          doc.yearFrom !== null &&
          doc.yearTo !== null &&
          (filter.to === null || doc.yearFrom <= filter.to) &&
          (filter.from === null || doc.yearTo >= filter.from);
        break;
      case 'place':
        result = matchesPlace(doc, filter.value);
        break;
      case 'source':
        result = matchesSource(doc, filter.value);
        break;
      case 'tag': {
        const folded = fold(filter.value);
        result = doc.tags.some((tag) => fold(tag).startsWith(folded));
        break;
      }
      case 'has':
        result = noted.has(index);
        break;
      case 'status':
        result = doc.status === filter.value;
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

  function textCandidates(parsed: ParsedQuery, terms: readonly string[]): Candidate[] {
    const phrases = parsed.phrases.map((phrase) => skeletonOf(words(fold(phrase)))).filter(Boolean);
    const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
    const termMatches = terms.map(matchTerm);

    // Documents holding a match for every word: count, per document, the words it has a match for.
    const seen = new Int32Array(indexed.length);
    const stamp = new Int32Array(indexed.length).fill(-1);
    let found: number[] = [];
    termMatches.forEach((matches, t) => {
      const next: number[] = [];
      // Best word matches first, so that above SCORE_CAP the candidates scored are the likeliest best.
      for (const wordId of t === termMatches.length - 1 ? byQuality(matches) : matches.keys()) {
        for (const index of postings[wordId] ?? []) {
          if (stamp[index] === t || (seen[index] as number) !== t) continue;
          stamp[index] = t;
          seen[index] = t + 1;
          next.push(index);
        }
      }
      found = next;
    });

    const phonetic = phoneticMatches(terms);
    // Documents in `found` are marked seen[index] === terms.length; an array, not a Set, at 150,000.
    const all = found;
    // Sound-alike names that no spelling matched still count, when every word sounds alike.
    if (phonetic) {
      for (const index of phonetic) if (seen[index] !== termMatches.length) all.push(index);
    }

    const joined = terms.join(' ');
    const qualities = termMatches.map(qualityArray);
    const kept: Candidate[] = [];
    for (const index of all) {
      const entry = indexed[index] as IndexedDocument;
      if (phrases.length > 0 && phrases.some((phrase) => !entry.skeleton.includes(phrase))) continue;
      if (excludes.length > 0 && excludes.some((text) => entry.skeleton.includes(text))) continue;
      if (kept.length >= SCORE_CAP) {
        kept.push({ index, score: UNSCORED });
        continue;
      }
      const base = baseScore(entry, qualities) ?? 0;
      kept.push({ index, score: base + boost(entry, terms, joined, phonetic?.has(index) ?? false) });
    }
    return kept;
  }

  function compare(a: Candidate, b: Candidate): number {
    if (b.score !== a.score) return b.score - a.score;
    const ea = indexed[a.index] as IndexedDocument;
    const eb = indexed[b.index] as IndexedDocument;
    if (ea.kindOrder !== eb.kindOrder) return ea.kindOrder - eb.kindOrder;
    const da = ea.doc;
    const db = eb.doc;
    if (da.title !== db.title) return da.title < db.title ? -1 : 1;
    return da.id < db.id ? -1 : da.id > db.id ? 1 : 0;
  }

  /** Highlights: the matched part of every matching word, mapped back to the original strings. */
  function hitOf(candidate: Candidate, terms: readonly string[]): SearchHit {
    const { doc } = indexed[candidate.index] as IndexedDocument;
    const termMatches = terms.map(matchTerm);
    const byValue = new Map<string, SearchMatch>();
    for (const slot of slotsOf(doc)) {
      const ranges: [number, number][] = [];
      for (const found of slot.folded.matchAll(WORD_RE)) {
        const word = found[0];
        const id = wordIds.get(word);
        if (id === undefined) continue;
        terms.forEach((term, t) => {
          if (!termMatches[t]?.has(id)) return;
          const inner = word.indexOf(term);
          const from = found.index + (inner >= 0 ? inner : 0);
          const to = inner >= 0 ? from + term.length - 1 : found.index + word.length - 1;
          ranges.push([from, to]);
        });
      }
      if (ranges.length === 0) continue;
      const original = doc.fields[slot.field]?.[slot.value] ?? '';
      const mapped = mapRangesToOriginal(foldWithOffsets(original, { carons: slot.carons }), ranges);
      const key = `${slot.field}/${slot.value}`;
      const existing = byValue.get(key);
      if (existing) existing.ranges = mergeRanges([...existing.ranges, ...mapped]);
      else byValue.set(key, { field: slot.field, value: slot.value, ranges: mapped });
    }
    const matches = [...byValue.values()].sort(
      (a, b) => FIELD_WEIGHTS[b.field] - FIELD_WEIGHTS[a.field] || a.value - b.value,
    );
    return { id: doc.id, kind: doc.kind, score: round(candidate.score), matches };
  }

  function facetsOf(
    candidates: readonly Candidate[],
    groups: Map<FilterField, Filter[]>,
    facetLimit: number,
  ): SearchFacets {
    const entries = [...groups];
    const passesAllBut = (index: number, except: FilterField | null) =>
      entries.every(([field, group]) => field === except || passesGroup(index, group));
    // Every facet's values are distinct per document already (see documents.ts).
    const indexes = candidates.map((candidate) => candidate.index);
    const count = (field: FacetField) => {
      return facetColumns[field].count(
        // Without filters every candidate counts: no per-candidate check (hot at 200,000 documents).
        entries.length === 0 ? indexes : indexes.filter((index) => passesAllBut(index, field)),
      );
    };
    const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || (a.value < b.value ? -1 : 1);
    return {
      kind: count('kind').sort(
        (a, b) => SEARCH_KINDS.indexOf(a.value as SearchKind) - SEARCH_KINDS.indexOf(b.value as SearchKind),
      ),
      year: count('year').sort((a, b) => Number(a.value) - Number(b.value)),
      place: count('place').sort(byCount).slice(0, facetLimit),
      source: count('source').sort(byCount).slice(0, facetLimit),
      status: count('status').sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.value as EvidenceStatus) - STATUS_ORDER.indexOf(b.value as EvidenceStatus),
      ),
    };
  }

  function countKinds(matching: readonly Candidate[]): FacetCount[] {
    const perKind = new Map<SearchKind, number>();
    for (const { index } of matching) {
      const kind = (indexed[index] as IndexedDocument).doc.kind;
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    }
    return SEARCH_KINDS.filter((kind) => perKind.has(kind)).map((kind) => ({
      value: kind,
      count: perKind.get(kind) ?? 0,
    }));
  }

  return {
    get size() {
      return indexed.length;
    },
    get vocabularySize() {
      return vocabulary.length;
    },
    setNotedDocuments(ids) {
      noted = new Set(
        [...ids].map((id) => byId.get(id)).filter((index): index is number => index !== undefined),
      );
    },
    search(query, options = {}) {
      const limit = options.limit ?? 100;
      const parsed = parseQuery(query);
      const groups = filterGroups(parsed.filters);
      const terms = queryTerms(parsed);
      const textLength = terms.join('').length;
      const empty: SearchFacets = { kind: [], year: [], place: [], source: [], status: [] };
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
      let candidates: Candidate[];
      if (searchesText) {
        candidates = textCandidates(parsed, terms);
      } else {
        // Filters alone (or one letter and filters): everything that passes them, by kind and title.
        const excludes = parsed.excludes.map((text) => skeletonOf(words(fold(text)))).filter(Boolean);
        candidates = [];
        indexed.forEach((entry, index) => {
          if (!excludes.some((text) => entry.skeleton.includes(text))) candidates.push({ index, score: 0 });
        });
      }
      const facets = facetsOf(candidates, groups, options.facetLimit ?? 12);
      const groupList = [...groups.values()];
      const matching =
        groupList.length === 0
          ? candidates
          : candidates.filter(({ index }) => groupList.every((group) => passesGroup(index, group)));
      const best = topK(matching, limit, compare);
      return {
        total: matching.length,
        hits: best.slice(0, limit).map((candidate) => hitOf(candidate, searchesText ? terms : [])),
        // Without filters, the kind facet counts exactly the matches.
        kindCounts: groupList.length === 0 ? facets.kind : countKinds(matching),
        facets,
        errors: parsed.errors,
        tooShort: false,
      };
    },
  };
}

/** Score of a candidate counted but not scored (beyond SCORE_CAP): below every real score. */
const UNSCORED = -1;

/** Word ids of a term's matches, best match first. */
function byQuality(matches: TermMatches): number[] {
  return [...matches].sort((a, b) => b[1] - a[1]).map(([wordId]) => wordId);
}

/**
 * The best `limit` candidates in `compare` order, without sorting all of them: a typed prefix can
 * match 150,000 documents, many with equal scores, and sorting those by title took most of a search.
 */
function topK(
  all: readonly Candidate[],
  limit: number,
  compare: (a: Candidate, b: Candidate) => number,
): Candidate[] {
  if (all.length <= limit) return [...all].sort(compare);
  // Candidates beyond SCORE_CAP were never scored: leave them out unless too few were.
  const scored = all.filter((candidate) => candidate.score !== UNSCORED);
  const candidates = scored.length >= limit ? scored : all;
  // Every candidate scoring above the limit-th best score is in; ties at it are chosen by compare.
  const scores = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => (scores[i] = candidate.score));
  scores.sort();
  const cutoff = scores[scores.length - limit] as number;
  const best: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.score < cutoff) continue;
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

/** Years a document's date covers (for the period facet), at most a lifetime's worth. */
function yearsOf(doc: SearchDocument): string[] {
  if (doc.yearFrom === null || doc.yearTo === null || doc.yearTo - doc.yearFrom > 80) return [];
  const years: string[] = [];
  for (let year = doc.yearFrom; year <= doc.yearTo; year++) years.push(String(year));
  return years;
}

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
