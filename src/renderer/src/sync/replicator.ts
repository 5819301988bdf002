/**
 * Live replication between the replica and the remote database, and what the user is told about it:
 * up to date, syncing, offline (retrying on its own) or stopped by an error, with the reason and the
 * time of the last completed sync. PouchDB does the replicating, retries included.
 */
import { createSignal, type Signal } from '../api/signal';
import type { ReplicaDb } from './replica';

export type SyncState = 'idle' | 'syncing' | 'up-to-date' | 'offline' | 'error';

/** Why sync is offline or stopped; the view turns the code into words in the user's language. */
export interface SyncReason {
  code: 'unauthorized' | 'forbidden' | 'unreachable' | 'other';
  /** The engine's or server's own message, shown beside ours. */
  detail: string;
}

export interface SyncStatus {
  state: SyncState;
  reason: SyncReason | null;
  lastSyncAt: string | null;
}

export function describeFailure(error: unknown): SyncReason {
  const failure = (error ?? {}) as {
    status?: number;
    message?: string;
    reason?: string;
    name?: string;
    error?: unknown;
  };
  const detail = String(failure.reason ?? failure.message ?? failure.name ?? error ?? '');
  // A refused document inside a _bulk_docs answer has no HTTP status of its own, only its name.
  const name = String(failure.name ?? failure.error ?? '').toLowerCase();
  if (failure.status === 401 || name === 'unauthorized') return { code: 'unauthorized', detail };
  if (failure.status === 403 || name === 'forbidden') return { code: 'forbidden', detail };
  if (failure.status === undefined || failure.status === 0 || failure.status >= 500)
    return { code: 'unreachable', detail };
  return { code: 'other', detail };
}

interface ReplicationHandle {
  on(event: string, listener: (value?: unknown) => void): unknown;
  cancel(): void;
}

/**
 * The last sync and the last error's reason from an earlier run (sync-memory.ts), shown until this
 * run has news of its own.
 */
export interface RememberedStatus {
  lastSyncAt: string | null;
  reason: SyncReason | null;
}

type Side = { state: SyncState; reason: SyncReason | null; refused: SyncReason | null };

/** The side replicating from the server (the other pushes to it). */
const PULL = 0;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

/**
 * How long to wait before the next attempt: 1 s, then doubling up to 30 s. PouchDB's own doubles up
 * to ten minutes, so a team whose server was down for a while would wait that long after it is back.
 */
export function backOff(previousMs: number): number {
  return previousMs <= 0 ? FIRST_RETRY_MS : Math.min(LONGEST_RETRY_MS, previousMs * 2);
}

/**
 * Two one-way live replications rather than PouchDB's sync(): sync() reports "paused" without the
 * error when the server is unreachable, which would read as "up to date".
 */
export class Replicator {
  readonly changes: Signal = createSignal();
  /** Fires each time the pull from the server has caught up (paused with no error). */
  readonly pulled: Signal = createSignal();
  private current: SyncStatus = { state: 'idle', reason: null, lastSyncAt: null };
  private handles: ReplicationHandle[] = [];
  private sides: Side[] = [];

  constructor(
    private readonly local: ReplicaDb,
    private readonly remote: () => ReplicaDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  status(): SyncStatus {
    return this.current;
  }

  /** Shows what an earlier run left (while this one has not started or reported yet). */
  restore(remembered: RememberedStatus): void {
    this.current = {
      state: this.current.state,
      reason: this.sides.length === 0 ? remembered.reason : this.current.reason,
      lastSyncAt: this.current.lastSyncAt ?? remembered.lastSyncAt,
    };
    this.changes.notify();
  }

  private update(): void {
    const worst = (['error', 'offline', 'syncing'] as const)
      .map((state) => this.sides.find((side) => side.state === state))
      .find((side) => side !== undefined);
    const idle = this.sides.length === 0;
    const state: SyncState = idle ? 'idle' : (worst?.state ?? 'up-to-date');
    this.current = {
      state,
      // Stopping keeps the last reason on show: it is why the user may have stopped.
      reason: idle ? this.current.reason : (worst?.reason ?? null),
      lastSyncAt: state === 'up-to-date' ? this.now().toISOString() : this.current.lastSyncAt,
    };
    this.changes.notify();
  }

  /** Starts live, retrying replication both ways (again after stop()). */
  start(): void {
    if (this.handles.length > 0) return;
    const remote = this.remote();
    const options = { live: true, retry: true, back_off_function: backOff };
    const directions = [
      this.local.replicate.from(remote, options),
      this.local.replicate.to(remote, options),
    ] as unknown as ReplicationHandle[];
    this.sides = directions.map(() => ({ state: 'syncing', reason: null, refused: null }));
    directions.forEach((handle, index) => {
      const set = (state: SyncState, reason: SyncReason | null) => {
        const side = this.sides[index];
        if (!side) return;
        // A refused change is not retried (PouchDB moves past it and pauses "without error"), so the
        // refusal stays on show until sync is stopped: "up to date" would hide that it never arrived.
        if (side.refused && (state === 'up-to-date' || state === 'syncing'))
          this.sides[index] = { ...side, state: 'error', reason: side.refused };
        else this.sides[index] = { ...side, state, reason };
        this.update();
      };
      handle.on('active', () => set('syncing', null));
      const failed = (error: unknown) => {
        const reason = describeFailure(error);
        // Retrying cannot help a refused sign-in or a read-only account: that is an error to show.
        const refused = reason.code === 'unauthorized' || reason.code === 'forbidden';
        set(refused ? 'error' : 'offline', reason);
      };
      handle.on('paused', (error) => {
        if (error) return failed(error);
        set('up-to-date', null);
        if (index === PULL) this.pulled.notify();
      });
      // PouchDB reports a failed request as "paused" only while a batch is being copied; a failure
      // while it waits for changes (the server went away) is retried quietly, with only this event.
      handle.on('requestError', failed);
      handle.on('denied', (error) => {
        const refused = describeFailure(error);
        const side = this.sides[index];
        if (side) this.sides[index] = { ...side, refused };
        set('error', refused);
      });
      handle.on('error', (error) => set('error', describeFailure(error)));
    });
    this.handles = directions;
    this.update();
  }

  stop(): void {
    for (const handle of this.handles) handle.cancel();
    this.handles = [];
    this.sides = [];
    this.update();
  }

  get running(): boolean {
    return this.handles.length > 0;
  }
}
