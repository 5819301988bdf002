/**
 * What the place: and source: filters and the facet labels need from a collection's own place and
 * bibliography records: their names (folded), their titles, and each place record's names as a group
 * of equivalent forms that extends the gazetteer.
 */
import { SEARCH_FIELDS, SEARCH_KINDS } from './documents';
import type { EquivalenceGroup } from './equivalences';
import { fold, foldedWords } from './fold';
import type { IndexContext } from './index-context';
import { AUTHORS_FIELD, FIELD_COUNT, NAME_FIELD_NUMBERS } from './layout';
import { listOf } from './ragged';

export interface RecordLookups {
  /** Folded names of each place record, by `collection/placeId`. */
  placeNames: ReadonlyMap<string, string[]>;
  /** Folded names and summaries of each bibliography entry, by `collection/entryId`. */
  sourceKeys: ReadonlyMap<string, string[]>;
  /** Titles of places and sources by id, shown as facet labels. */
  labels: { place: ReadonlyMap<string, string>; source: ReadonlyMap<string, string> };
  /** Each place record's one-word names, as a group of equivalent forms. */
  placeGroups: readonly EquivalenceGroup[];
}

export function recordLookups(context: IndexContext): RecordLookups {
  const { docs, values, strings, count, namesOf } = context;
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
  return { placeNames, sourceKeys, labels, placeGroups };
}
