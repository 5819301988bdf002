/**
 * Highlight and Add note, shown by the selection they act on (under its last line). Keyboard users
 * reach it with SELECTION_TOOLBAR_KEYS after selecting: focus moves into it, Escape gives focus back
 * to where it was, with the selection kept.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@shared/notes/model';

/** Shown in the hint and announced through aria-keyshortcuts. */
export const SELECTION_TOOLBAR_KEYS = 'Control+Shift+H';

/** Ctrl+Shift+H (⌘⇧H on macOS): no browser, Electron or screen-reader command uses it. */
export function isSelectionToolbarShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyH';
}

export interface SelectionToolbarHandle {
  /** Moves focus into the toolbar (its first button), remembering where focus was. */
  focus(): void;
}

/** Where the toolbar goes, in px from the top left of its positioned parent. */
export interface ToolbarPlace {
  top: number;
  left: number;
}

/** Under the last line of the selection, kept inside the parent's width. */
export function placeBelow(range: Range, parent: HTMLElement): ToolbarPlace | null {
  if (typeof range.getClientRects !== 'function') return null;
  const lines = [...range.getClientRects()].filter((box) => box.width > 0 || box.height > 0);
  const last = lines.at(-1);
  if (!last) return null;
  const frame = parent.getBoundingClientRect();
  return {
    top: last.bottom - frame.top + 6,
    left: Math.max(0, Math.min(last.left - frame.left, frame.width - 320)),
  };
}

export function SelectionToolbar({
  place,
  colour,
  onColour,
  onHighlight,
  onAddNote,
  ref,
}: {
  place: ToolbarPlace;
  colour: HighlightColour;
  onColour: (colour: HighlightColour) => void;
  onHighlight: () => void;
  onAddNote: () => void;
  ref?: Ref<SelectionToolbarHandle>;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useImperativeHandle(ref, () => ({
    focus: () => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && !root.current?.contains(active)) returnTo.current = active;
      root.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    },
  }));

  // Focus that was inside when the toolbar goes (the selection was used up) is given back, not lost.
  useEffect(() => {
    const toolbar = root.current;
    return () => {
      if (toolbar?.contains(document.activeElement) || document.activeElement === document.body) {
        returnTo.current?.focus({ preventScroll: true });
      }
    };
  }, []);

  return (
    <div
      ref={root}
      className="reader-selection-toolbar no-print"
      role="toolbar"
      aria-label={t('reader.highlight.label')}
      aria-keyshortcuts={SELECTION_TOOLBAR_KEYS}
      style={{ top: place.top, left: place.left }}
      // The selection must survive clicks on the toolbar.
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLSelectElement)) event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        if (returnTo.current) returnTo.current.focus({ preventScroll: true });
        else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      }}
    >
      <button type="button" onClick={onHighlight}>
        {t('reader.highlight.highlight')}
      </button>
      <button type="button" onClick={onAddNote}>
        {t('reader.highlight.addNote')}
      </button>
      <label>
        {t('reader.highlight.colour')}{' '}
        <select value={colour} onChange={(event) => onColour(event.target.value as HighlightColour)}>
          {HIGHLIGHT_COLOURS.map((c) => (
            <option key={c} value={c}>
              {t(`notes.colour.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
