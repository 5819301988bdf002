import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import type { SyncSettingsView } from '@shared/ipc/channels/sync';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { SyncStatusPanel } from '../../../src/renderer/src/sync/SyncStatusPanel';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { machine, memoryReplica } from './fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function view(settings: SyncSettingsView['settings']): SyncSettingsView {
  return { settings, passwordStored: settings !== null, canStorePassword: true, passwordStorage: 'memory' };
}

function renderPanel(settings: SyncSettingsView['settings']) {
  const invoke = (async (channel: string) =>
    channel === 'sync.getSettings'
      ? { ok: true, value: view(settings) }
      : { ok: false, error: { code: 'unexpected', message: channel } }) as unknown as Invoke;
  const m = machine('local');
  m.bridge.stop();
  const service = new SyncService(m.db, { replica: () => m.replica, remote: () => memoryReplica('none') });
  const { hook } = memoryLocation({ path: '/sync' });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Router hook={hook}>
      <ApiProvider api={createApi(invoke)}>{children}</ApiProvider>
    </Router>
  );
  render(<SyncStatusPanel service={service} />, { wrapper });
  return service;
}

describe('Sync status with the settings main keeps', () => {
  it('signs this window’s revisions with the configured user name', async () => {
    const service = renderPanel({
      serverUrl: 'http://127.0.0.1:5984',
      project: 'tremtiniai',
      username: 'Ona',
    });
    expect(await screen.findByText('Your changes are signed as: Ona')).toBeTruthy();
    expect(service.authorName()).toBe('Ona');
    expect((screen.getByRole('button', { name: 'Start syncing' }) as HTMLButtonElement).disabled).toBe(false);
    service.bridge.stop();
  });

  it('cannot start syncing before a server is set up, and says where to set one up', async () => {
    const service = renderPanel(null);
    expect(await screen.findByText('Set up a sync server in the sync settings first.')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Start syncing' }) as HTMLButtonElement).disabled).toBe(
        true,
      ),
    );
    expect(service.authorName()).toBe('local');
    service.bridge.stop();
  });
});
