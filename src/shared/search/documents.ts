/**
 * What search indexes: one flat document per record, per section of a long text and per bibliography
 * entry, with the original strings of every searchable field and the facts that filters and facets
 * use. Pure and deterministic: the worker indexes these documents (prepared-index.ts keeps them as
 * columns and rebuilds each exactly), and each hit it sends back carries its document to show.
 */
import type { CslItem, CslName, RecordKind } from '../collection/schema';
import type { LoadedCollection, LoadedRecord } from '../collection/model';
import { bibliographyPath, recordPath, textPath } from '../links';
import { personSearchParts } from './person-document';
import { inlineMarkdownToText, splitTextSections } from './text-sections';

/**
 * `document`: a document the user imported into the Reader (reader-documents.ts); `item`: a photographed
 * archival file or document (item-documents.ts).
 */
export type SearchKind = RecordKind | 'text' | 'bibliography' | 'note' | 'document' | 'item';

/** Kinds in the order facets and result groups list them when scores tie. */
export const SEARCH_KINDS: readonly SearchKind[] = [
  'event',
  'statistic',
  'place',
  'group',
  'organisation',
  'person',
  'source',
  'text',
  'bibliography',
  'note',
  // Last, so the kind numbers saved in search index snapshots keep their meaning.
  'document',
  'item',
];

/**
 * Searchable fields. `names` holds the labels in every language and the alternate names: a match there
 * is a match of the record. `places` holds the names of the places a record is tied to.
 */
export const SEARCH_FIELDS = [
  'title',
  'names',
  'authors',
  'summary',
  'claims',
  'places',
  'body',
  'tags',
  'years',
  'details',
  'facts',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * `details`: a person's registry values besides names and places (dates as written, remarks, other
 * fields). `facts`: `key=value` strings for the person field filters (born:, fate:, case:…); never
 * searched as words.
 */
export const FACTS_FIELD: SearchField = 'facts';

/** Fields whose words are names: folded twice (š→sh and š→s) and, for people and places, keyed by sound. */
export const NAME_FIELDS: readonly SearchField[] = ['title', 'names', 'authors'];

export type EvidenceStatus = 'sourced' | 'unverified';

export interface SearchDocument {
  /** Unique across collections: `<collectionId>/<r|t|b>/<id>[#anchor]`. */
  id: string;
  collectionId: string;
  kind: SearchKind;
  /** Record, text or bibliography id inside the collection. */
  targetId: string;
  /** In-app path to open (see ../links.ts). */
  path: string;
  title: string;
  /** Original strings per field (empty fields omitted). */
  fields: Partial<Record<SearchField, string[]>>;
  /** The record's date as recorded (EDTF), so results show it at its own precision. */
  date?: string;
  /** ISO days from the record's date, when it has one. */
  earliest: string | null;
  latest: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  /** Ids of the place records this document is tied to (itself, for a place). */
  places: string[];
  /** Bibliography ids this document rests on (itself, for a bibliography entry). */
  sources: string[];
  tags: string[];
  /** Whether any of its evidence is marked unverified; null when it carries no evidence of its own. */
  status: EvidenceStatus | null;
  /** Whether its names are matched by sound too (people, places, authors). */
  phonetic: boolean;
}

const yearOfIso = (iso: string | null): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** Years a document's date covers, as words, so "1948" finds what happened in 1948. */
export function yearWords(from: number | null, to: number | null): string[] {
  if (from === null || to === null) return [];
  // A long span ("1940–1958") would make every year match it; list the bounds only.
  if (to - from > 12) return [String(from), String(to)];
  const years: string[] = [];
  for (let year = from; year <= to; year++) years.push(String(year));
  return years;
}

const unique = (values: Iterable<string | undefined | null>): string[] => [
  ...new Set([...values].filter((value): value is string => typeof value === 'string' && value !== '')),
];

function recordNames(record: LoadedRecord): string[] {
  return unique([
    record.labels.en,
    record.labels.lt,
    record.labels.ru,
    ...record.altNames.map((alt) => alt.name),
  ]).filter((name) => name !== record.title);
}

function recordSources(record: LoadedRecord): string[] {
  const ids: (string | undefined)[] = [];
  const add = (ref: {
    source?: string | undefined;
    jointSources?: string[] | undefined;
    via?: string | undefined;
  }) => {
    ids.push(ref.source, ref.via, ...(ref.jointSources ?? []));
  };
  record.claims.forEach(add);
  record.citations.forEach(add);
  record.altDates.forEach(add);
  for (const alt of record.altNames) ids.push(alt.source);
  if (record.kind === 'source') ids.push(...record.bibliographyIds);
  if (record.kind === 'place' && record.coordinates) add(record.coordinates);
  return unique(ids);
}

function recordStatus(record: LoadedRecord): EvidenceStatus | null {
  const statuses = [
    ...record.claims.map((claim) => claim.status),
    ...record.citations.map((citation) => citation.status),
  ];
  const unverified =
    statuses.includes('unverified') ||
    (record.flags ?? []).some((flag) => flag.type === 'unverified') ||
    (record.kind === 'place' && record.coordinates?.status === 'unverified');
  if (unverified) return 'unverified';
  return statuses.length > 0 ? 'sourced' : null;
}

function withoutEmpty(
  fields: Partial<Record<SearchField, string[]>>,
): Partial<Record<SearchField, string[]>> {
  const result: Partial<Record<SearchField, string[]>> = {};
  for (const field of SEARCH_FIELDS) {
    const values = unique(fields[field] ?? []);
    if (values.length > 0) result[field] = values;
  }
  return result;
}

function recordDocument(
  collectionId: string,
  record: LoadedRecord,
  byId: ReadonlyMap<string, LoadedRecord>,
): SearchDocument {
  const placeIds = unique([
    record.kind === 'place' ? record.id : undefined,
    ...record.relations.map((relation) =>
      byId.get(relation.target)?.kind === 'place' ? relation.target : undefined,
    ),
  ]);
  const placeNames = placeIds
    .filter((id) => id !== record.id)
    .flatMap((id) => {
      const place = byId.get(id);
      return place ? [place.title, ...recordNames(place)] : [];
    });
  const yearFrom = yearOfIso(record.earliest);
  const yearTo = yearOfIso(record.latest);
  const person =
    record.kind === 'person' ? personSearchParts(record) : { names: [], places: [], details: [], facts: [] };
  return {
    id: `${collectionId}/r/${record.id}`,
    collectionId,
    kind: record.kind,
    targetId: record.id,
    path: recordPath(collectionId, record.id),
    title: record.title,
    fields: withoutEmpty({
      title: [record.title],
      names: [...recordNames(record), ...person.names.filter((name) => name !== record.title)],
      summary: [inlineMarkdownToText(record.summary)],
      claims: record.claims.flatMap((claim) => [claim.counts, claim.note ?? '']),
      places: [...placeNames, ...person.places],
      tags: record.tags ?? [],
      years: yearWords(yearFrom, yearTo),
      details: person.details,
      facts: person.facts,
    }),
    ...(record.date === undefined ? {} : { date: record.date }),
    earliest: record.earliest,
    latest: record.latest,
    yearFrom,
    yearTo,
    places: placeIds,
    sources: recordSources(record),
    tags: record.tags ?? [],
    status: recordStatus(record),
    phonetic: record.kind === 'person' || record.kind === 'place',
  };
}

function personName(name: CslName): string[] {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const full = [name.given, name['dropping-particle'], family, name.suffix].filter(Boolean).join(' ');
  return unique([name.literal, family, full]);
}

/** "Anušauskas 2012", or the title, for entries whose title is missing. */
export function bibliographyTitle(item: CslItem): string {
  if (item.title) return item.title;
  const names = [...(item.author ?? []), ...(item.editor ?? [])].map(
    (name) => name.family ?? name.literal ?? name.given ?? '',
  );
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const who = names.filter(Boolean).join(', ') || item['container-title'] || item.id;
  return year ? `${who} ${year}` : who;
}

function bibliographyDocument(collectionId: string, item: CslItem): SearchDocument {
  const parts = item.issued?.['date-parts'] ?? [];
  const yearFrom = parts[0]?.[0] ?? null;
  const yearTo = parts[parts.length - 1]?.[0] ?? yearFrom;
  const names = [...(item.author ?? []), ...(item.editor ?? []), ...(item.translator ?? [])];
  return {
    id: `${collectionId}/b/${item.id}`,
    collectionId,
    kind: 'bibliography',
    targetId: item.id,
    path: bibliographyPath(collectionId, item.id),
    title: bibliographyTitle(item),
    fields: withoutEmpty({
      title: [bibliographyTitle(item)],
      names: [item['container-title'], item['collection-title'], item.publisher].filter(
        (value): value is string => typeof value === 'string',
      ),
      authors: names.flatMap(personName),
      summary: [item.note, item.keyword].filter((value): value is string => typeof value === 'string'),
      years: yearWords(yearFrom, yearTo),
    }),
    earliest: null,
    latest: null,
    yearFrom,
    yearTo,
    places: [],
    sources: [item.id],
    tags: [],
    status: null,
    phonetic: true,
  };
}

function textDocuments(collectionId: string, text: LoadedCollection['texts'][number]): SearchDocument[] {
  return splitTextSections(text.markdown).map((section) => ({
    id: `${collectionId}/t/${text.id}#${section.anchor}`,
    collectionId,
    kind: 'text' as const,
    targetId: text.id,
    path: textPath(collectionId, text.id, section.anchor || undefined),
    title: section.heading ? `${text.title}: ${section.heading}` : text.title,
    fields: withoutEmpty({
      title: [section.heading ?? text.title],
      names: section.heading ? [text.title] : [],
      body: section.paragraphs,
    }),
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: false,
  }));
}

/** Every searchable document of a collection, in a stable order. */
export function extractDocuments(collection: LoadedCollection): SearchDocument[] {
  const collectionId = collection.manifest.id;
  const byId = new Map(collection.records.map((record) => [record.id, record]));
  return [
    ...collection.records.map((record) => recordDocument(collectionId, record, byId)),
    ...collection.texts.flatMap((text) => textDocuments(collectionId, text)),
    ...collection.bibliography.map((item) => bibliographyDocument(collectionId, item)),
  ];
}
