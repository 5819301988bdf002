/**
 * The person records of a loaded collection as linkage records. Ids are `<collection id>/<record id>`:
 * both parts are stable across re-imports, so decisions stay attached to the same records.
 */
import type { LoadedCollection } from '../collection/model';
import type { LinkRecord } from './types';

export const linkRecordId = (collection: string, record: string): string => `${collection}/${record}`;

export function linkRecordsOf(collection: LoadedCollection): LinkRecord[] {
  const id = collection.manifest.id;
  const records: LinkRecord[] = [];
  for (const record of collection.records) {
    if (record.kind !== 'person') continue;
    records.push({
      id: linkRecordId(id, record.id),
      collection: id,
      person: record.person ?? {},
      title: record.title,
    });
  }
  return records;
}
