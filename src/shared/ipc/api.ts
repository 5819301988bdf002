/**
 * The renderer-facing API. Like Actual Budget's `send(name, args)`, one typed `call` reaches every
 * contract channel: argument and result types are inferred from the channel name, and the main process
 * validates every argument (see src/main/ipc/dispatch.ts). The Electron preload and the HTTP transport
 * both build it with `createApi(invoke)`, so the renderer sees the same object whichever serves it.
 * Every call resolves to a Result: errors are data with a code (see ../result.ts).
 */
import type { Invoke } from './contract';

type SubscribeToViews = (listener: (route: string) => void) => () => void;
/** The listener runs when the window is about to close; the window waits (bounded) for its promise. */
type SubscribeToClose = (listener: () => Promise<void> | void) => () => void;

export interface AtmintisApi {
  call: Invoke;
  /** The main process asks to open a view (application menu shortcuts). Returns an unsubscribe. */
  onOpenView: SubscribeToViews;
  /**
   * Electron only: the window is closing; save what is pending (notes, final backup) before it goes.
   * Absent where the host has no such event (the web harness relies on pagehide instead).
   */
  onBeforeClose?: SubscribeToClose;
}

const noViewEvents: SubscribeToViews = () => () => undefined;

export function createApi(
  invoke: Invoke,
  subscribeToViews: SubscribeToViews = noViewEvents,
  subscribeToClose?: SubscribeToClose,
): AtmintisApi {
  return {
    call: (channel, request) => invoke(channel, request),
    onOpenView: (listener) => subscribeToViews(listener),
    ...(subscribeToClose ? { onBeforeClose: (listener) => subscribeToClose(listener) } : {}),
  };
}
