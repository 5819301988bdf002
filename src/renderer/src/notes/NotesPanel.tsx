/**
 * The notes on one target, inline: for record pages, bibliography entries and collections.
 *   <NotesPanel target={{ kind: 'record', collectionId, recordId }} />
 * Lists the target's notes, adds and edits them (autosaved), moves them to the trash with undo.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteTarget } from '@shared/notes/model';
import { targetKey } from '@shared/notes/model';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import type { NoteDraft } from './repository';
import { useNotes } from './NotesContext';
import { UndoBar } from './UndoBar';
import { useLiveQuery } from './use-live-query';
import { useTrashWithUndo } from './use-trash-with-undo';
import './notes.css';

export function newNoteId(): string {
  return crypto.randomUUID();
}

export function NotesPanel({ target, headingLevel = 2 }: { target: NoteTarget; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { repository } = useNotes();
  const headingId = useId();
  const key = targetKey(target);
  const notes = useLiveQuery(() => repository.forTarget(target), [repository, key]);
  const [editing, setEditing] = useState<NoteDraft | null>(null);
  const trash = useTrashWithUndo();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="notes-panel" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('notes.panel.title')}</Heading>
      {notes.status === 'error' ? (
        <p role="alert" className="error-text">
          {notes.error.message}
        </p>
      ) : null}
      {notes.status === 'ok' && notes.value.length === 0 && !editing ? (
        <p className="muted">{t('notes.panel.none')}</p>
      ) : null}
      <ul className="note-list">
        {notes.status === 'ok'
          ? notes.value
              .filter((note) => note.id !== editing?.id)
              .map((note) => (
                <li key={note.id}>
                  <NoteCard note={note}>
                    <button type="button" onClick={() => setEditing(note)}>
                      {t('notes.actions.edit')}
                    </button>
                    <button type="button" onClick={() => void trash.trash(note)}>
                      {t('notes.actions.delete')}
                    </button>
                  </NoteCard>
                </li>
              ))
          : null}
      </ul>
      {editing ? (
        <NoteEditor key={editing.id} initial={editing} onClose={() => setEditing(null)} />
      ) : (
        <button
          type="button"
          onClick={() => setEditing({ id: newNoteId(), target, body: '', tags: [], colour: null })}
        >
          {t('notes.actions.add')}
        </button>
      )}
      <UndoBar trash={trash} />
    </section>
  );
}
