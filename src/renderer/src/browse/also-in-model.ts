/**
 * What "Also in" shows on a person's record page: the records linked to it by "same person" decisions
 * (its whole transitive group, via linkGroups), the person fields on which the group's records differ
 * (values as the sources wrote them), every "not the same" decision inside the group as a
 * contradiction, and the decisions that keep other records apart. Pure: the component loads the
 * decisions and collections and renders this.
 */
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import {
  MAPPABLE_FIELDS,
  type MappableField,
  type PersonDateField,
  type PersonFields,
  type PersonTextField,
} from '@shared/collection/person';
import { linkGroups } from '@shared/linkage/groups';
import type { Decision } from '@shared/linkage/types';

/**
 * Fields that say where a record comes from (archival reference, list and page, the clerk's notes):
 * they differ between sources by nature, so they are not differences about the person.
 */
const RECORD_KEEPING = new Set<MappableField>([
  'archivalReference',
  'archive',
  'fond',
  'opis',
  'delo',
  'sheet',
  'listSource',
  'listPage',
  'notes',
]);
/** Every person field (text or date cell), in the record page's order. */
export type ComparedField = Extract<MappableField, PersonTextField | PersonDateField | 'sex' | 'repression'>;
const isCompared = (field: MappableField): field is ComparedField => !RECORD_KEEPING.has(field);
export const COMPARED_FIELDS: readonly ComparedField[] = MAPPABLE_FIELDS.filter(isCompared);

/** `<collection id>/<record id>`: collection ids never hold a slash, record ids may. */
export function splitLinkId(id: string): { collectionId: string; recordId: string } {
  const slash = id.indexOf('/');
  return slash < 0
    ? { collectionId: '', recordId: id }
    : { collectionId: id.slice(0, slash), recordId: id.slice(slash + 1) };
}

/** A linked record as the page names it; `record` is absent when it cannot be found any more. */
export interface LinkedRecord {
  id: string;
  collectionId: string;
  recordId: string;
  collectionTitle?: string;
  record?: LoadedRecord;
}

export interface FieldDifference {
  field: ComparedField;
  /** The value of each member as the source wrote it (null: the record has no such field), in `members` order. */
  values: (string | null)[];
}

export interface AlsoInModel {
  /** This record first, then the other members of its group. */
  members: LinkedRecord[];
  /** Fields on which the members' values are not all the same. */
  differences: FieldDifference[];
  /** "Different people" decisions between two members: shown, never hidden. */
  contradictions: Array<{ a: LinkedRecord; b: LinkedRecord; decision: Decision }>;
  /** Records outside the group this one was decided not to be, or left undecided with. */
  notSame: LinkedRecord[];
  unsure: LinkedRecord[];
}

/** A field's text as the source wrote it. */
export function fieldText(person: PersonFields | undefined, field: ComparedField): string | null {
  const value = person?.[field];
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return value.text;
}

/**
 * Every decision touching the group of `recordId`: starting from it, follows "same" decisions to each
 * member and gathers all decisions naming any member (so contradictions between members are among them).
 */
export async function groupDecisions(
  recordId: string,
  forRecord: (id: string) => Promise<Decision[]>,
): Promise<Decision[]> {
  const seen = new Set([recordId]);
  const queue = [recordId];
  const decisions = new Map<string, Decision>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const decision of await forRecord(id)) {
      decisions.set(`${decision.a}\n${decision.b}`, decision);
      if (decision.decision !== 'same') continue;
      const other = decision.a === id ? decision.b : decision.a;
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return [...decisions.values()];
}

/** What naming linked records takes from a collection: a whole one, or a slice holding those records. */
export type AlsoInSource = Pick<LoadedCollection, 'manifest'> & { records: readonly LoadedRecord[] };

export function buildAlsoIn(
  recordId: string,
  decisions: readonly Decision[],
  collections: ReadonlyMap<string, AlsoInSource>,
): AlsoInModel {
  const resolve = (id: string): LinkedRecord => {
    const { collectionId, recordId: inner } = splitLinkId(id);
    const collection = collections.get(collectionId);
    const record = collection?.records.find((candidate) => candidate.id === inner);
    return {
      id,
      collectionId,
      recordId: inner,
      ...(collection ? { collectionTitle: collection.manifest.title } : {}),
      ...(record ? { record } : {}),
    };
  };
  const group = linkGroups(decisions).find((candidate) => candidate.members.includes(recordId));
  const memberIds = group ? [recordId, ...group.members.filter((id) => id !== recordId)] : [recordId];
  const members = memberIds.map(resolve);
  const differences: FieldDifference[] = [];
  if (members.length > 1) {
    for (const field of COMPARED_FIELDS) {
      const values = members.map((member) =>
        fieldText(member.record?.kind === 'person' ? member.record.person : undefined, field),
      );
      if (values.every((value) => value === null)) continue;
      const written = new Set(values.map((value) => value?.trim() ?? null));
      if (written.size > 1) differences.push({ field, values });
    }
  }
  const inGroup = new Set(memberIds);
  const others = (kind: Decision['decision']) =>
    decisions
      .filter((d) => d.decision === kind && (d.a === recordId || d.b === recordId))
      .map((d) => (d.a === recordId ? d.b : d.a))
      .filter((id) => !inGroup.has(id))
      .sort()
      .map(resolve);
  return {
    members,
    differences,
    contradictions: (group?.contradictions ?? []).map((decision) => ({
      a: resolve(decision.a),
      b: resolve(decision.b),
      decision,
    })),
    notSame: others('different'),
    unsure: others('unsure'),
  };
}
