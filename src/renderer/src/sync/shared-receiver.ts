/**
 * Receiving what teammates shared (collections as datasets, photo originals) without a button: after
 * every completed pull the sync service asks for a check of both, and the buttons in the Sync view
 * ("Check now") ask for the same check. Checks run one at a time, in one queue, so no two imports
 * ever run at once; asking for a kind that is already waiting its turn joins that turn instead of
 * queueing another. A failure is kept as the outcome of its kind (the panels show it) and never stops
 * the next check.
 */
import { createSignal, type Signal } from '../api/signal';
import type { ReceivedDatasets } from './datasets';

export type ReceiveKind = 'datasets' | 'photos';

export interface ReceivedPhotos {
  imported: string[];
  refused: Array<{ sha256: string; reason: string }>;
}

interface Results {
  datasets: ReceivedDatasets;
  photos: ReceivedPhotos;
}

/** How each kind is received; the window's come from the app's API (receive-ports.ts). */
export interface ReceivePorts {
  datasets(): Promise<ReceivedDatasets>;
  photos(): Promise<ReceivedPhotos>;
}

/** The last check of a kind: what it found, or why it failed; `manual` when the user asked for it. */
export type ReceiveOutcome<K extends ReceiveKind> =
  | { manual: boolean; result: Results[K]; error?: undefined }
  | { manual: boolean; error: string; result?: undefined };

export class SharedReceiver {
  /** Fires when a check starts or ends. */
  readonly changes: Signal = createSignal();
  private ports: ReceivePorts | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<ReceiveKind, { run: Promise<void>; manual: boolean }>();
  private current: ReceiveKind | null = null;
  private readonly outcomes: { [K in ReceiveKind]?: ReceiveOutcome<K> } = {};

  /** Gives the ports automatic checks use; answers how to take them back (only these ports). */
  attach(ports: ReceivePorts): () => void {
    this.ports = ports;
    return () => {
      if (this.ports === ports) this.ports = null;
    };
  }

  /** A completed pull: checks both kinds, when the window has given its ports. */
  pulled(): void {
    const ports = this.ports;
    if (!ports) return;
    void this.check('datasets', ports, false);
    void this.check('photos', ports, false);
  }

  /**
   * Queues one check of a kind with these ports (the user's "Check now" gives the panel's own).
   * Resolves when it has run; never rejects (a failure becomes the kind's outcome).
   */
  check(kind: ReceiveKind, ports: ReceivePorts, manual = true): Promise<void> {
    const queued = this.waiting.get(kind);
    if (queued) {
      // The user's press makes the waiting turn show its result even when there is nothing new.
      queued.manual ||= manual;
      return queued.run;
    }
    const turn = { manual, run: Promise.resolve() };
    turn.run = this.queue.then(async () => {
      this.waiting.delete(kind);
      await this.runOne(kind, ports, turn.manual);
    });
    this.waiting.set(kind, turn);
    this.queue = turn.run;
    return turn.run;
  }

  /**
   * Runs other work on the same datasets record in the same queue (sharing a collection writes
   * `_local/atmintis-datasets` as receiving does), so the two never race; its failure is the caller's.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The kind being received now, if any. */
  running(): ReceiveKind | null {
    return this.current;
  }

  outcome<K extends ReceiveKind>(kind: K): ReceiveOutcome<K> | undefined {
    return this.outcomes[kind] as ReceiveOutcome<K> | undefined;
  }

  private async runOne(kind: ReceiveKind, ports: ReceivePorts, manual: boolean): Promise<void> {
    this.current = kind;
    this.changes.notify();
    try {
      const result = kind === 'datasets' ? await ports.datasets() : await ports.photos();
      // A background check that found nothing leaves the last outcome on show.
      if (manual || !nothingFound(result)) this.outcomes[kind] = { manual, result } as never;
    } catch (error) {
      this.outcomes[kind] = { manual, error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.current = null;
      this.changes.notify();
    }
  }
}

function nothingFound(result: ReceivedDatasets | ReceivedPhotos): boolean {
  return Object.values(result).every((list: unknown[]) => list.length === 0);
}
