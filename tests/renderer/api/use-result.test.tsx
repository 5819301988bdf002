import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { fail, ok, type Result } from '@shared/result';
import { ApiProvider, useSessionValue } from '../../../src/renderer/src/api/ApiContext';
import { collectionsChanged, collectionsSignal } from '../../../src/renderer/src/api/collections-changed';
import { sessionValue } from '../../../src/renderer/src/api/session';
import { createSignal } from '../../../src/renderer/src/api/signal';
import { useResult } from '../../../src/renderer/src/api/use-result';

afterEach(cleanup);

/** A load whose answers the test hands out one by one, in any order. */
function deferredLoads<T>() {
  const pending: { input: unknown; resolve: (result: Result<T>) => void; reject: (e: unknown) => void }[] =
    [];
  const load = vi.fn(
    (input: unknown) => new Promise<Result<T>>((resolve, reject) => pending.push({ input, resolve, reject })),
  );
  return { load, pending };
}

const api = {} as AtmintisApi;

describe('useResult', () => {
  it('is loading until the answer, then holds the value', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result } = renderHook(() => useResult(() => load('a'), ['a']));
    expect(result.current).toEqual({ status: 'loading' });
    await act(async () => pending[0]?.resolve(ok('value')));
    expect(result.current).toEqual({ status: 'ok', value: 'value' });
  });

  it('shows a failed Result, and a thrown error, as an error with its message', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result, rerender } = renderHook(({ input }) => useResult(() => load(input), [input]), {
      initialProps: { input: 'a' },
    });
    await act(async () => pending[0]?.resolve(fail('not-found', 'No collection "a"')));
    expect(result.current).toEqual({
      status: 'error',
      error: { code: 'not-found', message: 'No collection "a"' },
    });
    rerender({ input: 'b' });
    await act(async () => pending[1]?.reject(new Error('disk gone')));
    expect(result.current).toEqual({ status: 'error', error: { code: 'internal', message: 'disk gone' } });
  });

  it('ignores the late answer for inputs that have changed since', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result, rerender } = renderHook(({ input }) => useResult(() => load(input), [input]), {
      initialProps: { input: 'first' },
    });
    rerender({ input: 'second' });
    expect(result.current).toEqual({ status: 'loading' });
    await act(async () => pending[1]?.resolve(ok('second answer')));
    await act(async () => pending[0]?.resolve(ok('first answer')));
    expect(result.current).toEqual({ status: 'ok', value: 'second answer' });
  });

  it('goes back to loading when an input changes, never showing the old value for the new input', async () => {
    const { load, pending } = deferredLoads<string>();
    const { result, rerender } = renderHook(({ input }) => useResult(() => load(input), [input]), {
      initialProps: { input: 'a' },
    });
    await act(async () => pending[0]?.resolve(ok('A')));
    rerender({ input: 'b' });
    expect(result.current).toEqual({ status: 'loading' });
  });

  it('answers loading already in the render that changes the inputs, never the old value with them', async () => {
    const { load, pending } = deferredLoads<string>();
    const seen: [string, unknown][] = [];
    const { rerender } = renderHook(
      ({ input }) => {
        const state = useResult(() => load(input), [input]);
        seen.push([input, state.status === 'ok' ? state.value : state.status]);
        return state;
      },
      { initialProps: { input: 'a' } },
    );
    await act(async () => pending[0]?.resolve(ok('A')));
    rerender({ input: 'b' });
    expect(seen.filter(([input]) => input === 'b').map(([, value]) => value)).not.toContain('A');
  });

  it('loads again on collectionsChanged, keeping the value shown until the new one arrives', async () => {
    const { load, pending } = deferredLoads<string[]>();
    const { result } = renderHook(() =>
      useResult(() => load('list'), [api], { refetchOn: collectionsSignal(api) }),
    );
    await act(async () => pending[0]?.resolve(ok(['bundled'])));
    expect(result.current).toEqual({ status: 'ok', value: ['bundled'] });

    act(() => collectionsChanged(api));
    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current).toEqual({ status: 'ok', value: ['bundled'] });
    await act(async () => pending[1]?.resolve(ok(['bundled', 'imported'])));
    expect(result.current).toEqual({ status: 'ok', value: ['bundled', 'imported'] });
  });

  it('ignores an answer overtaken by a newer refetch', async () => {
    const signal = createSignal();
    const { load, pending } = deferredLoads<number>();
    const { result } = renderHook(() => useResult(() => load(null), [], { refetchOn: signal }));
    act(() => signal.notify());
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => pending[1]?.resolve(ok(2)));
    await act(async () => pending[0]?.resolve(ok(1)));
    expect(result.current).toEqual({ status: 'ok', value: 2 });
  });

  it('does not update after unmount', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, pending } = deferredLoads<string>();
    const { result, unmount } = renderHook(() => useResult(() => load('a'), ['a']));
    unmount();
    await act(async () => pending[0]?.resolve(ok('late')));
    expect(result.current).toEqual({ status: 'loading' });
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('keeps one signal per API: another window is not told of this one’s change', async () => {
    const other = {} as AtmintisApi;
    const { load, pending } = deferredLoads<string>();
    renderHook(() => useResult(() => load('x'), [other], { refetchOn: collectionsSignal(other) }));
    await act(async () => pending[0]?.resolve(ok('x')));
    act(() => collectionsChanged(api));
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('session values', () => {
  const counter = sessionValue(() => ({ count: 0 }));
  const inSession = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>{children}</ApiProvider>
  );

  it('are one instance per session, and a fresh provider starts a fresh session', () => {
    const first = renderHook(() => [useSessionValue(counter), useSessionValue(counter)] as const, {
      wrapper: inSession,
    });
    const [a, b] = first.result.current;
    expect(a).toBe(b);
    a.count = 5;
    const second = renderHook(() => useSessionValue(counter), { wrapper: inSession });
    expect(second.result.current.count).toBe(0);
  });
});
