// Dexie's liveQuery only runs where a global indexedDB exists (dexie/Dexie.js#2046); each test still
// gets its own IDBFactory through notesSetup().
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describePassage } from '@shared/notes/anchoring';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import type { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { ReaderDocument } from '../../../src/renderer/src/reader/ReaderDocument';
import { must } from '../../shared/notes/arbitraries';
import { notesSetup } from '../notes/notes-setup';

/**
 * Passage notes in the Reader's page, which replaced the Notes view's old "Highlight texts" pane: its
 * re-anchoring test lives here now, with the linked-note focus the pane offered (issue 14, item 1).
 */

// jsdom has no layout: scrolling is recorded, and a selection gets one line box for the toolbar.
const scrolled: Element[] = [];
const originalScroll = Element.prototype.scrollIntoView;
const originalRects = Range.prototype.getClientRects;

beforeAll(async () => {
  await initI18n('en');
  // Live queries and autosave answer in well under a second, but a loaded machine can be slower.
  configure({ asyncUtilTimeout: 5000 });
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  Range.prototype.getClientRects = () =>
    [{ width: 40, height: 16, top: 0, bottom: 16, left: 0, right: 40 }] as unknown as DOMRectList;
});
afterAll(() => {
  Element.prototype.scrollIntoView = originalScroll;
  Range.prototype.getClientRects = originalRects;
});
afterEach(() => {
  cleanup();
  scrolled.length = 0;
});

const ORIGINAL =
  'Lithuania came under Soviet rule twice. Operation Vesna in May 1948 deported about forty thousand people.';
const EDITED =
  'A new first sentence. Lithuania was occupied. Operation Vesna in May 1948 deported about forty thousand people.';

/** The Reader's page for one collection text, as ReaderView shows it. */
const page = (text: string, focusNoteId?: string) => (
  <ReaderDocument
    title="Test text"
    html={`<p>${text}</p>`}
    documentKey="text/c/t"
    noteTarget={{ collectionId: 'c', textId: 't' }}
    focusNoteId={focusNoteId}
  />
);

async function withTwoPassageNotes(repository: NotesRepository) {
  const passage = (id: string, quote: string) => {
    const start = ORIGINAL.indexOf(quote);
    return repository.save({
      id,
      target: {
        kind: 'passage',
        collectionId: 'c',
        textId: 't',
        selectors: describePassage(ORIGINAL, { start, end: start + quote.length }),
      },
      body: `note ${id}`,
      tags: [],
      colour: 'green',
    });
  };
  await passage('moved', 'Operation Vesna in May 1948');
  await passage('deleted', 'came under Soviet rule twice');
}

const marks = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('mark.note-highlight')];

describe('passage notes in the Reader', () => {
  it('re-anchors highlights after the text changes, and lists those it cannot place as orphans', async () => {
    const { repository, wrapper } = notesSetup();
    await withTwoPassageNotes(repository);
    const view = render(page(ORIGINAL), { wrapper });
    await waitFor(() => expect(marks(view.container)).toHaveLength(2));

    view.rerender(page(EDITED));
    await screen.findByText('1 note whose passage is gone');
    const placed = marks(view.container);
    expect(placed.map((mark) => [mark.dataset['noteId'], mark.textContent])).toEqual([
      ['moved', 'Operation Vesna in May 1948'],
    ]);
    expect(must(placed[0]).classList.contains('note-colour-green')).toBe(true);
    // The orphan keeps its quote and body, visibly.
    expect(screen.getByText('came under Soviet rule twice')).toBeTruthy();
    expect(screen.getByText('note deleted')).toBeTruthy();
    expect((await repository.live()).map((note) => note.id).sort()).toEqual(['deleted', 'moved']);
    await act(async () => undefined);
  });

  it('opens at a linked note: its highlight is scrolled into view and focused, and Enter opens it', async () => {
    const { repository, wrapper } = notesSetup();
    await withTwoPassageNotes(repository);
    const view = render(page(ORIGINAL, 'moved'), { wrapper });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset['noteId']).toBe('moved'));
    const mark = document.activeElement as HTMLElement;
    expect(mark.tagName).toBe('MARK');
    expect(mark.textContent).toBe('Operation Vesna in May 1948');
    expect(scrolled).toContain(mark);

    fireEvent.keyDown(mark, { key: 'Enter' });
    const editor = await screen.findByRole('textbox', { name: 'Note (Markdown)' });
    expect((editor as HTMLTextAreaElement).value).toBe('note moved');

    // Saving the note re-anchors every highlight; the focus stays in the editor.
    fireEvent.change(editor, { target: { value: 'note moved, edited' } });
    await waitFor(async () => expect((await repository.get('moved'))?.body).toBe('note moved, edited'));
    await waitFor(() => expect(marks(view.container)).toHaveLength(2));
    expect(document.activeElement).toBe(editor);
  });

  it('focuses the card of a linked note whose words are gone, in the margin', async () => {
    const { repository, wrapper } = notesSetup();
    await withTwoPassageNotes(repository);
    render(page(EDITED, 'deleted'), { wrapper });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset['noteId']).toBe('deleted'));
    const card = document.activeElement as HTMLElement;
    expect(card.getAttribute('aria-label')).toBe('Note');
    expect(card.textContent).toContain('came under Soviet rule twice');
    expect(scrolled).toContain(card);
  });

  it('"Show in text" scrolls to the highlight and focuses it', async () => {
    const { repository, wrapper } = notesSetup();
    await withTwoPassageNotes(repository);
    render(page(ORIGINAL), { wrapper });
    const buttons = await screen.findAllByRole('button', { name: 'Show in text' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(must(buttons[0]));
    const focused = document.activeElement as HTMLElement;
    expect(focused.tagName).toBe('MARK');
    expect(focused.textContent).toBe('came under Soviet rule twice');
    expect(scrolled).toContain(focused);
  });

  it('makes a passage note from a selection with Add note, and lists it', async () => {
    const { repository, wrapper } = notesSetup();
    const view = render(page(ORIGINAL), { wrapper });
    await screen.findByText('0 highlights');
    const text = must(view.container.querySelector('.reader-text p')?.firstChild);
    const range = document.createRange();
    const start = ORIGINAL.indexOf('Operation Vesna');
    range.setStart(text, start);
    range.setEnd(text, start + 'Operation Vesna'.length);
    act(() => {
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    const editor = await screen.findByRole('textbox', { name: 'Note (Markdown)' });
    fireEvent.change(editor, { target: { value: 'The May 1948 operation.' } });
    await waitFor(async () => {
      const [note] = await repository.live();
      expect(note?.body).toBe('The May 1948 operation.');
      expect(note?.target.kind === 'passage' && note.target.selectors[0].exact).toBe('Operation Vesna');
    });
    await screen.findByText('1 highlight');
    expect(marks(view.container).map((mark) => mark.textContent)).toEqual(['Operation Vesna']);
  });
});
