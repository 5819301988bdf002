/**
 * Search results with linked records grouped: the people the user decided are one person (a link
 * group, see @shared/linkage/groups) show as one entry, at the rank of its best hit, with every
 * matching source reachable from it. Works on the hits the search engine answered; the engine itself
 * knows nothing of decisions.
 */
import type { LinkGroup } from '@shared/linkage/groups';
import { linkRecordId } from '@shared/linkage/from-collection';
import type { SearchHit } from '@shared/search/response';

export interface LinkedEntry {
  /** The matching hits of the group, best first (the entry's own hit first). */
  sources: SearchHit[];
  /** How many records the group has in all, matching the query or not. */
  groupSize: number;
}

export interface GroupedHits {
  hits: SearchHit[];
  /** By the id of an entry's hit: the entries that stand for a link group. */
  linked: ReadonlyMap<string, LinkedEntry>;
}

/** The linkage id of a person hit (`<collection id>/<record id>`), else null. */
export function hitLinkId(hit: SearchHit): string | null {
  return hit.kind === 'person' ? linkRecordId(hit.document.collectionId, hit.document.targetId) : null;
}

export function groupLinkedHits(hits: readonly SearchHit[], groups: readonly LinkGroup[]): GroupedHits {
  const groupOf = new Map<string, LinkGroup>();
  for (const group of groups) for (const member of group.members) groupOf.set(member, group);
  const shown: SearchHit[] = [];
  const linked = new Map<string, LinkedEntry>();
  const entryOfGroup = new Map<LinkGroup, LinkedEntry>();
  for (const hit of hits) {
    const id = hitLinkId(hit);
    const group = id === null ? undefined : groupOf.get(id);
    if (!group) {
      shown.push(hit);
      continue;
    }
    const entry = entryOfGroup.get(group);
    if (entry) {
      entry.sources.push(hit);
      continue;
    }
    const created: LinkedEntry = { sources: [hit], groupSize: group.members.length };
    entryOfGroup.set(group, created);
    linked.set(hit.id, created);
    shown.push(hit);
  }
  return { hits: shown, linked };
}
