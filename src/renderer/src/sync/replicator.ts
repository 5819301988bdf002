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
  const failure = (error ?? {}) as { status?: number; message?: string; reason?: string; name?: string };
  const detail = String(failure.reason ?? failure.message ?? failure.name ?? error ?? '');
  if (failure.status === 401) return { code: 'unauthorized', detail };
  if (failure.status === 403) return { code: 'forbidden', detail };
  if (failure.status === undefined || failure.status === 0 || failure.status >= 500)
    return { code: 'unreachable', detail };
  return { code: 'other', detail };
}

interface ReplicationHandle {
  on(event: string, listener: (value?: unknown) => void): unknown;
  cancel(): void;
}

type Side = { state: SyncState; reason: SyncReason | null };

/**
 * Two one-way live replications rather than PouchDB's sync(): sync() reports "paused" without the
 * error when the server is unreachable, which would read as "up to date".
 */
export class Replicator {
  readonly changes: Signal = createSignal();
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

  private update(): void {
    const worst = (['error', 'offline', 'syncing'] as const)
      .map((state) => this.sides.find((side) => side.state === state))
      .find((side) => side !== undefined);
    const idle = this.sides.length === 0;
    const state: SyncState = idle ? 'idle' : (worst?.state ?? 'up-to-date');
    this.current = {
      state,
      reason: worst?.reason ?? null,
      lastSyncAt: state === 'up-to-date' ? this.now().toISOString() : this.current.lastSyncAt,
    };
    this.changes.notify();
  }

  /** Starts live, retrying replication both ways (again after stop()). */
  start(): void {
    if (this.handles.length > 0) return;
    const remote = this.remote();
    const directions = [
      this.local.replicate.from(remote, { live: true, retry: true }),
      this.local.replicate.to(remote, { live: true, retry: true }),
    ] as unknown as ReplicationHandle[];
    this.sides = directions.map(() => ({ state: 'syncing', reason: null }));
    directions.forEach((handle, index) => {
      const set = (state: SyncState, reason: SyncReason | null) => {
        this.sides[index] = { state, reason };
        this.update();
      };
      handle.on('active', () => set('syncing', null));
      handle.on('paused', (error) =>
        set(error ? 'offline' : 'up-to-date', error ? describeFailure(error) : null),
      );
      handle.on('denied', (error) => set('error', describeFailure(error)));
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
