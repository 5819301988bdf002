// Dexie's liveQuery only runs where a global indexedDB exists (dexie/Dexie.js#2046); each test still
// gets its own IDBFactory through notesSetup().
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { NotesPanel } from '../../../src/renderer/src/notes/NotesPanel';
import type { NoteTarget } from '@shared/notes/model';
import { notesSetup } from './notes-setup';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

const record: NoteTarget = { kind: 'record', collectionId: 'c', recordId: 'op-vesna' };

describe('NotesPanel', () => {
  it('autosaves while typing, within half a second of the last keystroke', async () => {
    const { repository, wrapper } = notesSetup();
    render(<NotesPanel target={record} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (Markdown)' }), {
      target: { value: 'First thought' },
    });
    const typedAt = Date.now();
    await waitFor(
      async () => expect((await repository.live()).map((note) => note.body)).toEqual(['First thought']),
      {
        timeout: 2000,
        interval: 20,
      },
    );
    expect(Date.now() - typedAt).toBeLessThan(500 + 150);
    expect(await screen.findByText(/^Saved at /)).toBeTruthy();
  });

  it('flushes the draft at once when the editor goes away (view change) and on pagehide', async () => {
    const { repository, wrapper } = notesSetup();
    const view = render(<NotesPanel target={record} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note' }));
    const box = screen.getByRole('textbox', { name: 'Note (Markdown)' });
    fireEvent.change(box, { target: { value: 'typed just before leaving' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await repository.live())[0]?.body).toBe('typed just before leaving'), {
      timeout: 300,
    });
    fireEvent.change(box, { target: { value: 'and more, then the view changed' } });
    view.unmount();
    await waitFor(
      async () => expect((await repository.live())[0]?.body).toBe('and more, then the view changed'),
      { timeout: 300 },
    );
  });

  it('renders Markdown safely: no raw HTML, no script URLs', async () => {
    const { repository, wrapper } = notesSetup();
    await repository.save({
      id: 'n1',
      target: record,
      body: '<img src=x onerror="alert(1)"> **bold** [bad](javascript:alert(1)) [good](https://example.org)',
      tags: [],
      colour: null,
    });
    const { container } = render(<NotesPanel target={record} />, { wrapper });
    await screen.findByText('bold');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    // The raw HTML is shown as text, not run.
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.querySelector('a[href="https://example.org"]')).not.toBeNull();
  });

  it('moves a note to the trash with undo', async () => {
    const { repository, wrapper } = notesSetup();
    await repository.save({ id: 'n1', target: record, body: 'keep me', tags: [], colour: null });
    render(<NotesPanel target={record} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByText('Note moved to the trash.');
    expect(await repository.live()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('keep me');
    expect((await repository.live()).map((note) => note.body)).toEqual(['keep me']);
  });
});
