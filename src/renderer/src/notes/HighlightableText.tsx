/**
 * A long text with the user's highlights and passage notes:
 *   <HighlightableText collectionId="…" textId="…" markdownOrPlainText={text.markdown} />
 * Select words and press "Highlight selection" to add a highlight (then a note on it, if wanted).
 * Highlights are re-anchored each time the text is shown (see shared/notes/anchoring.ts); those whose
 * words are gone are listed as orphans beside the text, never dropped.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorPassage, describePassage, type Anchor } from '@shared/notes/anchoring';
import type { Note } from '@shared/notes/model';
import { clearHighlights, selectionOffsets, wrapRange } from './dom-ranges';
import { renderMarkdown } from './markdown';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { newNoteId } from './NotesPanel';
import type { NoteDraft } from './repository';
import { useNotes } from './NotesContext';
import { UndoBar } from './UndoBar';
import { useLiveQuery } from './useLiveQuery';
import { useTrashWithUndo } from './useTrashWithUndo';
import './notes.css';

export function HighlightableText({
  collectionId,
  textId,
  markdownOrPlainText,
  focusNoteId,
}: {
  collectionId: string;
  textId: string;
  markdownOrPlainText: string;
  /** Scroll to and focus this note's highlight once shown. */
  focusNoteId?: string;
}) {
  const { t } = useTranslation();
  const { repository } = useNotes();
  const listHeading = useId();
  const container = useRef<HTMLDivElement>(null);
  const html = useMemo(
    () => renderMarkdown(markdownOrPlainText, collectionId),
    [markdownOrPlainText, collectionId],
  );
  const notes = useLiveQuery(
    () => repository.forText(collectionId, textId),
    [repository, collectionId, textId],
  );
  const [anchors, setAnchors] = useState<Map<string, Anchor | null>>(new Map());
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [editing, setEditing] = useState<NoteDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trash = useTrashWithUndo();

  // Anchor every note in the rendered text and draw its highlight.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || notes.status !== 'ok') return;
    clearHighlights(root);
    const text = root.textContent ?? '';
    const found = new Map<string, Anchor | null>();
    for (const note of notes.value) {
      if (note.target.kind !== 'passage') continue;
      const anchor = anchorPassage(text, note.target.selectors);
      found.set(note.id, anchor);
    }
    // Longest first, so a short highlight inside a long one is drawn on top.
    const ordered = [...found].filter((entry): entry is [string, Anchor] => entry[1] !== null);
    ordered.sort((a, b) => b[1].end - b[1].start - (a[1].end - a[1].start));
    const byId = new Map(notes.value.map((note) => [note.id, note]));
    for (const [id, anchor] of ordered) {
      const note = byId.get(id);
      wrapRange(root, anchor.start, anchor.end, (mark, first) => {
        mark.dataset['noteId'] = id;
        mark.classList.add(`note-colour-${note?.colour ?? 'yellow'}`);
        if (first) mark.id = `highlight-${id}`;
        mark.tabIndex = -1;
      });
    }
    setAnchors(found);
  }, [html, notes]);

  useEffect(() => {
    if (!focusNoteId || !anchors.has(focusNoteId)) return;
    const mark = document.getElementById(`highlight-${focusNoteId}`);
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  }, [focusNoteId, anchors]);

  useEffect(() => {
    const onChange = () => {
      const root = container.current;
      setSelection(root ? selectionOffsets(root, document.getSelection()) : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const highlight = async () => {
    const root = container.current;
    const range = root ? selectionOffsets(root, document.getSelection()) : selection;
    if (!root || !range) return;
    const text = root.textContent ?? '';
    const draft: NoteDraft = {
      id: newNoteId(),
      target: { kind: 'passage', collectionId, textId, selectors: describePassage(text, range) },
      body: '',
      tags: [],
      colour: 'yellow',
    };
    try {
      await repository.save(draft);
      setError(null);
      document.getSelection()?.removeAllRanges();
      setEditing(draft);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const passageNotes = notes.status === 'ok' ? notes.value : [];
  const placed = passageNotes.filter((note) => anchors.get(note.id));
  const orphans = passageNotes.filter((note) => anchors.has(note.id) && anchors.get(note.id) === null);
  placed.sort((a, b) => (anchors.get(a.id)?.start ?? 0) - (anchors.get(b.id)?.start ?? 0));

  const card = (note: Note, orphan: boolean) => (
    <li key={note.id}>
      {editing?.id === note.id ? (
        <NoteEditor initial={editing} onClose={() => setEditing(null)} />
      ) : (
        <NoteCard note={note} orphan={orphan}>
          {!orphan ? (
            <button
              type="button"
              onClick={() => {
                const mark = document.getElementById(`highlight-${note.id}`);
                mark?.scrollIntoView({ block: 'center' });
                mark?.focus();
              }}
            >
              {t('notes.passages.showInText')}
            </button>
          ) : null}
          <button type="button" onClick={() => setEditing(note)}>
            {t('notes.actions.edit')}
          </button>
          <button type="button" onClick={() => void trash.trash(note)}>
            {t('notes.actions.delete')}
          </button>
        </NoteCard>
      )}
    </li>
  );

  return (
    <div className="highlightable">
      <div className="highlightable-toolbar">
        <button
          type="button"
          disabled={!selection}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void highlight()}
        >
          {t('notes.passages.highlight')}
        </button>
        <span className="muted">{t('notes.passages.hint')}</span>
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : null}
      </div>
      <div className="highlightable-layout">
        <div ref={container} className="reading-text" dangerouslySetInnerHTML={{ __html: html }} />
        <aside className="highlightable-notes" aria-labelledby={listHeading}>
          <h3 id={listHeading}>{t('notes.passages.listTitle', { count: placed.length })}</h3>
          <ul className="note-list">{placed.map((note) => card(note, false))}</ul>
          {orphans.length > 0 ? (
            <section aria-labelledby={`${listHeading}-orphans`}>
              <h3 id={`${listHeading}-orphans`}>
                {t('notes.passages.orphansTitle', { count: orphans.length })}
              </h3>
              <p className="muted">{t('notes.passages.orphansExplained')}</p>
              <ul className="note-list">{orphans.map((note) => card(note, true))}</ul>
            </section>
          ) : null}
          <UndoBar trash={trash} />
        </aside>
      </div>
    </div>
  );
}
