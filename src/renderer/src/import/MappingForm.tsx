import { useTranslation } from 'react-i18next';
import type { ColumnMappingInput } from '../../../shared/import/mapping';

const SINGLE_FIELDS = ['id', 'birthYear', 'district', 'operation', 'destination', 'date', 'notes'] as const;

/** One select per field: which column holds it. The name is required; every other field is optional. */
export function MappingForm({
  columns,
  mapping,
  onChange,
}: {
  columns: string[];
  mapping: ColumnMappingInput;
  onChange: (mapping: ColumnMappingInput) => void;
}) {
  const { t } = useTranslation();
  const options = columns.map((c) => (
    <option key={c} value={c}>
      {c}
    </option>
  ));
  const set = (field: (typeof SINGLE_FIELDS)[number], value: string) =>
    onChange({ ...mapping, [field]: value === '' ? undefined : value });
  return (
    <fieldset className="import-mapping">
      <legend>{t('import.mapping.legend')}</legend>
      <label>
        {t('import.mapping.fields.name')}
        <select
          value={mapping.name[0] ?? ''}
          required
          onChange={(e) => onChange({ ...mapping, name: e.target.value === '' ? [] : [e.target.value] })}
        >
          <option value="">{t('import.mapping.none')}</option>
          {options}
        </select>
      </label>
      <label>
        {t('import.mapping.fields.altNames')}
        <select
          value={mapping.altNames?.[0] ?? ''}
          onChange={(e) => onChange({ ...mapping, altNames: e.target.value === '' ? [] : [e.target.value] })}
        >
          <option value="">{t('import.mapping.none')}</option>
          {options}
        </select>
      </label>
      {SINGLE_FIELDS.map((field) => (
        <label key={field}>
          {t(`import.mapping.fields.${field}`)}
          <select value={mapping[field] ?? ''} onChange={(e) => set(field, e.target.value)}>
            <option value="">{t('import.mapping.none')}</option>
            {options}
          </select>
        </label>
      ))}
      <p className="import-hint">{t('import.mapping.idHint')}</p>
    </fieldset>
  );
}
