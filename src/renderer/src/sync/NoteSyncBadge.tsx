import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useNotesDatabase } from '../notes/NotesContext';
import { useLiveQuery } from '../notes/use-live-query';
import { docIdFor } from '@shared/sync/docs';

/**
 * Who wrote a synced note, and a link to its conflict when teammates' versions differ. Reads the
 * notes database only (no replica), so cards render the same whether or not sync was ever opened.
 */
export function NoteSyncBadge({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const db = useNotesDatabase();
  const docId = docIdFor('note', noteId);
  const info = useLiveQuery(
    async () =>
      db
        ? { doc: await db.syncDocs.get(docId), conflict: (await db.syncConflicts.get(docId)) !== undefined }
        : null,
    [db, docId],
  );
  if (info.status !== 'ok' || !info.value) return null;
  const { doc, conflict } = info.value;
  if (!doc && !conflict) return null;
  return (
    <p className="note-sync">
      {doc ? <span className="note-author">{t('sync.note.author', { author: doc.author })}</span> : null}
      {conflict ? (
        <>
          {' '}
          <Link href="~/sync" className="conflict-badge">
            {t('sync.note.conflict')}
          </Link>
        </>
      ) : null}
    </p>
  );
}
