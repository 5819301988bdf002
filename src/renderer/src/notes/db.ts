/**
 * The notes database: IndexedDB through Dexie, in the renderer, bound to the app's fixed origin.
 *
 * The schema is a list of numbered steps (as Tropy does with its migrations): each step is a Dexie
 * version with the stores it declares and, when data must change shape, an upgrade function. Steps
 * are only ever appended — a shipped step is never edited — and tests/renderer/notes/schema.test.ts
 * opens databases created by every earlier step (and by frozen copies of them) and checks that every
 * note survives. A database a newer app version upgraded still opens here (Dexie 4 opens the higher
 * installed version as it is), with nothing deleted.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { createSignal, type Signal } from '../api/signal';
import { pairKey } from '@shared/linkage/groups';
import type { Decision } from '@shared/linkage/types';
import type { Note } from '@shared/notes/model';
import type { SyncConflict } from '@shared/sync/conflicts';
import type { Item } from '@shared/photos/item';
import { recordLinkKey, type ItemLink } from '@shared/photos/item-link';

const NOTES_DB_NAME = 'atmintis-notes';

/** How a note is stored: the note plus the key of its target, which the per-target queries use. */
export interface NoteRow extends Note {
  targetKey: string;
}

/** A linkage decision as stored: keyed by its pair (`pairKey(a, b)` of @shared/linkage/groups), a < b. */
export interface DecisionRow extends Decision {
  key: string;
}

export const toDecision = ({ key: _key, ...decision }: DecisionRow): Decision => decision;
export const toDecisionRow = (decision: Decision): DecisionRow => ({
  key: pairKey(decision.a, decision.b),
  ...decision,
});

/** Bookkeeping: when notes (or decisions) last changed and what the last automatic backup covered. */
export interface MetaRow {
  key: 'changes';
  /** Increases by one with every write to notes or decisions. */
  revision: number;
  changedAt: string | null;
  /** The revision the last successful backup held, and when it was written. */
  backedUpRevision: number;
  backedUpAt: string | null;
}

/** Which replicated revision a row shows, and who wrote it (docs/sync.md, "Bridge"). */
export interface SyncDocRow {
  /** The replicated document's id (`note:<id>`, `decision:<pair key>`). */
  docId: string;
  rev: string;
  author: string;
  /** The winning revision is a deletion (purged or undone): the row is gone here too. */
  deleted: boolean;
}

/** The bridge's own bookkeeping: how far it has read the replica's changes feed, the last bundle. */
export interface SyncStateRow {
  key: 'feed' | 'bundle';
  /** An update sequence of the replica (a number for the local PouchDB adapters). */
  seq: number | string;
}

/** An item as stored: the item plus the sha256 of each of its photos, which the per-photo query uses. */
export interface ItemRow extends Item {
  photoShas: string[];
}

export const toItem = ({ photoShas: _shas, ...item }: ItemRow): Item => item;
export const toItemRow = (item: Item): ItemRow => ({
  ...item,
  photoShas: [...new Set(item.photos.map((photo) => photo.sha256))],
});

/** A link from an item to a record as stored: the link plus its record's key, which the record page uses. */
export interface ItemLinkRow extends ItemLink {
  recordKey: string;
}

export const toItemLink = ({ recordKey: _key, ...link }: ItemLinkRow): ItemLink => link;
export const toItemLinkRow = (link: ItemLink): ItemLinkRow => ({
  ...link,
  recordKey: recordLinkKey(link.collectionId, link.recordId),
});

export interface SchemaStep {
  version: number;
  /** Dexie store declarations; null deletes a store. */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      notes: 'id, targetKey, target.collectionId, target.kind, createdAt, updatedAt, deletedAt, *tags',
      meta: 'key',
    },
  },
  {
    // Linkage decisions (docs/linkage.md): a new store, no data to move.
    version: 2,
    stores: {
      decisions: 'key, a, b, decision, updated',
    },
  },
  {
    // Photo items (docs/photos.md): a new store, no data to move. `*photoShas` finds the items that
    // hold a photo (the viewer, "in which items is this page").
    version: 3,
    stores: {
      items: 'id, updatedAt, *photoShas',
    },
  },
  {
    // Team sync (docs/sync.md): conflicts kept for the user, which revision each row shows, the
    // changes-feed checkpoint. New stores, no data to move. (Step 3 is the photo items' step.)
    version: 4,
    stores: {
      syncConflicts: 'docId, kind, key',
      syncDocs: 'docId',
      syncState: 'key',
    },
  },
  {
    // Links from photo items to records (docs/photos.md, "Links to records"): a new store, no data
    // to move. An item's page lists its links by `itemId`, a record's page by `recordKey`.
    version: 5,
    stores: {
      itemLinks: 'id, itemId, recordKey',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_STEPS[SCHEMA_STEPS.length - 1]?.version ?? 0;

export interface NotesDatabaseOptions {
  name?: string;
  /** For tests: fake-indexeddb's implementations. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For tests of the upgrade path: an older (or future) list of steps. */
  steps?: readonly SchemaStep[];
}

export class NotesDatabase extends Dexie {
  declare notes: Table<NoteRow, string>;
  declare meta: Table<MetaRow, string>;
  declare decisions: Table<DecisionRow, string>;
  declare items: Table<ItemRow, string>;
  declare itemLinks: Table<ItemLinkRow, string>;
  declare syncConflicts: Table<SyncConflict, string>;
  declare syncDocs: Table<SyncDocRow, string>;
  declare syncState: Table<SyncStateRow, string>;
  /**
   * Fires when rows changed other than through the repositories (the sync bridge applying teammates'
   * changes), so repositories with their own change signal (decisions) tell their watchers too.
   */
  readonly externalChanges: Signal = createSignal();

  constructor(options: NotesDatabaseOptions = {}) {
    super(options.name ?? NOTES_DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // Notes are the user's own work: ask Chromium to flush every write to disk before it counts as
      // done, so a crash or power cut right after "saved" cannot lose it.
      chromeTransactionDurability: 'strict',
    });
    for (const step of options.steps ?? SCHEMA_STEPS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
