import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { HighlightableText } from './HighlightableText';
import { textsPath } from './paths';
import { useCollections } from './useCollections';

/**
 * A minimal reading pane for the collections' long texts, where passages are highlighted and annotated
 * (until the Reader view embeds HighlightableText itself).
 */
export function TextsPage({
  collectionId,
  textId,
  noteId,
}: {
  collectionId?: string;
  textId?: string;
  noteId?: string;
}) {
  const { t } = useTranslation();
  const collections = useCollections();
  const texts = [...collections.values()].flatMap((collection) =>
    collection.texts.map((text) => ({ collectionId: collection.manifest.id, text })),
  );
  const chosen = texts.find((entry) => entry.collectionId === collectionId && entry.text.id === textId);
  return (
    <div className="texts-page">
      <nav aria-label={t('notes.passages.textsLabel')}>
        <ul className="texts-list">
          {texts.map(({ collectionId: cid, text }) => (
            <li key={`${cid}/${text.id}`}>
              <Link
                href={`~${textsPath(cid, text.id)}`}
                aria-current={cid === collectionId && text.id === textId ? 'page' : undefined}
              >
                {text.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {chosen ? (
        <section aria-labelledby="notes-text-heading">
          <h2 id="notes-text-heading">{chosen.text.title}</h2>
          <HighlightableText
            collectionId={chosen.collectionId}
            textId={chosen.text.id}
            markdownOrPlainText={chosen.text.markdown}
            focusNoteId={noteId}
          />
        </section>
      ) : (
        <p className="muted">
          {collections.size === 0 ? t('notes.passages.loading') : t('notes.passages.choose')}
        </p>
      )}
    </div>
  );
}
