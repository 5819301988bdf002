import { useCallback, useState } from 'react';
import type { Note } from '@shared/notes/model';
import { useNotes } from './NotesContext';

/** Moving notes to the trash with an "Undo" for the last one. */
export function useTrashWithUndo() {
  const { repository } = useNotes();
  const [lastTrashed, setLastTrashed] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trash = useCallback(
    async (note: Note) => {
      try {
        await repository.moveToTrash(note.id);
        setLastTrashed(note);
        setError(null);
      } catch (failure) {
        setError((failure as Error).message);
      }
    },
    [repository],
  );
  const undo = useCallback(async () => {
    if (!lastTrashed) return;
    try {
      await repository.restore(lastTrashed.id);
      setLastTrashed(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [lastTrashed, repository]);
  return { lastTrashed, trash, undo, error, dismiss: () => setLastTrashed(null) };
}
