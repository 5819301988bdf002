import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { ItemsProvider } from '../../../src/renderer/src/photos/ItemsContext';
import { PhotosPanel } from '../../../src/renderer/src/sync/PhotosPanel';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { machine, memoryReplica, photoRef } from './fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('Photo originals panel', () => {
  it('keeps photos local by default and shows the count and size before sending anything', async () => {
    const m = machine('Ona');
    m.bridge.stop();
    await m.items.create([{ title: 'Bylos lapai', photos: [photoRef(1), photoRef(2), photoRef(1, 1)] }]);
    const invoke = vi.fn(async (channel: string, request: { sha256?: string }) =>
      channel === 'photos.get'
        ? {
            ok: true,
            value: {
              sha256: request.sha256,
              fileName: 'x.jpg',
              mediaType: 'image/jpeg',
              byteSize: 900_000_000,
            },
          }
        : { ok: false, error: { code: 'unexpected', message: channel } },
    );
    const service = new SyncService(m.db, { replica: () => m.replica, remote: () => memoryReplica('none') });
    render(
      <ApiProvider api={createApi(invoke as unknown as Invoke)}>
        <ItemsProvider repository={m.items}>
          <PhotosPanel service={service} />
        </ItemsProvider>
      </ApiProvider>,
    );
    expect(await screen.findByText(/Photo originals stay on this machine \(the default\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share photo originals…' }));
    const group = await screen.findByRole('group', { name: 'Share photo originals' });
    expect(group.textContent).toContain('Share 2 photos, 1.8 GB?');
    expect(screen.getByRole('button', { name: 'Share 2 photos' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect((await m.replica.allDocs()).rows.filter((row) => row.id.startsWith('photo:'))).toEqual([]);
    service.bridge.stop();
  });

  it('“Check now” receives teammates’ photos through the same queue as the background checks, and says what came', async () => {
    const m = machine('Ona');
    m.bridge.stop();
    const sha256 = photoRef(9).sha256;
    await m.replica.put({
      _id: `photo:${sha256}`,
      sha256,
      fileName: 'lapas.jpg',
      _attachments: { original: { content_type: 'image/jpeg', data: btoa('jpeg') } },
    } as never);
    const invoke = vi.fn(async (channel: string) =>
      channel === 'photos.get'
        ? { ok: true, value: null }
        : channel === 'photos.importBytes'
          ? { ok: true, value: { photos: [], already: false } }
          : { ok: false, error: { code: 'unexpected', message: channel } },
    );
    const service = new SyncService(m.db, { replica: () => m.replica, remote: () => memoryReplica('none') });
    render(
      <ApiProvider api={createApi(invoke as unknown as Invoke)}>
        <ItemsProvider repository={m.items}>
          <PhotosPanel service={service} />
        </ItemsProvider>
      </ApiProvider>,
    );
    const button = screen.getByRole('button', { name: 'Check now for photos teammates shared' });
    expect(button.textContent).toBe('Check now');
    fireEvent.click(button);
    expect((await screen.findByText('Imported 1 photo.')).getAttribute('role')).toBe('status');
    expect(invoke).toHaveBeenCalledWith('photos.importBytes', expect.objectContaining({ sha256 }));
    service.bridge.stop();
  });
});
