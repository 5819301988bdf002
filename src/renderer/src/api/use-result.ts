/**
 * The renderer's one way to fetch data: `useResult(load, deps, { refetchOn })`.
 *
 * - `load` answers a Result (an API call, or several chained); a thrown error becomes an `internal` error.
 * - `deps` are the inputs: when one changes the state goes back to `loading`, and the answer for the
 *   old inputs is ignored if it comes late.
 * - `refetchOn` is a change signal (`collectionsSignal(api)`, or a hook's own `createSignal()` for
 *   "reload"): on notify it loads again but keeps showing the current value until the new one arrives.
 * - No state update after unmount.
 *
 * Where state lives (the rule for the renderer): data fetched from the API is loaded through this hook;
 * caches of immutable or versioned data may be module-level, keyed by the API object or by content,
 * with a comment saying why (`fetchCollection`, CSL sources); state of the open window (focus
 * requests, last query, default stores) is a `sessionValue` in the Session that <ApiProvider> creates;
 * "something changed" is a Signal, never a window event.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AppError, Result } from '@shared/result';
import type { Signal } from './signal';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

export interface ResultOptions {
  /** Load again (keeping the shown value meanwhile) whenever this signal is notified. */
  refetchOn?: Signal;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

const LOADING = { status: 'loading' } as const;

const NEVER: Signal = { notify: () => undefined, subscribe: () => () => undefined, version: () => 0 };

/**
 * Runs an API call and tracks its state. A newer call (deps changed, or the signal fired) supersedes
 * an older one, whose late answer is ignored.
 */
export function useResult<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
  options: ResultOptions = {},
): AsyncState<T> {
  const signal = options.refetchOn ?? NEVER;
  const version = useSyncExternalStore(signal.subscribe, signal.version);
  const [state, setState] = useState<AsyncState<T>>(LOADING);
  const [loadedDeps, setLoadedDeps] = useState(deps);
  // Back to "loading" during render when the inputs change (React's documented pattern for
  // resetting state on prop change), so a stale answer is never shown for new inputs. This render
  // answers "loading" too: the caller's code after the hook runs before React renders again, and
  // must not meet the old value with the new inputs (an old formatter asked for a new style).
  const changed = !sameDeps(loadedDeps, deps);
  if (changed) {
    setLoadedDeps(deps);
    setState(LOADING);
  }
  useEffect(() => {
    let current = true;
    load().then(
      (result) => {
        if (!current) return;
        setState(
          result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error },
        );
      },
      (error: unknown) => {
        if (!current) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ status: 'error', error: { code: 'internal', message } });
      },
    );
    return () => {
      current = false;
    };
    // The caller owns the dependency list, as with useEffect; the signal's version joins it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return changed ? LOADING : state;
}
