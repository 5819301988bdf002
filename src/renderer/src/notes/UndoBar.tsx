import { useTranslation } from 'react-i18next';
import type { useTrashWithUndo } from './use-trash-with-undo';

/** "Note moved to the trash. [Undo]" — a polite live region, so screen readers hear it too. */
export function UndoBar({ trash }: { trash: ReturnType<typeof useTrashWithUndo> }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="undo-bar-region">
      {trash.error ? (
        <p role="alert" className="error-text">
          {trash.error}
        </p>
      ) : null}
      {trash.lastTrashed ? (
        <p className="undo-bar">
          {t('notes.trash.moved')}{' '}
          <button type="button" onClick={() => void trash.undo()}>
            {t('notes.trash.undo')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
