/**
 * The window's sync service: one bridge, one replicator and the bundle actions over the notes
 * database, created on first use and kept per notes database (so a test's own database gets its own).
 * The bridge starts with the service. Live replication starts when the user asks, and again at every
 * start after that until they stop it (`resume()`, called by the app's chrome once a server is set up;
 * the choice, the last sync time and the last error are kept in sync-memory.ts). A window with no sync
 * server set up never creates a replica; its notes reach the replica at the first sync (the bridge's
 * start-up comparison). Each completed pull asks the receiver (shared-receiver.ts) to import what
 * teammates shared, once the window has given it the app's API.
 */
import type { BundleSince } from '@shared/sync/bundle';
import { LOCAL_AUTHOR } from '@shared/sync/docs';
import { createSignal, type Signal } from '../api/signal';
import type { NotesDatabase } from '../notes/db';
import { searchHistoryDb } from '../search/history';
import { SyncBridge } from './bridge';
import { exportBundle, importBundle, type BundleExport } from './bundles';
import {
  browserRemote,
  browserReplica,
  REPLICA_DB_NAME,
  type ReplicaDb,
  type ReplicaFactory,
} from './replica';
import { Replicator, type SyncStatus } from './replicator';
import { SharedReceiver } from './shared-receiver';
import { FORGOTTEN, readSyncMemory, updateSyncMemory, type SyncMemory } from './sync-memory';

/** The same-origin address the main process forwards to the configured server (docs/sync.md). */
export function sameOriginRemote(factory: (url: string) => ReplicaDb): () => ReplicaDb {
  return () => factory(new URL('/sync/remote', location.origin).toString());
}

export interface SyncServiceOptions {
  replica?: ReplicaFactory;
  remote?: () => ReplicaDb;
  now?: () => Date;
}

export class SyncService {
  readonly bridge: SyncBridge;
  readonly replicator: Replicator;
  /** Receives teammates' shared collections and photo originals after each completed pull. */
  readonly receiver = new SharedReceiver();
  /** Fires when the status, the conflicts or the author change. */
  readonly changes: Signal = createSignal();
  private author = LOCAL_AUTHOR;
  private readonly now: () => Date;
  /** What an earlier run left; the status shows it until this run has news. */
  readonly remembered: Promise<SyncMemory>;
  private saved: Pick<SyncMemory, 'lastSyncAt' | 'lastError'> = { lastSyncAt: null, lastError: null };
  /** Writes of the remembered state, in order (a later status never lands before an earlier one). */
  private saving: Promise<void> = Promise.resolve();
  /** The user's choice in this run (start or stop), which outranks the remembered one. */
  private chosen: boolean | null = null;

  constructor(
    private readonly db: NotesDatabase,
    options: SyncServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const replica = (options.replica ?? browserReplica)(REPLICA_DB_NAME);
    this.bridge = new SyncBridge(db, replica, {
      author: () => this.author,
      now: this.now,
      // Without IndexedDB (some tests) there is no history database, and saved searches are not carried.
      history: typeof indexedDB === 'undefined' ? undefined : searchHistoryDb(),
    });
    const remote = options.remote ?? sameOriginRemote(browserRemote);
    this.replicator = new Replicator(replica, remote, this.now);
    this.replicator.changes.subscribe(() => {
      this.rememberStatus();
      this.changes.notify();
    });
    this.replicator.pulled.subscribe(() => this.receiver.pulled());
    this.bridge.changed.subscribe(() => this.changes.notify());
    // Unreadable memory means starting as if sync had never run: the settings and notes are elsewhere.
    this.remembered = readSyncMemory(db).catch(() => FORGOTTEN);
    void this.remembered.then((memory) => {
      const heard = this.saved.lastSyncAt !== null || this.saved.lastError !== null;
      if (!heard) this.saved = { lastSyncAt: memory.lastSyncAt, lastError: memory.lastError };
      this.replicator.restore({ lastSyncAt: memory.lastSyncAt, reason: memory.lastError });
    });
    this.bridge.start();
  }

  /** Keeps the last sync time and the last error's reason for the next start. */
  private rememberStatus(): void {
    const { state, reason, lastSyncAt } = this.replicator.status();
    // Stopping is not news about the server: the reason it stopped with stays remembered.
    const lastError = state === 'idle' ? this.saved.lastError : reason;
    if (lastSyncAt === this.saved.lastSyncAt && sameReason(lastError, this.saved.lastError)) return;
    this.saved = { lastSyncAt, lastError };
    this.remember({ lastSyncAt, lastError });
  }

  private remember(change: Partial<SyncMemory>): void {
    // Losing this write costs only the status shown after a restart, never a note: it is not retried.
    this.saving = this.saving.then(() => updateSyncMemory(this.db, change)).catch(() => undefined);
  }

  /** Resolves when what this service asked to remember is written (tests wait for it). */
  settled(): Promise<void> {
    return this.saving;
  }

  /** The sync user name every revision written here carries ("local" when empty). */
  setAuthor(name: string): void {
    this.author = name.trim() || LOCAL_AUTHOR;
    this.changes.notify();
  }

  authorName(): string {
    return this.author;
  }

  status(): SyncStatus {
    return this.replicator.status();
  }

  /** "Start syncing": starts now and at every later start of the app, until disconnect(). */
  connect(): void {
    this.replicator.start();
    this.chosen = true;
    this.remember({ wanted: true });
  }

  /** "Stop syncing", remembered: the next start of the app does not sync either. */
  disconnect(): void {
    this.replicator.stop();
    this.chosen = false;
    this.remember({ wanted: false });
  }

  /**
   * At start, once a server is set up: resumes live sync when the user had started it and not
   * stopped it since. Answers whether it did.
   */
  async resume(): Promise<boolean> {
    const memory = await this.remembered;
    if (!(this.chosen ?? memory.wanted) || this.replicator.running) return false;
    this.replicator.start();
    return true;
  }

  resolve(docId: string, choice: { rev: string } | { body: string }): Promise<void> {
    return this.bridge.resolve(docId, choice).finally(() => this.changes.notify());
  }

  exportBundle(since: BundleSince): Promise<BundleExport> {
    return exportBundle(this.bridge, since, this.author, this.now());
  }

  importBundle(text: string): Promise<{ docs: number }> {
    return importBundle(this.bridge, text).finally(() => this.changes.notify());
  }
}

const sameReason = (x: SyncMemory['lastError'], y: SyncMemory['lastError']) =>
  x?.code === y?.code && x?.detail === y?.detail;

const services = new WeakMap<NotesDatabase, SyncService>();

/** The one sync service of this notes database (created, and its bridge started, on first use). */
export function syncServiceFor(db: NotesDatabase, options?: SyncServiceOptions): SyncService {
  let service = services.get(db);
  if (!service) services.set(db, (service = new SyncService(db, options)));
  return service;
}
