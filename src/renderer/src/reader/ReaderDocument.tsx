/**
 * The reading page of one document (a collection text or an imported document), given as safe HTML:
 * settings (size, width, theme), table of contents, find-in-document, highlights and passage notes in
 * the margin, citation popovers, print, and the reading position remembered per document.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { anchorPassage, describePassage, type Anchor } from '@shared/notes/anchoring';
import type { HighlightColour } from '@shared/notes/model';
import { useApi } from '../api/ApiContext';
import { clearHighlights, selectionOffsets, wrapRange } from '../notes/dom-ranges';
import { newNoteId } from '../notes/NotesPanel';
import { useNotes } from '../notes/NotesContext';
import type { NoteDraft } from '../notes/repository';
import { useLiveQuery } from '../notes/use-live-query';
import { CitationPopover, citationFromLink, type CitationTarget } from './CitationPopover';
import { anchorHeadings, blockAtOffset, firstVisibleOffset, focusPassageNote, type TocEntry } from './dom';
import { FindBar } from './FindBar';
import { PassageNotes } from './PassageNotes';
import {
  loadPosition,
  loadPreferences,
  savePosition,
  savePreferences,
  type ReadingPreferences,
} from './preferences';
import { ReadingSettings } from './ReadingSettings';
import {
  isSelectionToolbarShortcut,
  placeBelow,
  SelectionToolbar,
  type SelectionToolbarHandle,
  type ToolbarPlace,
} from './SelectionToolbar';
import { withoutLeadingTitle } from './title';
import { useFind } from './use-find';
import '../notes/notes.css';
import './reader.css';

export interface ReaderDocumentProps {
  title: string;
  /** Already sanitised HTML (see render.ts), or empty when `renderInto` draws the content. */
  html: string;
  /** Draws the content into the text container itself (PDF); resolves with a clean-up function. */
  renderInto?: (container: HTMLElement) => Promise<() => void>;
  /** Key of the remembered reading position, e.g. `text/<collection>/<text>` or `document/<id>`. */
  documentKey: string;
  /** Where passage notes attach. */
  noteTarget: { collectionId: string; textId: string };
  /** The collection whose records and bibliography the text links to, for citation popovers. */
  collection?: LoadedCollection;
  /** A heading anchor to open at instead of the remembered position. */
  initialAnchor?: string;
  /** A passage note to open at: its highlight (or, if its words are gone, its card) is shown and focused. */
  focusNoteId?: string;
  /** Byline, metadata or other content under the title. */
  children?: ReactNode;
}

export function ReaderDocument({
  title,
  html,
  renderInto,
  documentKey,
  noteTarget,
  collection,
  initialAnchor,
  focusNoteId,
  children,
}: ReaderDocumentProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { repository } = useNotes();
  const container = useRef<HTMLDivElement>(null);
  const [preferences, setPreferences] = useState<ReadingPreferences>(loadPreferences);
  const [toc, setToc] = useState<TocEntry[]>([]);
  const [query, setQuery] = useState('');
  const [colour, setColour] = useState<HighlightColour>('yellow');
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [toolbarPlace, setToolbarPlace] = useState<ToolbarPlace | null>(null);
  const toolbar = useRef<SelectionToolbarHandle>(null);
  const textWrap = useRef<HTMLDivElement>(null);
  const toolbarBar = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<NoteDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [citation, setCitation] = useState<CitationTarget | null>(null);
  const [anchors, setAnchors] = useState<Map<string, Anchor | null>>(new Map());
  const [plainText, setPlainText] = useState('');
  /** The note last focused for `focusNoteId`, so later re-anchoring (after an edit) does not steal focus. */
  const focusedNote = useRef<string | null>(null);
  const { collectionId, textId } = noteTarget;
  const notes = useLiveQuery(
    () => repository.forText(collectionId, textId),
    [repository, collectionId, textId],
  );
  // The page prints the title once: a text opening with the same heading loses that copy.
  const shown = useMemo(() => withoutLeadingTitle(html, title), [html, title]);
  const body = useMemo(() => ({ __html: shown }), [shown]);
  // Bumped when `renderInto` has finished, so headings, highlights and find see the drawn text.
  const [rendered, setRendered] = useState(0);
  const [renderError, setRenderError] = useState<string | null>(null);

  useEffect(() => {
    const root = container.current;
    if (!root || !renderInto) return;
    let release: (() => void) | undefined;
    let current = true;
    renderInto(root).then(
      (done) => {
        release = done;
        if (current) setRendered((value) => value + 1);
        else done();
      },
      (failure: unknown) => {
        if (current) setRenderError((failure as Error).message);
      },
    );
    return () => {
      current = false;
      release?.();
      root.replaceChildren();
    };
  }, [renderInto]);

  const changePreferences = (next: ReadingPreferences) => {
    setPreferences(next);
    savePreferences(next);
  };

  // Headings get their anchors once per document, before highlights split any text node.
  useLayoutEffect(() => {
    if (container.current) setToc(anchorHeadings(container.current));
  }, [shown, rendered]);

  // Re-anchor every passage note in the text and draw its highlight (see shared/notes/anchoring.ts).
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || notes.status !== 'ok') return;
    clearHighlights(root);
    const text = root.textContent ?? '';
    const found = new Map<string, Anchor | null>();
    for (const note of notes.value) {
      if (note.target.kind === 'passage') found.set(note.id, anchorPassage(text, note.target.selectors));
    }
    const byId = new Map(notes.value.map((note) => [note.id, note]));
    // Longest first, so a short highlight inside a long one is drawn on top.
    const placed = [...found].filter((entry): entry is [string, Anchor] => entry[1] !== null);
    placed.sort((a, b) => b[1].end - b[1].start - (a[1].end - a[1].start));
    for (const [id, anchor] of placed) {
      const note = byId.get(id);
      wrapRange(root, anchor.start, anchor.end, (mark, first) => {
        mark.dataset['noteId'] = id;
        mark.classList.add(`note-colour-${note?.colour ?? 'yellow'}`);
        mark.title = note?.body ? note.body.slice(0, 200) : t('reader.highlight.open');
        if (first) mark.id = `highlight-${id}`;
        // Focusable from script only: a linked note and "Show in text" move focus to its words.
        mark.tabIndex = -1;
      });
    }
    setAnchors(found);
    setPlainText(text);
  }, [shown, rendered, notes, t]);

  // A linked note is shown once it is anchored (or known to be an orphan), once per note asked for.
  useEffect(() => {
    if (!focusNoteId || focusedNote.current === focusNoteId || !anchors.has(focusNoteId)) return;
    focusedNote.current = focusNoteId;
    focusPassageNote(focusNoteId);
  }, [focusNoteId, anchors]);

  const find = useFind(container, query, plainText);

  // Reading position: restored once per document (or the linked heading), saved while scrolling.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    // A linked note is scrolled to by the effect above, not the remembered position.
    const target = initialAnchor
      ? document.getElementById(initialAnchor)
      : focusNoteId
        ? null
        : (() => {
            const offset = loadPosition(documentKey);
            return offset === null || offset === 0 ? null : blockAtOffset(root, offset);
          })();
    target?.scrollIntoView({ block: 'start' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Text under the sticky toolbar is scrolled past: reading starts below it.
        const top = Math.max(0, toolbarBar.current?.getBoundingClientRect().bottom ?? 0);
        if (container.current) savePosition(documentKey, firstVisibleOffset(container.current, top));
      }, 250);
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      document.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [documentKey, initialAnchor, focusNoteId, shown, rendered]);

  useEffect(() => {
    const onChange = () => {
      const root = container.current;
      const current = document.getSelection();
      const offsets = root ? selectionOffsets(root, current) : null;
      setSelection(offsets);
      setToolbarPlace(
        offsets && current && textWrap.current ? placeBelow(current.getRangeAt(0), textWrap.current) : null,
      );
    };
    // After selecting with the keyboard, the shortcut moves focus into the toolbar by the selection.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSelectionToolbarShortcut(event) || !toolbar.current) return;
      event.preventDefault();
      toolbar.current.focus();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const annotate = async (openEditor: boolean) => {
    const root = container.current;
    const range = root ? (selectionOffsets(root, document.getSelection()) ?? selection) : null;
    if (!root || !range) return;
    const draft: NoteDraft = {
      id: newNoteId(),
      target: {
        kind: 'passage',
        collectionId,
        textId,
        selectors: describePassage(root.textContent ?? '', range),
      },
      body: '',
      tags: [],
      colour,
    };
    try {
      await repository.save(draft);
      setError(null);
      document.getSelection()?.removeAllRanges();
      setSelection(null);
      setToolbarPlace(null);
      if (openEditor) setEditing(draft);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const onTextClick = (event: React.MouseEvent) => {
    const element = event.target as HTMLElement;
    const link = element.closest('a');
    const cited = link ? citationFromLink(link) : null;
    if (link && cited) {
      event.preventDefault();
      const box = link.getBoundingClientRect();
      const page = container.current?.getBoundingClientRect();
      setCitation({
        ...cited,
        href: link.getAttribute('href') ?? '',
        top: box.bottom - (page?.top ?? 0) + 4,
        left: Math.max(0, box.left - (page?.left ?? 0)),
      });
      return;
    }
    const mark = element.closest<HTMLElement>('mark.note-highlight');
    const note =
      notes.status === 'ok' ? notes.value.find((n) => n.id === mark?.dataset['noteId']) : undefined;
    if (note && document.getSelection()?.isCollapsed !== false) setEditing(note);
  };

  // A focused highlight (a linked note, "Show in text") opens its note with Enter, as a click does.
  const onTextKeyDown = (event: React.KeyboardEvent) => {
    const element = event.target as HTMLElement;
    if (event.key !== 'Enter' || !element.matches('mark.note-highlight')) return;
    const note =
      notes.status === 'ok' ? notes.value.find((n) => n.id === element.dataset['noteId']) : undefined;
    if (!note) return;
    event.preventDefault();
    setEditing(note);
  };

  const print = async () => {
    const name = `${
      title
        .replace(/[/\\:*?"<>|\p{Cc}]+/gu, ' ')
        .trim()
        .slice(0, 150) || 'document'
    }.pdf`;
    const result = await api.call('documents.printToPdf', { suggestedName: name });
    if (!result.ok) setError(result.error.message);
    else if (!result.value.printed && !result.value.cancelled) window.print();
  };

  const closeCitation = useCallback(() => setCitation(null), []);
  const scrollTo = (id: string) => {
    const heading = document.getElementById(id);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  return (
    <article
      className={`reader-page reader-theme-${preferences.theme} reader-width-${preferences.lineWidth} reader-size-${preferences.fontSize}`}
      aria-labelledby="reader-document-title"
    >
      <div ref={toolbarBar} className="reader-toolbar no-print">
        <ReadingSettings preferences={preferences} onChange={changePreferences} />
        <FindBar
          query={query}
          onQuery={setQuery}
          count={find.count}
          current={find.current}
          onNext={find.next}
          onPrevious={find.previous}
        />
        <button type="button" onClick={() => void print()}>
          {t('reader.print')}
        </button>
      </div>
      <div className="reader-layout">
        {toc.length > 0 ? (
          <nav className="reader-toc no-print" aria-label={t('reader.toc')}>
            <h2>{t('reader.toc')}</h2>
            <ol>
              {toc.map((entry) => (
                <li key={entry.id} className={`reader-toc-level-${entry.level}`}>
                  <button type="button" className="link-button" onClick={() => scrollTo(entry.id)}>
                    {entry.text}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <div className="reader-column">
          <h1 id="reader-document-title" className="reader-title">
            {title}
          </h1>
          {children}
          <p className="reader-annotate-hint muted no-print">{t('reader.highlight.hint')}</p>
          {error ? (
            <p role="alert" className="error-text no-print">
              {error}
            </p>
          ) : null}
          <div className="reader-text-wrap" ref={textWrap}>
            {/* Clicks open a highlight's note or a citation popover; keyboard users reach notes from the
                margin list and citations by following the links. */}
            {renderError ? (
              <p role="alert" className="error-text">
                {renderError}
              </p>
            ) : null}
            <div
              ref={container}
              className="reading-text reader-text"
              onClick={onTextClick}
              onKeyDown={onTextKeyDown}
              dangerouslySetInnerHTML={renderInto ? undefined : body}
            />
            {selection && toolbarPlace ? (
              <SelectionToolbar
                ref={toolbar}
                place={toolbarPlace}
                colour={colour}
                onColour={setColour}
                onHighlight={() => void annotate(false)}
                onAddNote={() => void annotate(true)}
              />
            ) : null}
            {citation ? (
              <CitationPopover target={citation} collection={collection} onClose={closeCitation} />
            ) : null}
          </div>
        </div>
        <PassageNotes
          notes={notes.status === 'ok' ? notes.value : []}
          anchors={anchors}
          editing={editing}
          onEdit={setEditing}
        />
      </div>
    </article>
  );
}
