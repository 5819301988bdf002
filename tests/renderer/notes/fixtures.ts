import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { NotesDatabase, type SchemaStep } from '../../../src/renderer/src/notes/db';

/**
 * Frozen copies of every schema step that has shipped. Never edit one: add the next step to
 * SCHEMA_STEPS in src/renderer/src/notes/db.ts and a frozen copy here.
 */
export const SHIPPED_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      notes: 'id, targetKey, target.collectionId, target.kind, createdAt, updatedAt, deletedAt, *tags',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      decisions: 'key, a, b, decision, updated',
    },
  },
  {
    version: 3,
    stores: {
      items: 'id, updatedAt, *photoShas',
    },
  },
  {
    version: 4,
    stores: {
      syncConflicts: 'docId, kind, key',
      syncDocs: 'docId',
      syncState: 'key',
    },
  },
  {
    version: 5,
    stores: {
      itemLinks: 'id, itemId, recordKey',
    },
  },
];

/** A fresh, isolated IndexedDB for one test. */
export function freshDatabase(steps?: readonly SchemaStep[], indexedDB = new IDBFactory()) {
  return { indexedDB, db: new NotesDatabase({ indexedDB, IDBKeyRange, ...(steps ? { steps } : {}) }) };
}

export function openExisting(indexedDB: IDBFactory, steps?: readonly SchemaStep[]) {
  return new NotesDatabase({ indexedDB, IDBKeyRange, ...(steps ? { steps } : {}) });
}
