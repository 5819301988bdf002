import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeTarget } from '@shared/notes/targets';
import { NoteCard, formatDateTime } from './NoteCard';
import { TRASH_DAYS } from './repository';
import { useNotes } from './NotesContext';
import { useCollections } from './use-collections';
import { useLiveQuery } from './use-live-query';

/** Deleted notes: restorable for 30 days, or deleted for good on demand. */
export function TrashPage() {
  const { t, i18n } = useTranslation();
  const { repository } = useNotes();
  const trashed = useLiveQuery(() => repository.trash(), [repository]);
  const collections = useCollections(
    useMemo(() => (trashed.status === 'ok' ? trashed.value.map((note) => note.target) : []), [trashed]),
  );
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  };
  const notes = trashed.status === 'ok' ? trashed.value : [];
  return (
    <div className="trash-page">
      <p>{t('notes.trash.explained', { days: TRASH_DAYS })}</p>
      <p role={message?.error ? 'alert' : 'status'} className={message?.error ? 'error-text' : 'muted'}>
        {message?.text ?? ''}
      </p>
      {notes.length === 0 ? <p>{t('notes.trash.empty')}</p> : null}
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id}>
            <NoteCard
              note={note}
              heading={
                <>
                  <span className="note-kind">{t(`notes.kind.${note.target.kind}`)}</span>{' '}
                  {describeTarget(note.target, collections.get(note.target.collectionId)).label}
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {t('notes.trash.deletedAt', {
                      date: formatDateTime(note.deletedAt ?? note.updatedAt, i18n.language),
                    })}
                  </span>
                </>
              }
            >
              <button
                type="button"
                onClick={() => void run(() => repository.restore(note.id), t('notes.trash.restored'))}
              >
                {t('notes.trash.restore')}
              </button>
              <button
                type="button"
                onClick={() => void run(() => repository.purge([note.id]), t('notes.trash.purgedOne'))}
              >
                {t('notes.trash.purge')}
              </button>
            </NoteCard>
          </li>
        ))}
      </ul>
      {notes.length > 0 ? (
        confirming ? (
          <div className="button-row" role="group" aria-label={t('notes.trash.confirmLabel')}>
            <span>{t('notes.trash.confirm', { count: notes.length })}</span>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void run(() => repository.purge(), t('notes.trash.emptied'));
              }}
            >
              {t('notes.trash.confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('notes.trash.confirmNo')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('notes.trash.emptyTrash')}
          </button>
        )
      ) : null}
    </div>
  );
}
