/**
 * The renderer-facing API. Like Actual Budget's `send(name, args)`, one typed `call` reaches every
 * contract channel: argument and result types are inferred from the channel name, and the main process
 * validates every argument (see src/main/ipc/dispatch.ts). The Electron preload and the HTTP transport
 * both build it with `createApi(invoke)`, so the renderer sees the same object whichever serves it.
 * Every call resolves to a Result: errors are data with a code (see ../result.ts).
 */
import type { Invoke } from './contract';

export type SubscribeToViews = (listener: (route: string) => void) => () => void;

export interface AtmintisApi {
  call: Invoke;
  /** The main process asks to open a view (application menu shortcuts). Returns an unsubscribe. */
  onOpenView: SubscribeToViews;
}

const noViewEvents: SubscribeToViews = () => () => undefined;

export function createApi(invoke: Invoke, subscribeToViews: SubscribeToViews = noViewEvents): AtmintisApi {
  return {
    call: (channel, request) => invoke(channel, request),
    onOpenView: (listener) => subscribeToViews(listener),
  };
}
