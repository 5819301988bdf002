/**
 * "The sync settings changed": the settings form notifies it after saving or forgetting, so the
 * status in the app's chrome and the Sync view read them again. One signal per API object (per
 * window), as collections-changed.ts does for collections.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import { createSignal, type Signal } from '../api/signal';

const signals = new WeakMap<AtmintisApi, Signal>();

export function syncSettingsSignal(api: AtmintisApi): Signal {
  let signal = signals.get(api);
  if (!signal) signals.set(api, (signal = createSignal()));
  return signal;
}
