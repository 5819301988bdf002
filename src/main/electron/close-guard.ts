/**
 * Closing the main window without losing the last notes: the first 'close' is held back, the renderer
 * is asked (BEFORE_CLOSE_EVENT) to save pending edits and write a final backup, and the window closes
 * when it answers (CLOSE_READY_EVENT) or after `timeoutMs`, so a hung or crashed renderer can never
 * keep the app from quitting. Plain logic on a minimal window shape: tested without Electron.
 */
import { BEFORE_CLOSE_EVENT } from '@shared/ipc/channel-names';

/** Long enough for a flush plus a backup that waits out the store's 2-second spacing (see backups). */
export const CLOSE_TIMEOUT_MS = 8000;

interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  isDestroyed(): boolean;
  webContents: { id: number; send(channel: string, ...args: unknown[]): void };
}

interface CloseGuardOptions {
  /** Closes for real once the renderer is done (Electron: `window.close()`, or `app.quit()` when quitting). */
  finish: () => void;
  timeoutMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface CloseGuard {
  /** The renderer answered; ignored unless it comes from this window with the current token. */
  ready(senderId: number, token: unknown): void;
  readonly state: 'open' | 'flushing' | 'closing';
}

export function guardWindowClose(window: GuardedWindow, options: CloseGuardOptions): CloseGuard {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let state: CloseGuard['state'] = 'open';
  let token = 0;
  let timer: unknown;

  const finish = () => {
    if (state !== 'flushing') return;
    state = 'closing';
    clearTimer(timer);
    if (!window.isDestroyed()) options.finish();
  };

  window.on('close', (event) => {
    // Second pass (after the renderer answered or the timeout): let it close.
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'flushing') return; // a second click on ✕ while flushing changes nothing
    state = 'flushing';
    token += 1;
    timer = setTimer(finish, options.timeoutMs ?? CLOSE_TIMEOUT_MS);
    try {
      window.webContents.send(BEFORE_CLOSE_EVENT, token);
    } catch {
      finish(); // the renderer is gone: nothing to wait for
    }
  });

  return {
    ready(senderId, answer) {
      if (senderId === window.webContents.id && answer === token) finish();
    },
    get state() {
      return state;
    },
  };
}
