import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { App } from '../../src/renderer/src/App';
import { initI18n } from '../../src/renderer/src/i18n/i18n';
import { record } from './browse/fixtures';
import { openFromSearch } from '../../src/renderer/src/shell/origin';
import { BACK_ROUTE } from '@shared/ipc/channel-names';
import { WELCOME_DISMISSED_KEY } from '../../src/renderer/src/welcome/Welcome';
import { withRecordChannels } from './record-channels';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function fakeApi(answers: Record<string, unknown>) {
  const invoke = vi.fn(async (channel: string) =>
    channel in answers ? answers[channel] : { ok: false, error: { code: 'x', message: 'unexpected' } },
  ) as unknown as Invoke;
  return createApi(withRecordChannels(invoke));
}

const oneCollection = {
  'collections.list': {
    ok: true,
    value: [
      {
        id: 'test-collection',
        title: 'Test collection',
        description: 'd',
        version: '1.0.0',
        languages: ['en'],
        recordCount: 1,
        synthetic: true,
        revision: '0123456789abcdef',
      },
    ],
  },
  'collections.get': {
    ok: true,
    value: {
      manifest: { id: 'test-collection', title: 'Test collection', synthetic: true },
      records: [record({ id: 'test-operation', kind: 'event', title: 'Test operation' })],
      bibliography: [],
      texts: [],
      integrity: { findings: [] },
    },
  },
};

const current = (name: string) =>
  screen.getByRole('navigation', { name: 'Main' }).querySelector(`a[aria-current="page"]`)?.textContent ===
  name;

describe('App shell', () => {
  it('shows the first collection and its records on Browse', async () => {
    window.location.hash = '#/browse';
    const api = fakeApi({
      'collections.list': {
        ok: true,
        value: [
          {
            id: 'test-collection',
            title: 'Test collection',
            description: 'd',
            version: '1.0.0',
            languages: ['en'],
            recordCount: 1,
            synthetic: true,
            revision: '0123456789abcdef',
          },
        ],
      },
      'collections.get': {
        ok: true,
        value: {
          manifest: { id: 'test-collection', title: 'Test collection', synthetic: true },
          records: [record({ id: 'test-operation', kind: 'event', title: 'Test operation' })],
          bibliography: [],
          texts: [],
          integrity: { findings: [] },
        },
      },
    });
    // A returning reader: the first-start welcome (tests/renderer/welcome) would name the collection too.
    localStorage.setItem(WELCOME_DISMISSED_KEY, '1');
    render(<App api={api} />);
    // The first view is a lazily loaded chunk: allow for its import in a cold test run.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Browse' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Test operation' })).toBeTruthy();
    expect(screen.getByText('Test collection')).toBeTruthy();
    expect(screen.getByText('Synthetic test data')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('shows a coded API error instead of crashing', async () => {
    window.location.hash = '#/browse';
    const api = fakeApi({
      'collections.list': { ok: false, error: { code: 'collection-invalid', message: 'manifest.json: bad' } },
    });
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('manifest.json: bad');
  });

  it('opens the view the application menu asks for', async () => {
    window.location.hash = '#/browse';
    let menuListener: ((route: string) => void) | undefined;
    const api = {
      ...fakeApi({ 'collections.list': { ok: true, value: [] } }),
      onOpenView: (listener: (route: string) => void) => {
        menuListener = listener;
        return () => undefined;
      },
    };
    render(<App api={api} />);
    await screen.findByRole('heading', { level: 1, name: 'Browse' });
    await act(async () => menuListener?.('notes'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();
  });

  it('keeps a record opened from Search under Search, with "Back to results" going back', async () => {
    window.location.hash = '#/notes';
    render(<App api={fakeApi(oneCollection)} />);
    await screen.findByRole('heading', { level: 1, name: 'Notes' }, { timeout: 10_000 });
    await act(async () => {
      openFromSearch('/browse/record/test-collection/test-operation', { key: 'hit:x', scrollTop: 40 });
    });
    await screen.findByRole('heading', { level: 1, name: 'Test operation' }, { timeout: 10_000 });
    expect(current('Search')).toBe(true);
    expect(screen.queryByRole('link', { name: '← All records' })).toBeNull();
    const back = screen.getByRole('link', { name: '← Back to results' });
    await act(async () => back.click());
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    expect(window.history.state?.searchReturn).toEqual({ key: 'hit:x', scrollTop: 40 });
  });

  it('keeps a record opened from Browse under Browse, with "All records"', async () => {
    window.location.hash = '#/browse/record/test-collection/test-operation';
    render(<App api={fakeApi(oneCollection)} />);
    await screen.findByRole('heading', { level: 1, name: 'Test operation' }, { timeout: 10_000 });
    expect(current('Browse')).toBe(true);
    expect(screen.getByRole('link', { name: '← All records' })).toBeTruthy();
  });

  it('goes back when the application menu asks for Back', async () => {
    window.location.hash = '#/browse';
    let menuListener: ((route: string) => void) | undefined;
    const api = {
      ...fakeApi({ 'collections.list': { ok: true, value: [] } }),
      onOpenView: (listener: (route: string) => void) => {
        menuListener = listener;
        return () => undefined;
      },
    };
    render(<App api={api} />);
    await screen.findByRole('heading', { level: 1, name: 'Browse' });
    await act(async () => menuListener?.('notes'));
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    await act(async () => menuListener?.(BACK_ROUTE));
    expect(await screen.findByRole('heading', { level: 1, name: 'Browse' })).toBeTruthy();
  });
});
