import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './import-run';

/** A running import's progress: a bar for the eye, the same figures in words. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={t('import.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        className="import-progress-bar"
      >
        <div style={{ width: `${progress.percent}%` }} />
      </div>
      <p>
        {t('import.progress.text', {
          percent: progress.percent,
          count: progress.stored,
          rate: progress.recordsPerSecond,
        })}
      </p>
    </div>
  );
}
