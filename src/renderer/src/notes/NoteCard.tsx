import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteOf, type Note } from '@shared/notes/model';
import { MarkdownPreview } from './MarkdownPreview';
import { useNoteFocus } from './note-focus';
import { formatTimestamp } from '../collection/dates';
import { NoteSyncBadge } from '../sync/NoteSyncBadge';

export function formatDateTime(iso: string, language: string): string {
  return formatTimestamp(iso, language);
}

/** One note, read-only: its quote (for a passage), body, tags, dates and actions. */
export function NoteCard({
  note,
  heading,
  orphan = false,
  children,
}: {
  note: Note;
  /** What the note is on (a link to it), when the card is shown away from its target. */
  heading?: React.ReactNode;
  /** The passage could not be found in the current text. */
  orphan?: boolean;
  /** Action buttons. */
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const quote = quoteOf(note.target);
  const card = useRef<HTMLElement>(null);
  const focus = useNoteFocus();
  useLayoutEffect(() => {
    if (focus.take(note.id)) card.current?.focus();
  }, [focus, note.id]);
  return (
    <article
      ref={card}
      tabIndex={-1}
      className={`note-card${note.colour ? ` note-colour-${note.colour}` : ''}`}
      aria-label={t('notes.card.label')}
      data-note-id={note.id}
    >
      {heading ? <div className="note-card-target">{heading}</div> : null}
      {quote !== null ? (
        <blockquote className={`note-quote${orphan ? ' note-orphan' : ''}`}>
          {orphan ? <strong className="note-orphan-badge">{t('notes.card.orphan')} </strong> : null}
          {quote}
        </blockquote>
      ) : null}
      {note.body.trim() !== '' ? (
        <MarkdownPreview source={note.body} collectionId={note.target.collectionId} />
      ) : quote === null ? (
        <p className="note-empty">{t('notes.card.empty')}</p>
      ) : null}
      {note.tags.length > 0 ? (
        <ul className="tag-list" aria-label={t('notes.card.tags')}>
          {note.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="note-dates">
        {t('notes.card.dates', {
          created: formatDateTime(note.createdAt, i18n.language),
          updated: formatDateTime(note.updatedAt, i18n.language),
        })}
      </p>
      <NoteSyncBadge noteId={note.id} />
      {children ? <div className="button-row">{children}</div> : null}
    </article>
  );
}
