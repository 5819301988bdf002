/**
 * The lookups behind records on demand, pure so main's record service and tests share them: who refers
 * to a record, who shares its case file, which record holds a claim, what a collection holds besides
 * its records, and the orders a page of records can be listed in.
 */
import type { CollectionDetails, RecordAnswer, RecordSort } from '../ipc/channels/collections';
import { extractCollectionLinks } from './links';
import type { LoadedCollection, LoadedRecord } from './model';

export interface RecordLookups {
  /** Record id → ids of the records whose relations point at it, in stored order. */
  referrers: Map<string, string[]>;
  /** Case file number → ids of the people sharing it, in stored order. */
  family: Map<string, string[]>;
  /** Claim id → id of the record holding it. */
  claimHolder: Map<string, string>;
}

/** The ids a record's page names besides its relation targets. */
export function recordNeighbours(
  record: LoadedRecord,
  lookups: RecordLookups,
): Pick<RecordAnswer, 'referrers' | 'family' | 'claimHolders'> {
  const caseNumber = record.kind === 'person' ? record.person?.caseNumber : undefined;
  const claimHolders: Record<string, string> = {};
  for (const claimId of linkedClaims(record)) {
    const holder = lookups.claimHolder.get(claimId);
    if (holder !== undefined) claimHolders[claimId] = holder;
  }
  return {
    referrers: lookups.referrers.get(record.id) ?? [],
    family: caseNumber ? (lookups.family.get(caseNumber) ?? []).filter((id) => id !== record.id) : [],
    claimHolders,
  };
}

/** The `claim:` links of a record's summary and its translated summaries. */
export function linkedClaims(record: LoadedRecord): Set<string> {
  const texts = [record.summary, ...Object.values(record.translations ?? {}).map((t) => t?.summary ?? '')];
  const ids = new Set<string>();
  for (const text of texts) {
    for (const link of extractCollectionLinks(text)) if (link.scheme === 'claim') ids.add(link.target);
  }
  return ids;
}

export function recordLookups(collection: LoadedCollection): RecordLookups {
  const referrers = new Map<string, string[]>();
  const family = new Map<string, string[]>();
  const claimHolder = new Map<string, string>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const record of collection.records) {
    for (const relation of record.relations) push(referrers, relation.target, record.id);
    if (record.kind === 'person' && record.person?.caseNumber)
      push(family, record.person.caseNumber, record.id);
    for (const claim of record.claims) claimHolder.set(claim.id, record.id);
  }
  return { referrers, family, claimHolder };
}

export function collectionDetails(
  collection: LoadedCollection,
  summary: CollectionDetails['summary'],
): CollectionDetails {
  const counts: CollectionDetails['counts'] = {};
  const personFields = new Set<string>();
  const otherFields = new Set<string>();
  for (const record of collection.records) {
    counts[record.kind] = (counts[record.kind] ?? 0) + 1;
    if (record.kind !== 'person') continue;
    for (const key of Object.keys(record.person ?? {})) personFields.add(key);
    for (const field of record.otherFields ?? []) otherFields.add(field.header);
  }
  return {
    summary,
    manifest: collection.manifest,
    bibliography: collection.bibliography,
    integrity: collection.integrity,
    texts: collection.texts.map(({ markdown: _body, ...text }) => text),
    counts,
    personFields: [...personFields].sort(),
    otherFields: [...otherFields],
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Stored positions in the asked order; ties keep stored order (the sort is stable). */
export function sortOrder(records: readonly LoadedRecord[], sort: RecordSort): Int32Array {
  const positions = records.map((_, i) => i);
  if (sort === 'title') {
    positions.sort((a, b) =>
      collator.compare((records[a] as LoadedRecord).title, (records[b] as LoadedRecord).title),
    );
  } else {
    // Undated records last: "sorted by date" lists what has a date first.
    const key = (i: number) => (records[i] as LoadedRecord).earliest ?? '\uffff';
    positions.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return Int32Array.from(positions);
}
