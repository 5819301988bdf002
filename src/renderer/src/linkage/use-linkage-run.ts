/**
 * Running linkage from the view: fetch the chosen collections (from the window's shared cache), plan
 * the run against the last one (incremental-run.ts), run it in the worker with progress, and keep
 * the outcome in the session. Leaving the view stops a run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { linkRecordsOf } from '@shared/linkage/from-collection';
import type { LinkageProgress } from '@shared/linkage/run';
import type { LinkRecord } from '@shared/linkage/types';
import { useApi, useSession } from '../api/ApiContext';
import { sessionValue } from '../api/session';
import { fetchCollection } from '../collection/use-collection';
import { planRun, snapshotAfter, workerOptions } from './incremental-run';
import { createLinkageWorker, LinkageClient, type LinkageWorkerPort } from './linkage-client';
import { lastLinkageRun, type LinkageSessionState } from './linkage-session';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'running'; progress: LinkageProgress | null }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface LinkageRun {
  state: RunState;
  last: LinkageSessionState | null;
  run(collections: readonly string[]): Promise<void>;
  cancel(): void;
}

/** How the window starts its linkage worker (a session slot, so a test's session can run it in-process). */
export const linkageWorkerFactory = sessionValue<() => LinkageWorkerPort>(() => createLinkageWorker);

export function useLinkageRun(): LinkageRun {
  const api = useApi();
  const session = useSession();
  const store = session.get(lastLinkageRun);
  const createWorker = session.get(linkageWorkerFactory);
  const [last, setLast] = useState(store.get);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const client = useRef<LinkageClient | null>(null);
  const generation = useRef(0);

  useEffect(
    () => () => {
      generation.current += 1;
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  const run = useCallback(
    async (collections: readonly string[]) => {
      const mine = ++generation.current;
      const current = () => generation.current === mine;
      setState({ kind: 'loading' });
      const records: LinkRecord[] = [];
      for (const id of collections) {
        const loaded = await fetchCollection(api, id);
        if (!current()) return;
        if (!loaded.ok) {
          setState({ kind: 'failed', message: loaded.error.message });
          return;
        }
        records.push(...linkRecordsOf(loaded.value));
      }
      const plan = planRun(store.get()?.snapshot ?? null, collections, records);
      let result = null;
      if (plan.kind !== 'unchanged') {
        setState({ kind: 'running', progress: null });
        client.current ??= new LinkageClient(createWorker());
        const outcome = await client.current.run(records, workerOptions(plan), (progress) => {
          if (current()) setState({ kind: 'running', progress });
        });
        if (!current()) return;
        if (outcome.status === 'cancelled') {
          setState({ kind: 'cancelled' });
          return;
        }
        if (outcome.status === 'failed') {
          setState({ kind: 'failed', message: outcome.message });
          return;
        }
        result = outcome.result;
      }
      const next: LinkageSessionState = {
        snapshot: snapshotAfter(plan, collections, records, result),
        records: new Map(records.map((record) => [record.id, record])),
        summary: {
          mode: plan.kind,
          rescored: plan.kind === 'full' ? records.length : plan.plan.touching.size,
          removed: plan.kind === 'full' ? 0 : plan.plan.removed.length,
        },
      };
      store.set(next);
      setLast(next);
      setState({ kind: 'done' });
    },
    [api, store, createWorker],
  );

  const cancel = useCallback(() => {
    generation.current += 1;
    client.current?.cancel();
    setState({ kind: 'cancelled' });
  }, []);

  return { state, last, run, cancel };
}
