import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import type { SyncSettingsView } from '@shared/ipc/channels/sync';
import i18n from 'i18next';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { browserRemote, type ReplicaDb } from '../../../src/renderer/src/sync/replica';
import { SyncIndicator } from '../../../src/renderer/src/sync/SyncIndicator';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { updateSyncMemory } from '../../../src/renderer/src/sync/sync-memory';
import { SyncServiceProvider } from '../../../src/renderer/src/sync/use-sync';
import { freshDatabase } from '../notes/fixtures';
import { memoryReplica } from './fixtures';

beforeAll(async () => {
  await initI18n('en');
});
const services: SyncService[] = [];
afterEach(() => {
  cleanup();
  for (const service of services.splice(0)) {
    service.replicator.stop();
    service.bridge.stop();
  }
});

const SERVER = { serverUrl: 'http://127.0.0.1:5984', project: 'family', username: 'Ona' };

async function renderIndicator(
  settings: SyncSettingsView['settings'],
  { wanted, remote }: { wanted: boolean; remote: () => ReplicaDb },
) {
  const view: SyncSettingsView = {
    settings,
    passwordStored: settings !== null,
    canStorePassword: true,
    passwordStorage: 'memory',
  };
  const invoke = (async (channel: string) =>
    channel === 'sync.getSettings'
      ? { ok: true, value: view }
      : { ok: false, error: { code: 'unexpected', message: channel } }) as unknown as Invoke;
  const { db } = freshDatabase();
  await updateSyncMemory(db, { wanted });
  const service = new SyncService(db, { replica: () => memoryReplica('machine'), remote });
  services.push(service);
  const { hook } = memoryLocation({ path: '/browse' });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Router hook={hook}>
      <ApiProvider api={createApi(invoke)}>
        <SyncServiceProvider service={service}>{children}</SyncServiceProvider>
      </ApiProvider>
    </Router>
  );
  const { container } = render(<SyncIndicator />, { wrapper });
  return { service, container };
}

describe('Sync status in the app’s chrome', () => {
  it('resumes sync at start when the user had started it, and says so on any view', async () => {
    const server = memoryReplica('server');
    const { service } = await renderIndicator(SERVER, { wanted: true, remote: () => server });
    const link = await screen.findByRole('link', { name: 'Sync: up to date' }, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('/sync');
    expect(service.replicator.running).toBe(true);
    expect(service.authorName()).toBe('Ona');
  });

  it('does not start what the user stopped, and names why sync is offline', async () => {
    const stopped = await renderIndicator(SERVER, { wanted: false, remote: () => memoryReplica('x') });
    expect(await screen.findByRole('link', { name: 'Sync: not syncing' })).toBeTruthy();
    expect(stopped.service.replicator.running).toBe(false);
    cleanup();

    await renderIndicator(SERVER, {
      wanted: true,
      remote: () => browserRemote('http://127.0.0.1:9/sync/remote'),
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'Sync: offline — server unreachable, will retry' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
  });

  it('says it in Lithuanian too', async () => {
    await i18n.changeLanguage('lt');
    try {
      await renderIndicator(SERVER, {
        wanted: true,
        remote: () => browserRemote('http://127.0.0.1:9/sync/remote'),
      });
      expect(
        await screen.findByRole(
          'link',
          { name: 'Sinchronizavimas: nėra ryšio — serveris nepasiekiamas, bus bandoma vėl' },
          { timeout: 10_000 },
        ),
      ).toBeTruthy();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('shows nothing, and starts nothing, before a server is set up', async () => {
    const { service, container } = await renderIndicator(null, {
      wanted: true,
      remote: () => memoryReplica('y'),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
    expect(service.replicator.running).toBe(false);
  });
});
