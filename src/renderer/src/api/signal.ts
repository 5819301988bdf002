/**
 * A change signal: "what you loaded may be stale, load it again". It carries no data, only a count of
 * changes, so `useResult` can watch it with useSyncExternalStore and a service can ask "changed since?".
 */
export interface Signal {
  /** Tells every subscriber that the data it watches changed. */
  notify(): void;
  subscribe(listener: () => void): () => void;
  /** How many times notify() ran: a stable snapshot for React, and a cheap "changed since?" test. */
  version(): number;
}

export function createSignal(): Signal {
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    notify() {
      version += 1;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}
