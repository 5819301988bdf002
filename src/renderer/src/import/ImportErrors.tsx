import { useTranslation } from 'react-i18next';
import type { ImportError } from '@shared/import/errors';
import { describeImportError, splitUnlisted } from './error-text';

/**
 * The failed import's problems. The heading counts every problem, listed or not, so "279 problems"
 * and "…and 79 more" add up.
 */
export function ImportErrors({ errors }: { errors: readonly ImportError[] }) {
  const { t } = useTranslation();
  const { listed, unlisted } = splitUnlisted(errors);
  return (
    <div role="alert" className="import-errors">
      <p>{t('import.errors.heading', { count: listed.length + unlisted })}</p>
      <ul>
        {listed.map((error, i) => (
          <li key={i}>{describeImportError(error, t)}</li>
        ))}
      </ul>
      {unlisted > 0 && <p>{t('import.errors.more', { count: unlisted })}</p>}
    </div>
  );
}
