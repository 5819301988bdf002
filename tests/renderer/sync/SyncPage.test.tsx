// Dexie's liveQuery only runs where a global indexedDB exists (dexie/Dexie.js#2046); each machine
// still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { NotesProvider } from '../../../src/renderer/src/notes/NotesContext';
import { NoteCard } from '../../../src/renderer/src/notes/NoteCard';
import SyncPage from '../../../src/renderer/src/sync/SyncPage';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { SyncServiceProvider } from '../../../src/renderer/src/sync/use-sync';
import { draft, exchange, machine, memoryReplica, type Machine } from './fixtures';

const NOTE = '0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function wrap(m: Machine, service: SyncService) {
  const api = createApi(
    vi.fn(async (channel: string) =>
      // The shared-collections panel lists imported collections: none here.
      channel === 'imports.list' ? { ok: true, value: [] } : { ok: true, value: { written: false } },
    ) as unknown as Invoke,
  );
  const { hook } = memoryLocation({ path: '/sync' });
  return ({ children }: { children: ReactNode }) => (
    <Router hook={hook}>
      <ApiProvider api={api}>
        <NotesProvider repository={m.notes}>
          <SyncServiceProvider service={service}>{children}</SyncServiceProvider>
        </NotesProvider>
      </ApiProvider>
    </Router>
  );
}

async function conflicted() {
  const a = machine('Ona');
  const b = machine('Jonas');
  await a.notes.save(draft(NOTE, 'first'));
  await exchange(a, b);
  a.advance();
  b.advance(2000);
  await a.notes.save(draft(NOTE, 'Ona’s text'));
  await b.notes.save(draft(NOTE, 'Jonas’s text'));
  await exchange(a, b);
  a.bridge.stop();
  // The page's service works on machine A's database and replica.
  const service = new SyncService(a.db, { replica: () => a.replica, remote: () => memoryReplica('none') });
  service.setAuthor('Ona');
  return { a, b, service };
}

describe('Sync view', () => {
  it('shows both versions of a conflicting note side by side and keeps the one chosen', async () => {
    const { a, service } = await conflicted();
    render(<SyncPage />, { wrapper: wrap(a, service) });
    expect(await screen.findByRole('heading', { name: 'Conflicts (1)' }, { timeout: 5000 })).toBeTruthy();
    const card = screen.getByRole('article', { name: 'A note edited on two machines' });
    expect(within(card).getByText('Ona’s text')).toBeTruthy();
    expect(within(card).getByText('Jonas’s text')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Not syncing');
    fireEvent.click(within(card).getByRole('button', { name: 'Keep this (Jonas)' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Conflicts (0)' })).toBeTruthy());
    expect((await a.notes.get(NOTE))?.body).toBe('Jonas’s text');
    service.bridge.stop();
  });

  it('merges by hand', async () => {
    const { a, service } = await conflicted();
    render(<SyncPage />, { wrapper: wrap(a, service) });
    const card = await screen.findByRole('article', { name: 'A note edited on two machines' });
    fireEvent.click(within(card).getByRole('button', { name: 'Merge by hand' }));
    const editor = within(card).getByRole('textbox', { name: 'Merged text' });
    fireEvent.change(editor, { target: { value: 'Both texts, merged.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save the merged text' }));
    await waitFor(async () => expect((await a.notes.get(NOTE))?.body).toBe('Both texts, merged.'));
    service.bridge.stop();
  });

  it('marks a note card with its author and its conflict', async () => {
    const { a, service } = await conflicted();
    const note = await a.notes.get(NOTE);
    if (!note) throw new Error('note missing');
    render(<NoteCard note={note} />, { wrapper: wrap(a, service) });
    expect(
      await screen.findByRole('link', { name: 'Conflict: versions differ — resolve in Sync' }),
    ).toBeTruthy();
    expect(screen.getByText(/^by (Ona|Jonas)$/)).toBeTruthy();
    service.bridge.stop();
  });
});
