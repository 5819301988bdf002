import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy';

/**
 * A Copy button with its own confirmation, announced politely (role="status") so screen-reader users
 * hear that the copy happened — or that it did not.
 */
export function CopyButton({
  text,
  label,
  accessibleName,
}: {
  text: string;
  label: string;
  /** When several Copy buttons share a label, what tells them apart ("Copy reference: Anušauskas 2012"). */
  accessibleName?: string;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="copy-control">
      <button
        type="button"
        aria-label={accessibleName}
        onClick={() => {
          void copyText(text).then((copied) => setOutcome(copied ? 'copied' : 'failed'));
        }}
      >
        {label}
      </button>
      <span role="status" className={outcome === 'failed' ? 'error-text copy-status' : 'meta copy-status'}>
        {outcome === 'copied' && t('bibliography.copy.done')}
        {outcome === 'failed' && t('bibliography.copy.failed')}
      </span>
    </span>
  );
}
