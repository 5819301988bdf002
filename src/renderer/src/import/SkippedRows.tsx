import { useTranslation } from 'react-i18next';
import type { SkippedRow } from '@shared/import/delimited';
import { cut } from './error-text';

/** The rows the user chose to skip, each with why and what it held, so they can be fixed at the source. */
export function SkippedRows({ rows, count }: { rows: readonly SkippedRow[]; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="import-skipped">
      <p>{t('import.skip.heading', { count })}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.row}>
            {t('import.skip.row', { row: row.row, reason: t(`import.skip.reason.${row.code}`) })}
            {row.text && (
              <>
                {' — '}
                <code>{cut(row.text, 120)}</code>
              </>
            )}
          </li>
        ))}
      </ul>
      {count > rows.length && <p>{t('import.errors.more', { count: count - rows.length })}</p>}
    </div>
  );
}
