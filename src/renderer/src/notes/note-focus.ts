/**
 * Where focus goes after Done in a note editor: the editor is replaced by the note's card, which may
 * render a moment later (after the save reaches the live query), so the request waits for that card.
 */
let pending: string | null = null;

/** Asks the card of note `id` to take focus when it is next shown. */
export function focusNoteWhenShown(id: string): void {
  pending = id;
}

/** True once for the card of the note focus was asked for (see focusNoteWhenShown). */
export function takeNoteFocus(id: string): boolean {
  if (pending !== id) return false;
  pending = null;
  return true;
}
