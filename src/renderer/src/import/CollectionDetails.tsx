import { useTranslation } from 'react-i18next';

export interface Details {
  id: string;
  title: string;
}

/** The new collection's title and id, for files that do not bring a manifest of their own. */
export function CollectionDetails({
  details,
  disabled,
  onChange,
}: {
  details: Details;
  disabled: boolean;
  onChange: (details: Details) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="import-details" disabled={disabled}>
      <legend>{t('import.details.legend')}</legend>
      <label>
        {t('import.details.title')}
        <input value={details.title} onChange={(e) => onChange({ ...details, title: e.target.value })} />
      </label>
      <label>
        {t('import.details.id')}
        <input
          value={details.id}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(e) => onChange({ ...details, id: e.target.value })}
        />
      </label>
      <span className="import-hint">{t('import.details.idHint')}</span>
    </fieldset>
  );
}
