/**
 * The bridge between the notes database (what every view reads) and the replica (what replicates).
 *
 * Local → replica: Dexie hooks on `notes`, `decisions`, `items` and `itemLinks` note which rows a committed transaction
 * touched (every repository write, imports and restores included); the bridge then pushes those rows.
 * Replica → local: the replica's changes feed is read from a stored checkpoint and applied in one
 * Dexie transaction per batch (bridge-apply.ts). Rows the bridge itself writes are not pushed back,
 * and even if they were, pushing compares the row with the revision it is based on and writes
 * nothing when they hold the same. All work runs in one queue, so a push and an apply never interleave.
 * Saved searches live in the search history database instead; they are hooked and applied there
 * (saved-search-rows.ts), just before each batch's notes-database transaction.
 */
import Dexie, { type Transaction } from 'dexie';
import { resolutionContent } from '@shared/sync/conflicts';
import {
  docIdFor,
  LOCAL_AUTHOR,
  parseDocId,
  sameRow,
  savedSearchDocId,
  savedSearchKey,
  type SyncContent,
} from '@shared/sync/docs';
import { createSignal, type Signal } from '../api/signal';
import type { NotesDatabase } from '../notes/db';
import { bumpRevision, toStorageError } from '../notes/repository';
import { savedSearchesSynced, type HistoryDb, type SavedSearch } from '../search/history';
import { hasUnpushedEdit, planApply, prefetch, sameConflict, type ApplyPlan } from './bridge-apply';
import { pushRows } from './bridge-push';
import type { ReplicaDb } from './replica';
import { allRows, readRow, writeRow, type RowRef } from './rows';
import { applySavedSearches, savedSearchRows } from './saved-search-rows';

const FEED_PAGE = 500;
const PUSH_BATCH = 500;

export interface BridgeOptions {
  /** The sync user name (from the sync settings); "local" when none is set. */
  author?: () => string;
  now?: () => Date;
  /**
   * Push each local write as soon as it commits (default). Tests turn it off to let local edits wait
   * until an explicit sync(), the interleaving where a teammate's revision arrives first.
   */
  pushOnWrite?: boolean;
  /**
   * The window's search history database (the very handle the search view writes through): its saved
   * searches sync too. Without it, saved-search documents stay in the replica unapplied.
   */
  history?: HistoryDb;
}

type Choice = { rev: string } | { body: string };

export class SyncBridge {
  /** Fires after teammates' changes (or a resolution) reached the notes database. */
  readonly changed: Signal = createSignal();
  /** Revisions that could not be shown, with the reason (the Sync view lists them). */
  readonly problems: string[] = [];
  private readonly dirty = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private applying: Transaction | null = null;
  private applyingHistory: Transaction | null = null;
  /** Saved searches written locally, by query (their document id is hashed when pushing). */
  private readonly dirtyQueries = new Set<string>();
  private readonly history: HistoryDb | null;
  private scheduled = false;
  private reconciled = false;
  private readonly unhook: Array<() => void> = [];
  private feed: { cancel(): void } | null = null;
  private readonly author: () => string;
  private readonly now: () => Date;
  private readonly pushOnWrite: boolean;

  constructor(
    readonly db: NotesDatabase,
    readonly replica: ReplicaDb,
    options: BridgeOptions = {},
  ) {
    this.author = () => options.author?.().trim() || LOCAL_AUTHOR;
    this.now = options.now ?? (() => new Date());
    this.pushOnWrite = options.pushOnWrite ?? true;
    this.history = options.history ?? null;
    this.watch();
    this.watchSavedSearches();
  }

  /** Follows the replica live (replication writes there) and pushes local writes as they commit. */
  start(): void {
    if (this.feed) return;
    const feed = this.replica.changes({ since: 'now', live: true });
    feed.on('change', () => this.schedule());
    feed.on('error', () => undefined);
    this.feed = feed;
    this.schedule();
  }

  stop(): void {
    this.feed?.cancel();
    this.feed = null;
    for (const off of this.unhook.splice(0)) off();
  }

  /** Pushes pending local changes, then applies everything new in the replica. */
  sync(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.reconciled) await this.reconcile();
      await this.pushDirty();
      await this.pull();
      // Applying may have met rows with unpushed edits (left for this push), or closed revisions.
      if (this.dirty.size > 0) {
        await this.pushDirty();
        await this.pull();
      }
    });
  }

  /**
   * Resolves a conflict: the chosen revision (or the hand-merged text) becomes a new revision on the
   * winner, and every losing revision of the conflict is deleted, so every machine sees it resolved.
   */
  resolve(docId: string, choice: Choice): Promise<void> {
    return this.enqueue(async () => {
      await this.pushDirty();
      const conflict = await this.db.syncConflicts.get(docId);
      if (!conflict) throw new Error(`There is no open conflict for ${docId}.`);
      const content = resolutionContent(conflict, choice, this.author(), this.now());
      await this.replica.put({ ...content, _id: docId, _rev: conflict.winner.rev });
      await this.closeRevisions(
        docId,
        conflict.losers.map((loser) => loser.rev),
      );
      await this.pull();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.sync().catch((error: unknown) => this.problems.push(toStorageError(error).message));
    }, 0);
  }

  /** Dexie hooks: every committed write to a user-layer row marks its document for pushing. */
  private watch(): void {
    const mark = (docId: string, transaction: Transaction) => {
      if (transaction === this.applying) return;
      this.dirty.add(docId);
      if (this.pushOnWrite) transaction.on('complete', () => this.schedule());
    };
    const tables = [
      { table: this.db.notes, kind: 'note' as const },
      { table: this.db.decisions, kind: 'decision' as const },
      { table: this.db.items, kind: 'item' as const },
      { table: this.db.itemLinks, kind: 'itemlink' as const },
    ];
    for (const { table, kind } of tables) {
      const creating = function (key: unknown, _obj: unknown, transaction: Transaction) {
        mark(docIdFor(kind, String(key)), transaction);
      };
      const updating = function (_m: unknown, key: unknown, _obj: unknown, transaction: Transaction) {
        mark(docIdFor(kind, String(key)), transaction);
      };
      const deleting = function (key: unknown, _obj: unknown, transaction: Transaction) {
        mark(docIdFor(kind, String(key)), transaction);
      };
      table.hook('creating', creating as never);
      table.hook('updating', updating as never);
      table.hook('deleting', deleting as never);
      this.unhook.push(() => {
        table.hook('creating').unsubscribe(creating as never);
        table.hook('updating').unsubscribe(updating as never);
        table.hook('deleting').unsubscribe(deleting as never);
      });
    }
  }

  /** Hooks on the history database's saved searches (recent searches are per machine, not synced). */
  private watchSavedSearches(): void {
    const table = this.history?.saved;
    if (!table) return;
    const mark = (row: SavedSearch | undefined, transaction: Transaction) => {
      if (transaction === this.applyingHistory || !row) return;
      this.dirtyQueries.add(row.query);
      if (this.pushOnWrite) transaction.on('complete', () => this.schedule());
    };
    const creating = (_key: unknown, row: SavedSearch, tx: Transaction) => mark(row, tx);
    const updating = (_m: unknown, _key: unknown, row: SavedSearch, tx: Transaction) => mark(row, tx);
    const deleting = (_key: unknown, row: SavedSearch, tx: Transaction) => mark(row, tx);
    table.hook('creating', creating as never);
    table.hook('updating', updating as never);
    table.hook('deleting', deleting as never);
    this.unhook.push(() => {
      table.hook('creating').unsubscribe(creating as never);
      table.hook('updating').unsubscribe(updating as never);
      table.hook('deleting').unsubscribe(deleting as never);
    });
  }

  /** Saved searches by document id, or none when this bridge does not carry them. */
  private savedRows(author: string): Promise<Map<string, SyncContent>> {
    return this.history ? savedSearchRows(this.history, author) : Promise.resolve(new Map());
  }

  /**
   * On the first sync of this window: every row that differs from the revision it is based on, and
   * every purged row the replica still holds, is marked for pushing. This carries rows written before
   * sync existed (or while the app was closed mid-push) into the replica.
   */
  private async reconcile(): Promise<void> {
    const rows = await allRows(this.db);
    for (const [docId, row] of await this.savedRows('')) rows.set(docId, row);
    const states = new Map((await this.db.syncDocs.toArray()).map((state) => [state.docId, state]));
    const ids = new Set([
      ...rows.keys(),
      ...[...states.values()].filter((s) => !s.deleted).map((s) => s.docId),
    ]);
    const found = await this.replica.allDocs({ keys: [...ids], include_docs: true });
    for (const entry of found.rows) {
      const state = states.get(entry.key);
      const row = rows.get(entry.key) ?? null;
      if ('error' in entry || !state || entry.value.rev !== state.rev) {
        this.dirty.add(entry.key);
        continue;
      }
      const doc = entry.doc ?? null;
      if (!sameRow(row, entry.value.deleted ? null : doc)) this.dirty.add(entry.key);
    }
    this.reconciled = true;
  }

  private async pushDirty(): Promise<void> {
    for (const query of [...this.dirtyQueries]) {
      this.dirtyQueries.delete(query);
      this.dirty.add(savedSearchDocId(await savedSearchKey(query)));
    }
    const refs = new Map<string, RowRef>();
    for (const docId of this.dirty) {
      const ref = parseDocId(docId);
      if (ref) refs.set(docId, ref);
    }
    this.dirty.clear();
    const ids = [...refs.keys()];
    const saved = ids.some((id) => refs.get(id)?.kind === 'savedsearch')
      ? await this.savedRows(this.author())
      : new Map<string, SyncContent>();
    for (let start = 0; start < ids.length; start += PUSH_BATCH) {
      const batch = new Map(ids.slice(start, start + PUSH_BATCH).map((id) => [id, refs.get(id) as RowRef]));
      for (const again of await pushRows(this.db, this.replica, batch, this.author(), saved))
        this.dirty.add(again);
    }
  }

  private async pull(): Promise<void> {
    for (;;) {
      const since = (await this.db.syncState.get('feed'))?.seq ?? 0;
      const page = await this.replica.changes({ since, limit: FEED_PAGE });
      if (page.results.length === 0) return;
      await this.applyBatch(
        page.results.map((change) => change.id),
        page.last_seq,
      );
      if (page.results.length < FEED_PAGE) return;
    }
  }

  private async applyBatch(ids: readonly string[], lastSeq: number | string): Promise<void> {
    const plans: ApplyPlan[] = [];
    const problemsBefore = this.problems.length;
    const unique = [...new Set(ids)].filter((docId) => {
      const ref = parseDocId(docId);
      return ref !== null && (ref.kind !== 'savedsearch' || this.history !== null);
    });
    const fetched = await prefetch(this.db, this.replica, unique);
    for (const docId of unique) {
      const plan = await planApply(this.replica, docId, fetched, this.problems);
      if (plan) plans.push(plan);
    }
    const db = this.db;
    let changed = false;
    const saved = this.history
      ? await applySavedSearches(
          this.history,
          plans.filter((plan) => plan.ref.kind === 'savedsearch'),
          fetched.states,
          (transaction) => (this.applyingHistory = transaction),
        )
      : { applied: new Set<string>(), changed: false };
    try {
      await db.transaction(
        'rw',
        [
          db.notes,
          db.decisions,
          db.items,
          db.itemLinks,
          db.meta,
          db.syncDocs,
          db.syncConflicts,
          db.syncState,
        ],
        async () => {
          this.applying = Dexie.currentTransaction;
          for (const plan of plans) {
            const row = await readRow(db, plan.ref, '');
            const state = await db.syncDocs.get(plan.docId);
            const savedSearch = plan.ref.kind === 'savedsearch';
            const waits = savedSearch
              ? !saved.applied.has(plan.docId)
              : state?.rev !== plan.baseRev || hasUnpushedEdit(row, plan);
            if (waits) {
              this.dirty.add(plan.docId);
              continue;
            }
            if (!savedSearch && !sameRow(row, plan.winner)) {
              await writeRow(db, plan.ref, plan.winner);
              changed = true;
            }
            await db.syncDocs.put({
              docId: plan.docId,
              rev: plan.winnerRev,
              author: plan.winner?.author ?? state?.author ?? LOCAL_AUTHOR,
              deleted: plan.winner === null,
            });
            const open = await db.syncConflicts.get(plan.docId);
            if (!sameConflict(open, plan.conflict)) {
              await (plan.conflict
                ? db.syncConflicts.put(plan.conflict)
                : db.syncConflicts.delete(plan.docId));
              changed = true;
            }
          }
          await db.syncState.put({ key: 'feed', seq: lastSeq });
          if (changed) await bumpRevision(db, this.now);
        },
      );
    } catch (error) {
      throw toStorageError(error);
    } finally {
      this.applying = null;
    }
    for (const plan of plans)
      if (plan.redundant.length > 0) await this.closeRevisions(plan.docId, plan.redundant);
    if (changed) this.db.externalChanges.notify();
    if (saved.changed) savedSearchesSynced.notify();
    if (changed || saved.changed || this.problems.length > problemsBefore) this.changed.notify();
  }

  /** Deletes losing revisions (deterministic revision ids, so two machines closing them agree). */
  private async closeRevisions(docId: string, revs: readonly string[]): Promise<void> {
    if (revs.length === 0) return;
    await this.replica.bulkDocs(revs.map((rev) => ({ _id: docId, _rev: rev, _deleted: true }) as never));
  }
}
