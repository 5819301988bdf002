/**
 * A chosen candidate as a hit: its document, the matched part of every matching word mapped back to
 * the original strings (highlights), the other forms of a query word it was found by, and how it
 * matched. Only values holding a matched word are folded again (with offsets), not every value.
 */
import { SEARCH_FIELDS } from './documents';
import { fold, foldWithOffsets, mapRangesToOriginal } from './fold';
import type { IndexContext } from './index-context';
import { FIELD_COUNT, NO_STRING } from './layout';
import { documentAt } from './prepared-index';
import { FIELD_WEIGHTS, TIER } from './ranking';
import { WORD_RE } from './query-words';
import type { EquivalentMatch, MatchKind, SearchHit, SearchMatch } from './response';
import { listOf } from './ragged';
import type { PlaceEquivalent } from './filters';
import type { Candidate } from './scoring';
import type { TermMatches } from './terms';

/** What highlighting needs of a query word's matches: which words match, and by which other form. */
export type HitTermMatches = Pick<TermMatches, 'has' | 'equivalents'>;

/**
 * The hit of a candidate. `terms` are the folded query words (none for a filters-only query), `typed`
 * the words as typed by their folded form, `tier` the candidate's weakest word's best match, `places`
 * the other forms of a `place:` filter's place it holds (shown as equivalents, highlighted).
 */
export type HitMaker = (
  candidate: Candidate,
  terms: readonly string[],
  typed: ReadonlyMap<string, string>,
  tier: number,
  places?: readonly PlaceEquivalent[],
) => SearchHit;

export function createHitMaker(context: IndexContext, matchTerm: (term: string) => HitTermMatches): HitMaker {
  const { prepared, docs, values, strings, wordIds, isNameField } = context;
  const { start: wordStart, items: wordItems } = values.words;

  /** Whether any word in list `list` of the value word lists matches a query word. */
  function anyWordMatches(list: number, termMatches: readonly HitTermMatches[]): boolean {
    const end = wordStart[list + 1] as number;
    for (let i = wordStart[list] as number; i < end; i++) {
      for (const matches of termMatches) if (matches.has(wordItems[i] as number)) return true;
    }
    return false;
  }

  /** In one folded string, the part of each word that a query word matched (inclusive ranges). */
  function matchedRanges(
    folded: string,
    terms: readonly string[],
    termMatches: readonly HitTermMatches[],
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

  return function hitOf(candidate, terms, typed, tier, places = []) {
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
        if (field === 'places' && places.length > 0) {
          const found = placeRanges(original, places);
          if (found.length > 0) perForm.push(found);
        }
        // Both spellings matched: one set of ranges over the original.
        const ranges = perForm.length > 1 ? mergeRanges(perForm.flat()) : perForm[0];
        if (ranges) {
          matches.push({ field, value, ranges });
          for (const [from, to] of ranges) highlighted.add(original.slice(from, to).toLowerCase());
        }
      });
    });
    for (const { match } of places) {
      const key = `${match.found}\n${match.query}`;
      if (!equivalents.has(key)) equivalents.set(key, match);
    }
    matches.sort((a, b) => FIELD_WEIGHTS[b.field] - FIELD_WEIGHTS[a.field] || a.value - b.value);
    const hit: SearchHit = {
      id: doc.id,
      kind: doc.kind,
      score: round(candidate.score),
      matches,
      document: doc,
    };
    if (terms.length > 0) hit.matchKind = matchKindOf(tier, [...typed.values()], highlighted);
    // Parts of the found equivalent (Eq kinds) need no repeating: `found` and `canonical` say it all.
    const listed = [...equivalents.values()].map(({ found, query, canonical, kind }) => ({
      found,
      query,
      canonical,
      kind,
    }));
    if (listed.length > 0) hit.equivalents = listed;
    return hit;
  };
}

/** Where in a place value (original) the words of these other forms are, both caron foldings. */
function placeRanges(original: string, places: readonly PlaceEquivalent[]): [number, number][] {
  const words = new Set(places.map((place) => place.word));
  const ranges = (['digraph', 'drop'] as const).flatMap((carons) => {
    const folded = foldWithOffsets(original, { carons });
    const found: [number, number][] = [];
    for (const match of folded.text.matchAll(WORD_RE))
      if (words.has(match[0])) found.push([match.index, match.index + match[0].length - 1]);
    return found.length > 0 ? mapRangesToOriginal(folded, found) : [];
  });
  return ranges.length > 1 ? mergeRanges(ranges) : ranges;
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
