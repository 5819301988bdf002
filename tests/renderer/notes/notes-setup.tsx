import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { NotesProvider } from '../../../src/renderer/src/notes/NotesContext';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { freshDatabase } from './fixtures';

/** Backups are "not written yet" unless a test answers the main process itself. */
const backupNotDue = (async () => ({
  ok: true,
  value: { written: false, retryAfter: new Date().toISOString() },
})) as unknown as Invoke;

/**
 * A notes repository on a fresh database, and a wrapper giving components it and an API whose calls
 * `invoke` answers: `render(<NotesPanel … />, { wrapper })`.
 */
export function notesSetup(invoke: Invoke = backupNotDue) {
  const repository = new NotesRepository(freshDatabase().db);
  const api = createApi(vi.fn(invoke) as unknown as Invoke);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <NotesProvider repository={repository}>{children}</NotesProvider>
    </ApiProvider>
  );
  return { repository, wrapper };
}
