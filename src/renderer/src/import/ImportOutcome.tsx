import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ImportErrors } from './ImportErrors';
import { skippableRows, type Phase } from './phase';
import { SkippedRows } from './SkippedRows';

/**
 * How an import ended: its errors (with the offer to skip broken rows when that would help), or what
 * was imported, with the dates to review and the rows left out.
 */
export function ImportOutcome({
  phase,
  skipBrokenRows,
  onSkipBrokenRows,
}: {
  phase: Phase;
  skipBrokenRows: boolean;
  onSkipBrokenRows: () => void;
}) {
  const { t } = useTranslation();
  if (phase.kind === 'failed') {
    const skippable =
      phase.inspection?.format === 'delimited' && !skipBrokenRows ? skippableRows(phase.errors) : 0;
    return (
      <>
        <ImportErrors errors={phase.errors} />
        {skippable > 0 && (
          <p className="import-skip-offer">
            {t('import.skip.offer', { count: skippable })}{' '}
            <button type="button" onClick={onSkipBrokenRows}>
              {t('import.skip.button')}
            </button>
          </p>
        )}
      </>
    );
  }
  if (phase.kind !== 'done') return null;
  return (
    <>
      <p className="import-done">
        {t('import.done', { title: phase.summary.title, count: phase.summary.recordCount })}{' '}
        <Link href="~/search">{t('import.searchIt')}</Link>
      </p>
      {phase.dateReviewCount > 0 && <p>{t('import.reviews', { count: phase.dateReviewCount })}</p>}
      <SkippedRows rows={phase.skipped.rows} count={phase.skipped.count} />
    </>
  );
}
