import { describe, expect, it, vi } from 'vitest';
import { BEFORE_CLOSE_EVENT } from '@shared/ipc/channel-names';
import { CLOSE_TIMEOUT_MS, guardWindowClose } from '../../../src/main/electron/close-guard';

function fakeWindow(id = 7) {
  let onClose: (event: { preventDefault(): void }) => void = () => undefined;
  const window = {
    on: vi.fn((_name: 'close', listener: typeof onClose) => {
      onClose = listener;
    }),
    isDestroyed: vi.fn(() => false),
    webContents: { id, send: vi.fn() },
  };
  const close = () => {
    const event = { preventDefault: vi.fn() };
    onClose(event);
    return event.preventDefault.mock.calls.length > 0 ? 'held' : 'closes';
  };
  return { window, close };
}

function manualTimers() {
  const pending: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  return {
    pending,
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      pending.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  };
}

describe('guardWindowClose', () => {
  it('asks the renderer to save, then finishes once when it answers with the token', () => {
    const { window, close } = fakeWindow();
    const finish = vi.fn();
    const timers = manualTimers();
    const guard = guardWindowClose(window, { finish, ...timers });
    expect(close()).toBe('held');
    expect(window.webContents.send).toHaveBeenCalledWith(BEFORE_CLOSE_EVENT, 1);
    expect(guard.state).toBe('flushing');
    expect(close()).toBe('held'); // a second click while saving is ignored…
    expect(window.webContents.send).toHaveBeenCalledTimes(1); // …and does not ask again

    guard.ready(8, 1); // another window
    guard.ready(7, 2); // a stale or forged token
    guard.ready(7, '1');
    expect(finish).not.toHaveBeenCalled();
    guard.ready(7, 1);
    guard.ready(7, 1);
    expect(finish).toHaveBeenCalledTimes(1);
    expect(timers.pending[0]?.cleared).toBe(true);
    expect(close()).toBe('closes');
  });

  it('closes after the timeout when the renderer never answers (hung or crashed)', () => {
    const { window, close } = fakeWindow();
    const finish = vi.fn();
    const timers = manualTimers();
    const guard = guardWindowClose(window, { finish, ...timers });
    close();
    expect(timers.pending[0]?.ms).toBe(CLOSE_TIMEOUT_MS);
    timers.pending[0]?.run();
    expect(finish).toHaveBeenCalledTimes(1);
    guard.ready(7, 1); // a late answer changes nothing
    expect(finish).toHaveBeenCalledTimes(1);
  });

  it('finishes at once when the renderer cannot be reached', () => {
    const { window, close } = fakeWindow();
    window.webContents.send.mockImplementation(() => {
      throw new Error('Render frame was disposed');
    });
    const finish = vi.fn();
    guardWindowClose(window, { finish, ...manualTimers() });
    close();
    expect(finish).toHaveBeenCalledTimes(1);
  });

  it('does not act on a window that was destroyed meanwhile', () => {
    const { window, close } = fakeWindow();
    const finish = vi.fn();
    const timers = manualTimers();
    guardWindowClose(window, { finish, ...timers });
    close();
    window.isDestroyed.mockReturnValue(true);
    timers.pending[0]?.run();
    expect(finish).not.toHaveBeenCalled();
  });

  it('uses real timers by default', async () => {
    vi.useFakeTimers();
    try {
      const { window, close } = fakeWindow();
      const finish = vi.fn();
      guardWindowClose(window, { finish, timeoutMs: 50 });
      close();
      await vi.advanceTimersByTimeAsync(49);
      expect(finish).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(finish).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
