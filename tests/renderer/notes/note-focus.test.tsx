// Dexie's liveQuery only runs where a global indexedDB exists; each test has its own database.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

describe('focus after Done in a note editor', () => {
  it('goes to the card of the note just written, not to the page body', async () => {
    const { wrapper } = notesSetup();
    render(<NotesPanel target={record} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (Markdown)' }), {
      target: { value: 'Ask the archive about the 1949 lists' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => {
      const focused = document.activeElement as HTMLElement;
      expect(focused.getAttribute('aria-label')).toBe('Note');
      expect(focused.textContent).toContain('Ask the archive about the 1949 lists');
    });
  });

  it('goes back to the edited note when an existing note is edited', async () => {
    const { repository, wrapper } = notesSetup();
    await repository.save({ id: 'n-1', target: record, body: 'first', tags: [], colour: null });
    await repository.save({ id: 'n-2', target: record, body: 'second', tags: [], colour: null });
    render(<NotesPanel target={record} />, { wrapper });
    await screen.findByText('second');
    const second = screen
      .getAllByRole('article', { name: 'Note' })
      .find((card) => card.textContent?.includes('second'));
    fireEvent.click(within(second as HTMLElement).getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (Markdown)' }), {
      target: { value: 'second, revised' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => {
      const focused = document.activeElement as HTMLElement;
      expect(focused.getAttribute('aria-label')).toBe('Note');
      expect(focused.textContent).toContain('second, revised');
    });
  });
});
