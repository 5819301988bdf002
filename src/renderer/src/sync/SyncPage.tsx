import { useTranslation } from 'react-i18next';
import { ViewHeading } from '../shell/ViewHeading';
import { useNotes } from '../notes/NotesContext';
import { useLiveQuery } from '../notes/use-live-query';
import { BundlePanel } from './BundlePanel';
import { ConflictCard } from './ConflictCard';
import { DatasetsPanel } from './DatasetsPanel';
import { PhotosPanel } from './PhotosPanel';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncChanges, useSyncService } from './use-sync';

/** The Sync view: status, open conflicts and disagreements, problems, bundles. */
export default function SyncPage() {
  const { t } = useTranslation();
  const service = useSyncService();
  const { repository } = useNotes();
  useSyncChanges(service);
  const conflicts = useLiveQuery(() => repository.db.syncConflicts.toArray(), [repository]);
  const list = conflicts.status === 'ok' ? conflicts.value : [];
  // Notes and photo items: both are "edited on two machines"; decisions have their own list.
  const notes = list.filter((conflict) => conflict.kind !== 'decision');
  const decisions = list.filter((conflict) => conflict.kind === 'decision');
  const problems = service.bridge.problems;
  return (
    <section className="view sync-view" aria-labelledby="sync-heading">
      <ViewHeading id="sync-heading">{t('sync.title')}</ViewHeading>
      <SyncStatusPanel service={service} />
      <section aria-labelledby="sync-conflicts-heading">
        <h2 id="sync-conflicts-heading">{t('sync.conflicts.title', { number: notes.length })}</h2>
        {conflicts.status === 'error' ? (
          <p role="alert" className="error-text">
            {t('sync.conflicts.loadFailed', { message: conflicts.error.message })}
          </p>
        ) : null}
        {notes.length === 0 ? <p>{t('sync.conflicts.none')}</p> : null}
        {notes.map((conflict) => (
          <ConflictCard
            key={conflict.docId}
            conflict={conflict}
            onResolve={(choice) => service.resolve(conflict.docId, choice)}
          />
        ))}
      </section>
      <section aria-labelledby="sync-disagreements-heading">
        <h2 id="sync-disagreements-heading">{t('sync.disagreements.title', { number: decisions.length })}</h2>
        {decisions.length === 0 ? <p>{t('sync.disagreements.none')}</p> : null}
        {decisions.map((conflict) => (
          <ConflictCard
            key={conflict.docId}
            conflict={conflict}
            onResolve={(choice) => service.resolve(conflict.docId, choice)}
          />
        ))}
      </section>
      {problems.length > 0 ? (
        <section aria-labelledby="sync-problems-heading">
          <h2 id="sync-problems-heading">{t('sync.problems.title')}</h2>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <PhotosPanel service={service} />
      <DatasetsPanel service={service} />
      <BundlePanel service={service} />
    </section>
  );
}
