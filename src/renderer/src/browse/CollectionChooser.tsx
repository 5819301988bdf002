import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { formatNumber } from '../collection/format';
import { localizedManifest } from '../collection/localized';

interface Props {
  summaries: readonly CollectionSummary[];
  chosenId: string | undefined;
  onChoose: (collectionId: string) => void;
}

/** Which installed collection the explore tabs show; there is nothing to choose with only one. */
export function CollectionChooser({ summaries, chosenId, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  if (summaries.length < 2) return null;
  const optionLabel = (summary: CollectionSummary) => {
    const label = t('browse.chooser.option', {
      title: localizedManifest(summary, i18n.language).title,
      records: t('browse.chooser.records', {
        count: summary.recordCount,
        number: formatNumber(summary.recordCount, i18n.language),
      }),
    });
    return summary.synthetic ? t('browse.chooser.synthetic', { option: label }) : label;
  };
  return (
    <div className="field collection-chooser">
      <label htmlFor={id}>{t('browse.chooser.label')}</label>
      <select id={id} value={chosenId ?? ''} onChange={(event) => onChoose(event.target.value)}>
        {summaries.map((summary) => (
          <option key={summary.id} value={summary.id}>
            {optionLabel(summary)}
          </option>
        ))}
      </select>
    </div>
  );
}
