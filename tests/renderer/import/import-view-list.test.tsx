import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { collectionsSignal } from '../../../src/renderer/src/api/collections-changed';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import ImportView from '../../../src/renderer/src/views/ImportView';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

/** A fictional imported collection (test data, not a real source). */
const imported: ImportedCollectionSummary = {
  id: 'test-list',
  title: 'Test list',
  description: 'Test collection.',
  version: '1.0.0',
  languages: ['en'],
  recordCount: 3,
  synthetic: true,
  revision: 'r1',
  importedAt: '2026-12-01T10:00:00.000Z',
  source: 'test-list.csv',
};

function fakeApi() {
  const installed = new Map([[imported.id, imported]]);
  const calls: string[] = [];
  const api = {
    call: async (channel: string, request: { collectionId?: string }) => {
      calls.push(channel);
      if (channel === 'imports.list') return { ok: true, value: [...installed.values()] };
      if (channel === 'imports.remove') {
        installed.delete(request.collectionId ?? '');
        return { ok: true, value: { removed: true } };
      }
      throw new Error(`unexpected channel ${channel}`);
    },
    onOpenView: () => () => undefined,
  } as unknown as AtmintisApi;
  return { api, calls };
}

describe('Import view: imported collections', () => {
  it('tells the app the collections changed after a removal, and lists them again', async () => {
    const { api, calls } = fakeApi();
    render(
      <ApiProvider api={api}>
        <ImportView />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “Test list”' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' })));
    await screen.findByText('No collections imported yet.');
    expect(collectionsSignal(api).version()).toBe(1);
    await waitFor(() => expect(calls.filter((c) => c === 'imports.list')).toHaveLength(2));
  });
});
