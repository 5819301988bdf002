/**
 * The gazetteer (resources/gazetteer, via search/equivalences.ts) seen from linkage: which given-name
 * group a folded word belongs to (Jonas = Иван = Jan), which given name a Russian patronymic is formed
 * from (Иванович → Jonas), and which place a folded place word names (Ковно = Kaunas). Groups are
 * identified by their canonical form. Every gazetteer entry is unverified (see its README): a match
 * through it is a hint that the explanation names, not a fact.
 */
import { BUNDLED_EQUIVALENCES, EquivalenceTable, type EquivalenceGroup } from '../search/equivalences';
import { fold, foldedWords } from '../search/fold';

export interface Gazetteer {
  givenNameGroups(foldedWord: string): readonly string[];
  patronymicGroups(foldedWord: string): readonly string[];
  placeGroups(foldedWord: string): readonly string[];
}

const EMPTY: readonly string[] = [];

/** Build the lookups once per run; `groups` defaults to the bundled lists. */
export function createGazetteer(groups: readonly EquivalenceGroup[] = BUNDLED_EQUIVALENCES): Gazetteer {
  const table = new EquivalenceTable(groups);
  const given = new Map<string, string[]>();
  const patronymics = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, word: string, canonical: string) => {
    const list = map.get(word);
    if (!list) map.set(word, [canonical]);
    else if (!list.includes(canonical)) list.push(canonical);
  };
  for (const group of groups) {
    if (group.kind !== 'given-name') continue;
    for (const form of group.forms)
      for (const word of foldedWords(fold(form))) add(given, word, group.canonical);
    for (const form of group.patronymics ?? []) {
      for (const word of foldedWords(fold(form))) add(patronymics, word, group.canonical);
    }
  }
  const placeCache = new Map<string, readonly string[]>();
  return {
    givenNameGroups: (word) => given.get(word) ?? EMPTY,
    patronymicGroups: (word) => patronymics.get(word) ?? EMPTY,
    placeGroups(word) {
      let found = placeCache.get(word);
      if (found === undefined) {
        const canonicals = new Set<string>();
        for (const equivalent of table.equivalentsOf(word).values()) {
          if (equivalent.kind === 'place') canonicals.add(equivalent.canonical);
        }
        found = canonicals.size === 0 ? EMPTY : [...canonicals];
        placeCache.set(word, found);
      }
      return found;
    },
  };
}
