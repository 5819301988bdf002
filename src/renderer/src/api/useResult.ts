import { useEffect, useState } from 'react';
import type { AppError, Result } from '@shared/result';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/**
 * Runs an API call and tracks its state. A newer call (deps changed) supersedes an older one, whose
 * late answer is ignored.
 */
export function useResult<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [loadedDeps, setLoadedDeps] = useState(deps);
  // Back to "loading" during render when the inputs change (React's documented pattern for
  // resetting state on prop change), so a stale answer is never shown for new inputs.
  if (!sameDeps(loadedDeps, deps)) {
    setLoadedDeps(deps);
    setState({ status: 'loading' });
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
        if (current) setState({ status: 'error', error: { code: 'internal', message: String(error) } });
      },
    );
    return () => {
      current = false;
    };
    // The caller owns the dependency list, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
