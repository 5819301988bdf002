import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLOURS, type HighlightColour, type RegionTarget } from '@shared/notes/model';
import { MarkdownPreview } from './MarkdownPreview';
import type { NoteDraft } from './repository';
import { useNotes } from './NotesContext';
import { TagInput } from './TagInput';
import { useAutosave } from './use-autosave';
import { useLiveQuery } from './use-live-query';
import { useNoteFocus } from './note-focus';
import { formatTime } from '../collection/dates';

/**
 * Edits one note: Markdown body with a live preview, tags, highlight colour. Every change is saved
 * automatically (see useAutosave); "Done" saves and closes.
 */
export function NoteEditor({
  initial,
  onClose,
  autoFocus = true,
  renderTranscription,
}: {
  initial: NoteDraft;
  onClose: () => void;
  autoFocus?: boolean;
  /** A region's own transcription field (the photo viewer's, with OCR) in place of the plain one. */
  renderTranscription?: (target: RegionTarget, onChange: (target: RegionTarget) => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { repository } = useNotes();
  const noteFocus = useNoteFocus();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const container = useRef<HTMLDivElement>(null);
  const knownTags = useLiveQuery(() => repository.tags(), [repository]);
  const save = useCallback(
    async (value: NoteDraft) => {
      // A brand-new note with nothing in it is not kept (a highlight is kept: the passage is its content).
      const empty = value.body.trim() === '' && value.tags.length === 0 && value.target.kind !== 'passage';
      if (empty && !(await repository.get(value.id))) return;
      await repository.save(value);
    },
    [repository],
  );
  const { status, change, flush } = useAutosave(save);

  const update = (patch: Partial<NoteDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    change(next);
  };

  const statusText = (() => {
    switch (status.state) {
      case 'pending':
      case 'saving':
        return t('notes.editor.saving');
      case 'saved':
        return t('notes.editor.savedAt', {
          time: formatTime(status.at, i18n.language),
        });
      case 'error':
        return t('notes.editor.notSaved', { reason: status.message });
      default:
        return '';
    }
  })();

  return (
    <div
      ref={container}
      className="note-editor"
      onBlur={(event) => {
        // Focus leaving the editor as a whole (not moving between its fields) saves at once.
        if (!container.current?.contains(event.relatedTarget as Node | null)) void flush();
      }}
    >
      <div className="note-editor-panes">
        <div className="note-editor-field">
          <label htmlFor={`${id}-body`}>{t('notes.editor.body')}</label>
          <textarea
            id={`${id}-body`}
            value={draft.body}
            rows={8}
            // The editor opens because the user asked for it; focus belongs in the text.
            autoFocus={autoFocus}
            onChange={(event) => update({ body: event.target.value })}
          />
        </div>
        <section className="note-editor-preview" aria-labelledby={`${id}-preview`}>
          <h4 id={`${id}-preview`}>{t('notes.editor.preview')}</h4>
          <MarkdownPreview source={draft.body} collectionId={draft.target.collectionId} />
        </section>
      </div>
      {draft.target.kind === 'region' && renderTranscription ? (
        renderTranscription(draft.target, (target) => update({ target }))
      ) : draft.target.kind === 'region' ? (
        <div className="note-editor-field">
          <label htmlFor={`${id}-transcription`}>{t('notes.editor.transcription')}</label>
          <textarea
            id={`${id}-transcription`}
            value={draft.target.transcription}
            rows={4}
            onChange={(event) => {
              if (draft.target.kind === 'region') {
                update({ target: { ...draft.target, transcription: event.target.value } });
              }
            }}
          />
        </div>
      ) : null}
      <TagInput
        tags={draft.tags}
        suggestions={knownTags.status === 'ok' ? knownTags.value : []}
        onChange={(tags) => update({ tags })}
      />
      <div className="note-editor-field">
        <label htmlFor={`${id}-colour`}>{t('notes.editor.colour')}</label>
        <select
          id={`${id}-colour`}
          value={draft.colour ?? ''}
          onChange={(event) => update({ colour: (event.target.value || null) as HighlightColour | null })}
        >
          <option value="">{t('notes.colour.default')}</option>
          {HIGHLIGHT_COLOURS.map((colour) => (
            <option key={colour} value={colour}>
              {t(`notes.colour.${colour}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="note-editor-footer">
        <p
          role={status.state === 'error' ? 'alert' : 'status'}
          className={`save-status save-${status.state}`}
        >
          {statusText}
        </p>
        <button
          type="button"
          onClick={() => {
            // Focus follows the note to its card rather than falling to the page when the editor goes.
            void flush().then(() => {
              noteFocus.focusWhenShown(draft.id);
              onClose();
            });
          }}
        >
          {t('notes.editor.done')}
        </button>
      </div>
    </div>
  );
}
