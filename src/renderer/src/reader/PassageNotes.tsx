/**
 * The margin list of a document's highlights and passage notes, in text order, then the orphans:
 * notes whose words are no longer in the text, kept with their quotes and never dropped.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Anchor } from '@shared/notes/anchoring';
import type { Note } from '@shared/notes/model';
import { NoteCard } from '../notes/NoteCard';
import { NoteEditor } from '../notes/NoteEditor';
import type { NoteDraft } from '../notes/repository';
import { UndoBar } from '../notes/UndoBar';
import { useTrashWithUndo } from '../notes/use-trash-with-undo';
import { focusPassageNote } from './dom';

export function PassageNotes({
  notes,
  anchors,
  editing,
  onEdit,
}: {
  notes: readonly Note[];
  anchors: ReadonlyMap<string, Anchor | null>;
  editing: NoteDraft | null;
  onEdit: (note: NoteDraft | null) => void;
}) {
  const { t } = useTranslation();
  const heading = useId();
  const trash = useTrashWithUndo();
  const placed = notes.filter((note) => anchors.get(note.id));
  placed.sort((a, b) => (anchors.get(a.id)?.start ?? 0) - (anchors.get(b.id)?.start ?? 0));
  const orphans = notes.filter((note) => anchors.has(note.id) && anchors.get(note.id) === null);

  const card = (note: Note, orphan: boolean) => (
    <li key={note.id}>
      {editing?.id === note.id ? (
        <NoteEditor initial={editing} onClose={() => onEdit(null)} />
      ) : (
        <NoteCard note={note} orphan={orphan}>
          {!orphan ? (
            <button type="button" className="no-print" onClick={() => focusPassageNote(note.id)}>
              {t('notes.passages.showInText')}
            </button>
          ) : null}
          <button type="button" className="no-print" onClick={() => onEdit(note)}>
            {t('notes.actions.edit')}
          </button>
          <button type="button" className="no-print" onClick={() => void trash.trash(note)}>
            {t('notes.actions.delete')}
          </button>
        </NoteCard>
      )}
    </li>
  );

  return (
    <aside className="reader-margin" aria-labelledby={heading}>
      <h2 id={heading}>{t('notes.passages.listTitle', { count: placed.length })}</h2>
      <ul className="note-list">{placed.map((note) => card(note, false))}</ul>
      {orphans.length > 0 ? (
        <section aria-labelledby={`${heading}-orphans`}>
          <h3 id={`${heading}-orphans`}>{t('notes.passages.orphansTitle', { count: orphans.length })}</h3>
          <p className="muted">{t('notes.passages.orphansExplained')}</p>
          <ul className="note-list">{orphans.map((note) => card(note, true))}</ul>
        </section>
      ) : null}
      <UndoBar trash={trash} />
    </aside>
  );
}
