import { useState } from 'react';
import type { AtmintisApi } from '@shared/ipc/api';
import type { NoteTarget } from '@shared/notes/model';
import { ok, type Result } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult } from '../api/use-result';
import { fetchSlice, type CollectionSlice } from '../collection/record-slice';

const NONE: ReadonlyMap<string, CollectionSlice> = new Map();
const NO_TARGETS: readonly NoteTarget[] = [];

/**
 * The installed collections by id, each holding only the records these targets name (to name note
 * targets without fetching a whole collection). A collection that fails to load is left out: its
 * notes are still shown, by id.
 */
export async function fetchTargetSources(
  api: AtmintisApi,
  targets: readonly NoteTarget[],
): Promise<Result<Map<string, CollectionSlice>>> {
  const list = await api.call('collections.list', {});
  if (!list.ok) return list;
  const wanted = new Map<string, string[]>();
  for (const target of targets) {
    if (target.kind !== 'record') continue;
    const ids = wanted.get(target.collectionId);
    if (ids) ids.push(target.recordId);
    else wanted.set(target.collectionId, [target.recordId]);
  }
  const loaded = new Map<string, CollectionSlice>();
  for (const summary of list.value) {
    const slice = await fetchSlice(api, summary.id, wanted.get(summary.id) ?? []);
    if (slice.ok) loaded.set(summary.id, slice.value);
  }
  return ok(loaded);
}

/** Record targets as one stable string, so the hook refetches only when the set of records changes. */
const keyOf = (targets: readonly NoteTarget[]) =>
  [
    ...new Set(
      targets.flatMap((target) =>
        target.kind === 'record' ? [`${target.collectionId}\n${target.recordId}`] : [],
      ),
    ),
  ]
    .sort()
    .join('\n\n');

/** fetchTargetSources as a hook; empty until loaded or if listing fails. */
export function useCollections(
  targets: readonly NoteTarget[] = NO_TARGETS,
): ReadonlyMap<string, CollectionSlice> {
  const api = useApi();
  const key = keyOf(targets);
  // `load` runs with the targets of the render whose key changed, so the key alone is the input.
  const state = useResult(() => fetchTargetSources(api, targets), [api, key], {
    refetchOn: collectionsSignal(api),
  });
  // While a new set of targets loads, the names already known stay shown instead of flashing to ids
  // (React's pattern for keeping information from an earlier render).
  const [last, setLast] = useState<ReadonlyMap<string, CollectionSlice>>(NONE);
  if (state.status === 'ok' && state.value !== last) setLast(state.value);
  return state.status === 'ok' ? state.value : state.status === 'loading' ? last : NONE;
}
