/**
 * The window's sync service: one bridge, one replicator and the bundle actions over the notes
 * database, created on first use and kept per notes database (so a test's own database gets its own).
 * The bridge starts with the service; live replication starts only when asked (the sync settings,
 * owned by sync/settings/, say whether and as whom). A window that never opens sync never creates a
 * replica; its notes reach the replica at the first sync (the bridge's start-up comparison).
 */
import type { BundleSince } from '@shared/sync/bundle';
import { LOCAL_AUTHOR } from '@shared/sync/docs';
import { createSignal, type Signal } from '../api/signal';
import type { NotesDatabase } from '../notes/db';
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
  /** Fires when the status, the conflicts or the author change. */
  readonly changes: Signal = createSignal();
  private author = LOCAL_AUTHOR;
  private readonly now: () => Date;

  constructor(db: NotesDatabase, options: SyncServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    const replica = (options.replica ?? browserReplica)(REPLICA_DB_NAME);
    this.bridge = new SyncBridge(db, replica, { author: () => this.author, now: this.now });
    const remote = options.remote ?? sameOriginRemote(browserRemote);
    this.replicator = new Replicator(replica, remote, this.now);
    this.replicator.changes.subscribe(() => this.changes.notify());
    this.bridge.changed.subscribe(() => this.changes.notify());
    this.bridge.start();
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

  connect(): void {
    this.replicator.start();
  }

  disconnect(): void {
    this.replicator.stop();
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

const services = new WeakMap<NotesDatabase, SyncService>();

/** The one sync service of this notes database (created, and its bridge started, on first use). */
export function syncServiceFor(db: NotesDatabase, options?: SyncServiceOptions): SyncService {
  let service = services.get(db);
  if (!service) services.set(db, (service = new SyncService(db, options)));
  return service;
}
