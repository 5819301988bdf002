import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revisionText, type ConflictRevision, type SyncConflict } from '@shared/sync/conflicts';
import { formatTimestamp } from '../collection/dates';

const textOf = (revision: ConflictRevision): string => revisionText(revision.content);

/**
 * One open conflict: every version side by side with its author and time, "Keep this" under each,
 * and "Merge by hand" (an editor starting from all the texts; not for photo items, their links and
 * saved searches, whose versions are kept whole). For decisions, each version says what
 * its author decided; a disagreement is named as such.
 */
export function ConflictCard({
  conflict,
  onResolve,
}: {
  conflict: SyncConflict;
  onResolve: (choice: { rev: string } | { body: string }) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [merging, setMerging] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const versions = [conflict.winner, ...conflict.losers];
  const resolve = (choice: { rev: string } | { body: string }) => {
    setError(null);
    onResolve(choice).catch((failure: unknown) => setError((failure as Error).message));
  };
  const title =
    conflict.kind === 'note'
      ? t('sync.conflicts.noteTitle')
      : conflict.winner.content.type === 'item'
        ? t('sync.conflicts.itemTitle', { title: conflict.winner.content.item.title })
        : conflict.winner.content.type === 'itemlink'
          ? t('sync.conflicts.itemLinkTitle', { title: conflict.winner.content.link.recordTitle })
          : conflict.winner.content.type === 'savedsearch'
            ? t('sync.conflicts.savedSearchTitle', { query: conflict.winner.content.query })
            : conflict.disagreement
              ? t('sync.conflicts.disagreementTitle', { pair: conflict.key.replace('\n', ' ↔ ') })
              : t('sync.conflicts.decisionTitle', { pair: conflict.key.replace('\n', ' ↔ ') });
  return (
    <article className="sync-conflict" aria-label={title}>
      <h3>{title}</h3>
      <div className="sync-versions">
        {versions.map((version, index) => (
          <section
            key={version.rev}
            className="sync-version"
            aria-label={t('sync.conflicts.version', { number: index + 1, author: version.author })}
          >
            <p className="sync-version-meta">
              {t('sync.conflicts.by', {
                author: version.author,
                time: formatTimestamp(version.changedAt, i18n.language),
              })}
              {index === 0 ? ` · ${t('sync.conflicts.shown')}` : null}
            </p>
            {version.content.type === 'decision' ? (
              <p className="sync-decision">{t(`sync.decision.${version.content.decision.decision}`)}</p>
            ) : version.content.type === 'note' && version.content.note.deletedAt !== null ? (
              <p className="sync-trashed">{t('sync.conflicts.inTrash')}</p>
            ) : null}
            <pre className="sync-text">{textOf(version)}</pre>
            <button type="button" onClick={() => resolve({ rev: version.rev })}>
              {t('sync.conflicts.keep', { author: version.author })}
            </button>
          </section>
        ))}
      </div>
      {conflict.kind === 'item' ||
      conflict.kind === 'itemlink' ||
      conflict.kind === 'savedsearch' ? null : merging === null ? (
        <button type="button" onClick={() => setMerging(versions.map(textOf).join('\n\n'))}>
          {t('sync.conflicts.merge')}
        </button>
      ) : (
        <div className="sync-merge">
          <label>
            {t('sync.conflicts.mergedText')}
            <textarea value={merging} rows={8} onChange={(event) => setMerging(event.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" onClick={() => resolve({ body: merging })}>
              {t('sync.conflicts.saveMerged')}
            </button>
            <button type="button" onClick={() => setMerging(null)}>
              {t('sync.conflicts.cancel')}
            </button>
          </div>
        </div>
      )}
      {error ? (
        <p role="alert" className="error-text">
          {t('sync.conflicts.failed', { message: error })}
        </p>
      ) : null}
    </article>
  );
}
