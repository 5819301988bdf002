import { useTranslation } from 'react-i18next';
import type { LinkageProgress } from '@shared/linkage/run';
import type { CollectionSummary } from '@shared/ipc/payloads';
import type { LinkageSessionState } from './linkage-session';
import type { RunState } from './use-linkage-run';

/** Where a run is, 0–100: preparing is the first fifth, estimating the next 5 %, comparing the rest. */
export function runPercent(progress: LinkageProgress | null): number {
  if (!progress) return 0;
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  switch (progress.phase) {
    case 'preparing':
      return Math.floor(20 * share);
    case 'estimating':
      return 20 + Math.floor(5 * share);
    case 'comparing':
      return 25 + Math.floor(75 * share);
    case 'done':
      return 100;
  }
}

export interface RunPanelProps {
  collections: readonly CollectionSummary[];
  chosen: ReadonlySet<string>;
  onChoose(chosen: Set<string>): void;
  state: RunState;
  last: LinkageSessionState | null;
  onRun(): void;
  onCancel(): void;
}

/** Choose the collections, run linkage with progress and Cancel, and say what the last run did. */
export function RunPanel({ collections, chosen, onChoose, state, last, onRun, onCancel }: RunPanelProps) {
  const { t } = useTranslation();
  const busy = state.kind === 'loading' || state.kind === 'running';
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChoose(next);
  };
  const progress = state.kind === 'running' ? state.progress : null;
  const phaseText = () => {
    if (state.kind === 'loading') return t('linkage.run.phase.loading');
    if (!progress) return t('linkage.run.phase.starting');
    return t(`linkage.run.phase.${progress.phase}`, {
      done: progress.done,
      total: progress.total,
      pairs: progress.pairsCompared,
    });
  };
  const summary = () => {
    if (!last) return null;
    const { snapshot, summary: how } = last;
    const candidates = snapshot.candidates.length;
    if (how.mode === 'unchanged') return t('linkage.run.summary.unchanged', { candidates });
    if (how.mode === 'incremental')
      return t('linkage.run.summary.incremental', {
        changed: how.rescored,
        removed: how.removed,
        candidates,
      });
    return t('linkage.run.summary.full', {
      candidates,
      records: snapshot.records,
      pairs: snapshot.pairsCompared,
      ruledOut: snapshot.ruledOut,
    });
  };

  return (
    <section className="linkage-run" aria-label={t('linkage.run.legend')}>
      {collections.length === 0 ? (
        <p>{t('linkage.run.noCollections')}</p>
      ) : (
        <fieldset disabled={busy}>
          <legend>{t('linkage.run.legend')}</legend>
          <p className="linkage-hint">{t('linkage.run.hint')}</p>
          <ul className="linkage-collections">
            {collections.map((collection) => (
              <li key={collection.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(collection.id)}
                    onChange={(event) => toggle(collection.id, event.target.checked)}
                  />{' '}
                  {collection.title}{' '}
                  <span className="linkage-hint">
                    ({t('linkage.run.recordCount', { count: collection.recordCount })})
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="linkage-run-actions">
        <button type="button" onClick={onRun} disabled={busy || chosen.size === 0}>
          {t('linkage.run.start')}
        </button>
        {busy && (
          <button type="button" onClick={onCancel}>
            {t('linkage.run.cancel')}
          </button>
        )}
      </div>
      {busy && (
        <div className="linkage-progress">
          <div
            role="progressbar"
            aria-label={t('linkage.run.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={runPercent(progress)}
            aria-valuetext={phaseText()}
            className="linkage-progress-bar"
          >
            <div style={{ width: `${runPercent(progress)}%` }} />
          </div>
          <p>{phaseText()}</p>
        </div>
      )}
      <div role="status">
        {state.kind === 'cancelled' && <p>{t('linkage.run.cancelled')}</p>}
        {state.kind === 'done' && <p>{summary()}</p>}
        {state.kind === 'done' && last && last.snapshot.skipped.length > 0 && (
          <p>{t('linkage.run.skipped', { count: last.snapshot.skipped.length })}</p>
        )}
      </div>
      {state.kind === 'failed' && <p role="alert">{t('linkage.run.failed', { message: state.message })}</p>}
      {state.kind === 'idle' && last && <p>{summary()}</p>}
    </section>
  );
}
