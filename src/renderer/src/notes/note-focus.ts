/**
 * Where focus goes after Done in a note editor: the editor is replaced by the note's card, which may
 * render a moment later (after the save reaches the live query), so the request waits for that card.
 * The pending request is session state (one per window), not a module variable.
 */
import { useSessionValue } from '../api/ApiContext';
import { sessionValue } from '../api/session';

export interface NoteFocus {
  /** Asks the card of note `id` to take focus when it is next shown. */
  focusWhenShown(id: string): void;
  /** True once for the card of the note focus was asked for. */
  take(id: string): boolean;
}

const noteFocus = sessionValue<NoteFocus>(() => {
  let pending: string | null = null;
  return {
    focusWhenShown(id) {
      pending = id;
    },
    take(id) {
      if (pending !== id) return false;
      pending = null;
      return true;
    },
  };
});

export function useNoteFocus(): NoteFocus {
  return useSessionValue(noteFocus);
}
