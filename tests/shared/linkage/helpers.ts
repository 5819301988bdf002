import type { PersonFields } from '@shared/collection/person';
import { createGazetteer } from '@shared/linkage/equivalents';
import { prepareRecord, type PreparedRecord } from '@shared/linkage/prepare';
import type { LinkRecord } from '@shared/linkage/types';

/** The value, or a thrown error saying it was missing (tests use it instead of non-null assertions). */
export function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** Invented people only. */
export const record = (id: string, collection: string, person: PersonFields): LinkRecord => ({
  id: `${collection}/${id}`,
  collection,
  person,
});

export const year = (y: number | string) => ({ text: String(y), edtf: String(y) });

const gazetteer = createGazetteer();
export const prepare = (records: readonly LinkRecord[]): PreparedRecord[] =>
  records.map((r, index) => prepareRecord(r, index, gazetteer));
export const prepareOne = (person: PersonFields, id = 'x', collection = 'c'): PreparedRecord =>
  prepareRecord(record(id, collection, person), 0, gazetteer);
