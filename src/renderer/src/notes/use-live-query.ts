import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: Error };

/**
 * Dexie's liveQuery as React state: re-runs when the tables it read change, in this window or another.
 * (dexie-react-hooks does the same; this is its few lines without another dependency.)
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ok', value }),
      error: (error: unknown) => setState({ status: 'error', error: error as Error }),
    });
    return () => subscription.unsubscribe();
    // The caller owns the dependency list, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
