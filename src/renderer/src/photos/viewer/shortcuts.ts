/**
 * The viewer's keyboard shortcuts, in one table that both the key handler and the help list read, so
 * what is documented is what works. Keys are KeyboardEvent.key values; `shift` marks the shifted ones.
 */
export type ViewerAction =
  | 'zoomIn'
  | 'zoomOut'
  | 'panLeft'
  | 'panRight'
  | 'panUp'
  | 'panDown'
  | 'fitPage'
  | 'fitWidth'
  | 'rotateRight'
  | 'rotateLeft'
  | 'rotateFineRight'
  | 'rotateFineLeft'
  | 'flip'
  | 'brighter'
  | 'darker'
  | 'moreContrast'
  | 'lessContrast'
  | 'invert'
  | 'resetAdjustments'
  | 'drawRectangle'
  | 'drawPolygon'
  | 'stopDrawing'
  | 'previousPage'
  | 'nextPage';

export interface Shortcut {
  action: ViewerAction;
  /** What the help shows, e.g. "+", "Shift+R". */
  keys: string;
  match: (event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>) => boolean;
}

const key =
  (...keys: string[]) =>
  (event: Pick<KeyboardEvent, 'key'>) =>
    keys.includes(event.key);
const letter = (lower: string, shift: boolean) => (event: Pick<KeyboardEvent, 'key' | 'shiftKey'>) =>
  event.key.toLowerCase() === lower && event.shiftKey === shift;

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'zoomIn', keys: '+', match: key('+', '=') },
  { action: 'zoomOut', keys: '−', match: key('-', '_') },
  { action: 'panLeft', keys: '←', match: key('ArrowLeft') },
  { action: 'panRight', keys: '→', match: key('ArrowRight') },
  { action: 'panUp', keys: '↑', match: key('ArrowUp') },
  { action: 'panDown', keys: '↓', match: key('ArrowDown') },
  { action: 'fitPage', keys: '0', match: key('0') },
  { action: 'fitWidth', keys: 'W', match: letter('w', false) },
  { action: 'rotateRight', keys: 'R', match: letter('r', false) },
  { action: 'rotateLeft', keys: 'Shift+R', match: letter('r', true) },
  { action: 'rotateFineRight', keys: ']', match: key(']') },
  { action: 'rotateFineLeft', keys: '[', match: key('[') },
  { action: 'flip', keys: 'F', match: letter('f', false) },
  { action: 'brighter', keys: 'B', match: letter('b', false) },
  { action: 'darker', keys: 'Shift+B', match: letter('b', true) },
  { action: 'moreContrast', keys: 'C', match: letter('c', false) },
  { action: 'lessContrast', keys: 'Shift+C', match: letter('c', true) },
  { action: 'invert', keys: 'I', match: letter('i', false) },
  { action: 'resetAdjustments', keys: 'Shift+0', match: key(')') },
  { action: 'drawRectangle', keys: 'N', match: letter('n', false) },
  { action: 'drawPolygon', keys: 'P', match: letter('p', false) },
  { action: 'stopDrawing', keys: 'Esc', match: key('Escape') },
  { action: 'previousPage', keys: 'PgUp', match: key('PageUp') },
  { action: 'nextPage', keys: 'PgDn', match: key('PageDown') },
];

/** The action for a key press, or null (modified keys belong to the app and the system). */
export function actionFor(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ViewerAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return SHORTCUTS.find((shortcut) => shortcut.match(event))?.action ?? null;
}

export const keysOf = (action: ViewerAction): string =>
  SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys ?? '';
