import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonFields } from '@shared/collection/person';
import { linkRecordId } from '@shared/linkage/from-collection';
import type { LinkRecord } from '@shared/linkage/types';

/** The invented people of tests/fixtures/linkage (see its README) as linkage records. */
export function fixtureRecords(list: 'list-lt' | 'list-ru'): LinkRecord[] {
  const dir = join(import.meta.dirname, '../../fixtures/linkage', list);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { id: string };
  const people = JSON.parse(readFileSync(join(dir, 'records/people.json'), 'utf8')) as {
    id: string;
    title: string;
    person: PersonFields;
  }[];
  return people.map((record) => ({
    id: linkRecordId(manifest.id, record.id),
    collection: manifest.id,
    person: record.person,
    title: record.title,
  }));
}

export const LT = 'linkage-list-lt';
export const RU = 'linkage-list-ru';
