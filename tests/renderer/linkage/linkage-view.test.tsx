import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi, type AtmintisApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import type { LinkRecord } from '@shared/linkage/types';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { collectionsChanged } from '../../../src/renderer/src/api/collections-changed';
import { createSession, type Session } from '../../../src/renderer/src/api/session';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { DecisionsProvider } from '../../../src/renderer/src/linkage/DecisionsContext';
import type { LinkageWorkerPort } from '../../../src/renderer/src/linkage/linkage-client';
import type { LinkageWorkerRequest, LinkageWorkerResponse } from '../../../src/renderer/src/linkage/protocol';
import { linkageWorkerFactory } from '../../../src/renderer/src/linkage/use-linkage-run';
import { createLinkageWorkerHost } from '../../../src/renderer/src/linkage/worker-host';
import LinkageView from '../../../src/renderer/src/views/LinkageView';
import { record } from '../browse/fixtures';
import { installFakeLayout } from '../fake-layout';
import { freshDatabase } from '../notes/fixtures';
import { fixtureRecords, LT, RU } from './fixture-records';
import { withRecordChannels } from '../record-channels';

let restoreLayout: () => void = () => undefined;
beforeAll(async () => {
  await initI18n('en');
  restoreLayout = installFakeLayout({
    paneClass: 'linkage-queue-pane',
    paneHeight: 400,
    isRow: (element) => element.classList.contains('linkage-option'),
    rowHeight: 64,
  });
});
afterAll(() => restoreLayout());
afterEach(cleanup);

/** The worker's logic in-process (jsdom has no Worker). */
function inProcessWorker(): LinkageWorkerPort {
  const listeners: ((event: MessageEvent<LinkageWorkerResponse>) => void)[] = [];
  const host = createLinkageWorkerHost((message) => {
    for (const listener of listeners) listener({ data: message } as MessageEvent<LinkageWorkerResponse>);
  });
  return {
    postMessage: (message: LinkageWorkerRequest) => void setTimeout(() => void host.receive(message), 0),
    addEventListener: (_type, listener) => void listeners.push(listener),
    terminate: () => undefined,
  };
}

const TITLES: Record<string, string> = { [LT]: 'Lithuanian list', [RU]: 'Russian list' };

/** An API serving the two fixture lists; `people` can be changed to stand for a re-import. */
function fakeApi(people: Record<string, LinkRecord[]>): AtmintisApi {
  const invoke = vi.fn(async (channel: string, request: { collectionId?: string }) => {
    if (channel === 'collections.list') {
      return {
        ok: true,
        value: Object.keys(people).map((id) => ({
          id,
          title: TITLES[id],
          description: '',
          version: '1',
          languages: ['lt'],
          recordCount: people[id]?.length ?? 0,
          synthetic: true,
          revision: 'r',
        })),
      };
    }
    if (channel === 'collections.get' && request.collectionId) {
      const id = request.collectionId;
      return {
        ok: true,
        value: {
          manifest: { id, title: TITLES[id], synthetic: true },
          records: (people[id] ?? []).map((r) =>
            record({ id: r.id.slice(id.length + 1), kind: 'person', title: r.title, person: r.person }),
          ),
          bibliography: [],
          texts: [],
          integrity: { findings: [] },
        },
      };
    }
    return { ok: false, error: { code: 'x', message: `unexpected ${channel}` } };
  }) as unknown as Invoke;
  return createApi(withRecordChannels(invoke));
}

function setup(people: Record<string, LinkRecord[]>, worker: () => LinkageWorkerPort = inProcessWorker) {
  const api = fakeApi(people);
  const own = createSession();
  const session: Session = {
    get: (value) => (value === linkageWorkerFactory ? worker : own.get(value)) as never,
  };
  const repository = new DecisionsRepository(freshDatabase().db);
  const view = (
    <ApiProvider api={api} session={session}>
      <DecisionsProvider repository={repository}>
        <LinkageView />
      </DecisionsProvider>
    </ApiProvider>
  );
  return { api, repository, view };
}

async function runBoth() {
  fireEvent.click(await screen.findByRole('checkbox', { name: /Lithuanian list/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /Russian list/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Run linkage' }));
}

describe('the Linkage view', () => {
  it('runs in the worker, shows the queue, keeps the run for the session and re-scores only what changed', async () => {
    const people = { [LT]: fixtureRecords('list-lt'), [RU]: fixtureRecords('list-ru') };
    const { api, view } = setup(people);
    const { unmount } = render(view);
    expect(screen.getByRole('heading', { level: 1, name: 'Linkage' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run linkage' })).toHaveProperty('disabled', true);
    await runBoth();
    await screen.findByText(/^3 candidate pairs among 18 records/);
    const queue = screen.getByRole('listbox', { name: 'Candidate pairs, highest score first' });
    expect(within(queue).getAllByRole('option')).toHaveLength(3);

    // Leaving the view and coming back (same window session) shows the same queue.
    unmount();
    render(view);
    await screen.findByRole('listbox', { name: 'Candidate pairs, highest score first' });
    expect(screen.getByRole('checkbox', { name: /Lithuanian list/ })).toHaveProperty('checked', true);

    // A corrected re-import of the Russian list: r2's birth year changed; only its pairs are re-scored.
    people[RU] = people[RU].map((r) =>
      r.id === `${RU}/r2` ? { ...r, person: { ...r.person, birthDate: { text: '1906', edtf: '1906' } } } : r,
    );
    act(() => collectionsChanged(api));
    fireEvent.click(screen.getByRole('button', { name: 'Run linkage' }));
    await screen.findByText(
      /^Only the pairs of added or changed records were scored again \(added or changed: 1; removed: 0\)/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run linkage' }));
    await screen.findByText(/^Nothing changed since the last run: 3 candidate pairs kept/);
  }, 20_000);

  it('shows progress while the worker runs, and Cancel stops the run and changes nothing', async () => {
    const posted: LinkageWorkerRequest[] = [];
    let answer: (message: LinkageWorkerResponse) => void = () => undefined;
    const worker = (): LinkageWorkerPort => ({
      postMessage: (message) => void posted.push(message),
      addEventListener: (_type, listener) => {
        answer = (message) => listener({ data: message } as MessageEvent<LinkageWorkerResponse>);
      },
      terminate: () => undefined,
    });
    const { view } = setup({ [LT]: fixtureRecords('list-lt'), [RU]: fixtureRecords('list-ru') }, worker);
    render(view);
    await runBoth();
    await waitFor(() => expect(posted[0]?.type).toBe('run'));
    const id = posted[0]?.type === 'run' ? posted[0].id : -1;
    act(() =>
      answer({
        type: 'progress',
        id,
        progress: { phase: 'comparing', done: 5, total: 10, pairsCompared: 42 },
      }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Linkage progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('62');
    expect(screen.getByText('Comparing: block 5 of 10, 42 pairs compared')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(posted[1]).toEqual({ type: 'cancel', id });
    expect(await screen.findByText('Linkage was cancelled. Nothing was changed.')).toBeTruthy();
    // A late answer of the cancelled run is dropped: no queue appears.
    act(() => answer({ type: 'cancelled', id }));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Run linkage' })).toHaveProperty('disabled', false);
  });

  it('lists decisions whose record is gone, and keeps them', async () => {
    const { repository, view } = setup({ [LT]: fixtureRecords('list-lt'), [RU]: fixtureRecords('list-ru') });
    await repository.decide({ a: `${LT}/p1`, b: `${RU}/r-gone`, decision: 'same', score: 15, note: 'kept' });
    await repository.decide({ a: `${LT}/p2`, b: 'removed-list/x1', decision: 'different', score: 9 });
    await repository.decide({ a: `${LT}/p3`, b: `${RU}/r3`, decision: 'same', score: 13.8 });
    render(view);
    // A collection that is not installed any more is known before any run.
    const before = await screen.findByRole('region', { name: 'Decisions whose record is gone' });
    expect(within(before).getAllByRole('listitem')).toHaveLength(1);
    expect(before.textContent).toContain('removed-list/x1 (gone)');
    await runBoth();
    await screen.findByRole('listbox', { name: 'Candidate pairs, highest score first' });
    const after = screen.getByRole('region', { name: 'Decisions whose record is gone' });
    await waitFor(() => expect(within(after).getAllByRole('listitem')).toHaveLength(2));
    expect(after.textContent).toContain(`${RU}/r-gone (gone)`);
    expect(after.textContent).toContain('Jonas Vaitkevičius (synthetic)');
    expect(await repository.all()).toHaveLength(3);
  });
});
