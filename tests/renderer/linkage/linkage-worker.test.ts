import { describe, expect, it } from 'vitest';
import type { LinkageProgress } from '@shared/linkage/run';
import type { LinkRecord } from '@shared/linkage/types';
import { LinkageClient, type LinkageWorkerPort } from '../../../src/renderer/src/linkage/linkage-client';
import { planRun, snapshotAfter, workerOptions } from '../../../src/renderer/src/linkage/incremental-run';
import type { LinkageWorkerRequest, LinkageWorkerResponse } from '../../../src/renderer/src/linkage/protocol';
import { createLinkageWorkerHost } from '../../../src/renderer/src/linkage/worker-host';
import { fixtureRecords, LT, RU } from './fixture-records';

/** The worker's logic in-process, behind a port like a Worker's (messages arrive asynchronously). */
function inProcessPort(): LinkageWorkerPort & { terminated: boolean } {
  const listeners = new Set<(event: MessageEvent<LinkageWorkerResponse>) => void>();
  const host = createLinkageWorkerHost((message) => {
    for (const listener of listeners)
      listener({ data: structuredClone(message) } as MessageEvent<LinkageWorkerResponse>);
  });
  const port = {
    terminated: false,
    postMessage: (message: LinkageWorkerRequest) => {
      const copy = structuredClone(message);
      setTimeout(() => void host.receive(copy), 0);
    },
    addEventListener: (_: 'message', listener: (event: MessageEvent<LinkageWorkerResponse>) => void) => {
      listeners.add(listener);
    },
    terminate: () => {
      port.terminated = true;
    },
  };
  return port;
}

const records = (): LinkRecord[] => [...fixtureRecords('list-lt'), ...fixtureRecords('list-ru')];

describe('the linkage worker and its client', () => {
  it('runs linkage with progress and answers the candidates with their explanations', async () => {
    const client = new LinkageClient(inProcessPort());
    const phases: LinkageProgress['phase'][] = [];
    const outcome = await client.run(records(), {}, (progress) => phases.push(progress.phase));
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.result.scope).toBe('across');
    const pairs = outcome.result.candidates.map((c) => `${c.a}~${c.b}`);
    expect(pairs).toContain(`${LT}/p1~${RU}/r1`);
    expect(outcome.result.candidates[0]?.fields.length).toBeGreaterThan(0);
    expect(phases).toContain('estimating');
    expect(phases[phases.length - 1]).toBe('done');
  });

  it('stops on cancel through the run’s AbortSignal, and drops the late answer', async () => {
    const posted: LinkageWorkerResponse[] = [];
    const host = createLinkageWorkerHost((message) => posted.push(message));
    // Enough records that the run pauses (every 25 ms) before it finishes.
    const some = records();
    const many: LinkRecord[] = [];
    for (let n = 0; n < 3000; n++) {
      for (const record of some) many.push({ ...record, id: `${record.id}-${n}` });
    }
    const running = host.receive({ type: 'run', id: 1, records: many, options: {} });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await host.receive({ type: 'cancel', id: 1 });
    await running;
    expect(posted[posted.length - 1]).toEqual({ type: 'cancelled', id: 1 });
    expect(posted.some((message) => message.type === 'done')).toBe(false);

    const client = new LinkageClient(inProcessPort());
    const run = client.run(records(), {}, () => undefined);
    client.cancel();
    expect(await run).toEqual({ status: 'cancelled' });
  });

  it('re-scores only the pairs of a changed record after a re-import, keeping the rest', async () => {
    const client = new LinkageClient(inProcessPort());
    const collections = [LT, RU];
    const before = records();
    const first = planRun(null, collections, before);
    expect(first.kind).toBe('full');
    const full = await client.run(before, workerOptions(first), () => undefined);
    if (full.status !== 'done') throw new Error('the first run did not finish');
    const snapshot = snapshotAfter(first, collections, before, full.result);

    // Nothing changed: no run at all.
    expect(planRun(snapshot, collections, before).kind).toBe('unchanged');

    // A corrected re-import: r2's birth year is fixed, r9 is gone.
    const after = before
      .filter((record) => record.id !== `${RU}/r9`)
      .map((record) =>
        record.id === `${RU}/r2`
          ? { ...record, person: { ...record.person, birthDate: { text: '1906', edtf: '1906' } } }
          : record,
      );
    const plan = planRun(snapshot, collections, after);
    expect(plan.kind).toBe('incremental');
    if (plan.kind !== 'incremental') return;
    expect([...plan.plan.touching]).toEqual([`${RU}/r2`]);
    expect(plan.plan.removed).toEqual([`${RU}/r9`]);
    const options = workerOptions(plan);
    expect(options.touching).toEqual([`${RU}/r2`]);
    const rescored = await client.run(after, options, () => undefined);
    if (rescored.status !== 'done') throw new Error('the incremental run did not finish');
    // Only pairs with r2 were compared again.
    for (const c of rescored.result.candidates) expect([c.a, c.b]).toContain(`${RU}/r2`);
    const merged = snapshotAfter(plan, collections, after, rescored.result);
    const untouched = (list: typeof merged.candidates) =>
      list.filter((c) => c.a !== `${RU}/r2` && c.b !== `${RU}/r2`);
    expect(untouched(merged.candidates)).toEqual(untouched(snapshot.candidates));
    const r2 = merged.candidates.find((c) => c.b === `${RU}/r2`);
    expect(r2?.fields.find((f) => f.field === 'birthDate')?.b).toBe('1906');

    // Other collections: a full run again.
    expect(planRun(merged, [LT], fixtureRecords('list-lt')).kind).toBe('full');
  });
});
