/**
 * The one "collections changed" signal. Whoever adds, replaces or removes a collection calls
 * `collectionsChanged(api)`; every `useResult(…, { refetchOn: collectionsSignal(api) })` fetches again,
 * the collection cache (`fetchCollection`) and the search index are renewed on next use.
 *
 * Keyed by the API object, like the caches of data behind it: one signal per connection (per window),
 * and a test's fresh fake API starts with a fresh signal.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import { createSignal, type Signal } from './signal';

const signals = new WeakMap<AtmintisApi, Signal>();

export function collectionsSignal(api: AtmintisApi): Signal {
  let signal = signals.get(api);
  if (!signal) signals.set(api, (signal = createSignal()));
  return signal;
}

/** Call after the set of collections (or one collection's content) changed. */
export function collectionsChanged(api: AtmintisApi): void {
  collectionsSignal(api).notify();
}
