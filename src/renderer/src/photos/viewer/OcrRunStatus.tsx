/** An OCR run's progress with its Cancel button, or how it ended (cancelled, or why it failed). */
import { useTranslation } from 'react-i18next';
import type { OcrRunState } from './use-ocr-run';

export function OcrRunStatus({ state, onCancel }: { state: OcrRunState; onCancel: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'running') {
    const percent = Math.round(state.progress * 100);
    const label = t(`ocr.phase.${state.phase}`, { percent });
    return (
      <div className="ocr-progress">
        <progress max={100} value={percent} aria-label={label} />
        <span aria-hidden="true">{label}</span>
        {/* The phase is announced once, not every percent. */}
        <span role="status" className="visually-hidden">
          {t(`ocr.phaseStatus.${state.phase}`)}
        </span>
        <button type="button" onClick={onCancel}>
          {t('ocr.cancel')}
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled') return <p role="status">{t('ocr.cancelled')}</p>;
  if (state.status === 'failed' && state.failure.key) {
    return (
      <p role="alert" className="ocr-error">
        {t(`ocr.error.${state.failure.key}`, state.failure.values)}
      </p>
    );
  }
  return null;
}
