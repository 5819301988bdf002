import { act, cleanup, fireEvent, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { ApiProvider, useSessionValue } from '../../../src/renderer/src/api/ApiContext';
import { searchFocusRequest, useSearchShortcut } from '../../../src/renderer/src/search/use-search-shortcut';

afterEach(cleanup);

const inSession = ({ children }: { children: ReactNode }) => (
  <ApiProvider api={{} as AtmintisApi}>{children}</ApiProvider>
);

describe('search focus request (the shortcut asking Search to focus its box)', () => {
  it('is taken once by a Search view that mounts after the shortcut, and told to one already open', () => {
    const { result } = renderHook(
      () => {
        useSearchShortcut();
        return useSessionValue(searchFocusRequest);
      },
      { wrapper: inSession },
    );
    const request = result.current;
    expect(request.take()).toBe(false);

    act(() => void fireEvent.keyDown(document.body, { key: '/' }));
    expect(request.take()).toBe(true);
    expect(request.take()).toBe(false);

    const listener = vi.fn();
    const unsubscribe = request.subscribe(listener);
    act(() => void fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('belongs to one session: a request in one window is not taken in another', () => {
    const first = renderHook(() => useSessionValue(searchFocusRequest), { wrapper: inSession });
    const second = renderHook(() => useSessionValue(searchFocusRequest), { wrapper: inSession });
    first.result.current.request();
    expect(second.result.current.take()).toBe(false);
    expect(first.result.current.take()).toBe(true);
  });
});
