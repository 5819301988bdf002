/**
 * The Bibliography view's model: pure functions over the loaded collection — who wrote each work, when,
 * what it is called, which records cite it, which source notes concern it — and the list's sort, type
 * filter and search.
 */
import type { CslItem, CslName } from '@shared/collection/schema';
import type { IntegrityFinding } from '@shared/collection/integrity';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import { extractCollectionLinks } from '@shared/collection/links';

export type EntrySortKey = 'author' | 'year' | 'title';
export interface EntrySort {
  key: EntrySortKey;
  direction: 'ascending' | 'descending';
}

/** The sorts the list offers, first the default. */
export const ENTRY_SORTS: readonly EntrySort[] = [
  { key: 'author', direction: 'ascending' },
  { key: 'year', direction: 'ascending' },
  { key: 'year', direction: 'descending' },
  { key: 'title', direction: 'ascending' },
];

export interface EntryFilter {
  /** A CSL type, or "all". */
  type: string;
  text: string;
}

export const EMPTY_ENTRY_FILTER: EntryFilter = { type: 'all', text: '' };

const nameText = (name: CslName): string =>
  name.literal ?? [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');

/** The people a work is filed under: its authors, else its editors. */
export function creatorsOf(item: CslItem): { names: string[]; editors: boolean } {
  const authors = (item.author ?? []).map(nameText).filter(Boolean);
  if (authors.length > 0) return { names: authors, editors: false };
  return { names: (item.editor ?? []).map(nameText).filter(Boolean), editors: true };
}

export function yearOf(item: CslItem): number | null {
  return item.issued?.['date-parts']?.[0]?.[0] ?? null;
}

/** Its title, else the periodical or site it appeared in, else its id: every work has a label. */
export function titleOf(item: CslItem): string {
  return item.title ?? item['container-title'] ?? item.id;
}

/** Lower case without diacritics, so "anusauskas" finds "Anušauskas". */
function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('und');
}

function searchText(item: CslItem): string {
  const people = [...(item.author ?? []), ...(item.editor ?? []), ...(item.translator ?? [])].map(
    (name) => `${name.given ?? ''} ${nameText(name)}`,
  );
  const fields = [
    item.id,
    item.title,
    item['container-title'],
    item['collection-title'],
    item.publisher,
    item['publisher-place'],
    item.note,
    yearOf(item)?.toString(),
  ];
  return foldForSearch([...people, ...fields].filter(Boolean).join(' \u0000 '));
}

export function filterEntries(items: readonly CslItem[], filter: EntryFilter): CslItem[] {
  const words = foldForSearch(filter.text).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.type !== 'all' && item.type !== filter.type) return false;
    if (words.length === 0) return true;
    const haystack = searchText(item);
    return words.every((word) => haystack.includes(word));
  });
}

/** Sorted copy. Works with no author sort by title among themselves, after those with one; no year: last. */
export function sortEntries(items: readonly CslItem[], sort: EntrySort, collator: Intl.Collator): CslItem[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byTitle = (a: CslItem, b: CslItem) => collator.compare(titleOf(a), titleOf(b));
  const compare = (a: CslItem, b: CslItem): number => {
    switch (sort.key) {
      case 'author': {
        const [nameA] = creatorsOf(a).names;
        const [nameB] = creatorsOf(b).names;
        if (nameA === undefined || nameB === undefined) {
          if (nameA !== nameB) return nameA === undefined ? 1 : -1;
          return byTitle(a, b);
        }
        return sign * collator.compare(nameA, nameB) || (yearOf(a) ?? 0) - (yearOf(b) ?? 0) || byTitle(a, b);
      }
      case 'year': {
        const yearA = yearOf(a);
        const yearB = yearOf(b);
        if (yearA === null || yearB === null) {
          if (yearA !== yearB) return yearA === null ? 1 : -1;
          return byTitle(a, b);
        }
        return sign * (yearA - yearB) || byTitle(a, b);
      }
      case 'title':
        return sign * byTitle(a, b);
    }
  };
  return [...items].sort(compare);
}

/** The CSL types present, most common first (for the type filter). */
export function typeCounts(items: readonly CslItem[]): [type: string, count: number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A claim's or a record citation's reference to its sources, as "Cite this" takes it. */
export interface SourceReference {
  source?: string;
  locator?: string | null;
  via?: string;
}

export interface CitingRecord {
  record: LoadedRecord;
  /** Claims of the record resting on the work (as source, joint source or the work cited through). */
  claimIds: string[];
  /** The record's claims and citations naming the work, with their pages, for citing it as they do. */
  references: SourceReference[];
}

/** Every bibliography id a record refers to, with the claims and references concerned. */
function recordReferences(
  record: LoadedRecord,
): Map<string, { claims: Set<string>; references: SourceReference[] }> {
  const refs = new Map<string, { claims: Set<string>; references: SourceReference[] }>();
  const entry = (id: string) => {
    let found = refs.get(id);
    if (!found) refs.set(id, (found = { claims: new Set(), references: [] }));
    return found;
  };
  const addReference = (
    reference: SourceReference & { jointSources?: string[] | undefined },
    claimId?: string,
  ) => {
    const ids = [reference.source, reference.via, ...(reference.jointSources ?? [])].filter(
      (id): id is string => Boolean(id),
    );
    for (const id of new Set(ids)) {
      const found = entry(id);
      if (claimId) found.claims.add(claimId);
      found.references.push({ source: reference.source, locator: reference.locator, via: reference.via });
    }
  };
  for (const claim of record.claims) addReference(claim, claim.id);
  for (const reference of [...record.citations, ...record.altDates]) addReference(reference);
  if (record.kind === 'place' && record.coordinates) addReference(record.coordinates);
  for (const alt of record.altNames) if (alt.source) addReference({ source: alt.source });
  if (record.kind === 'source') for (const id of record.bibliographyIds) addReference({ source: id });
  for (const link of extractCollectionLinks(record.summary)) {
    if (link.scheme === 'cite') addReference({ source: link.target, locator: link.locator ?? null });
  }
  return refs;
}

/** For each bibliography id, the records citing it, in collection order. */
export function citingRecordsIndex(
  collection: Pick<LoadedCollection, 'records'>,
): Map<string, CitingRecord[]> {
  const index = new Map<string, CitingRecord[]>();
  for (const record of collection.records) {
    for (const [id, { claims, references }] of recordReferences(record)) {
      const list = index.get(id) ?? [];
      list.push({ record, claimIds: [...claims], references });
      index.set(id, list);
    }
  }
  return index;
}

/** For each bibliography id, the citation-integrity findings ("source notes") concerning it. */
export function findingsIndex(findings: readonly IntegrityFinding[]): Map<string, IntegrityFinding[]> {
  const index = new Map<string, IntegrityFinding[]>();
  for (const finding of findings) {
    for (const id of new Set(finding.bibliographyIds)) index.set(id, [...(index.get(id) ?? []), finding]);
  }
  return index;
}

/** A short label for a work: "Anušauskas 2012", "Burauskaitė (ed.) 1992", or its title. */
export function shortLabel(item: CslItem, editedBy: (names: string) => string): string {
  const { names, editors } = creatorsOf(item);
  let who = names.length > 2 ? `${names[0]} et al.` : names.join(' & ');
  if (who && editors) who = editedBy(who);
  const year = yearOf(item);
  const label = who || titleOf(item);
  return year === null ? label : `${label} ${year}`;
}
