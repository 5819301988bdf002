import { useTranslation } from 'react-i18next';
import type { MappableField } from '../../../shared/collection/person';
import type { ColumnMappingInput } from '../../../shared/import/mapping';

// Interim form over the version-2 mapping (registry-ui replaces it with one fate per column): the
// version-1 fields it offers, each backed by its version-2 field.
const SINGLE_FIELDS = {
  birthYear: 'birthDate',
  district: 'residence',
  operation: 'operation',
  destination: 'destination',
  date: 'deportationDate',
  notes: 'notes',
} as const satisfies Record<string, MappableField>;
type SingleField = keyof typeof SINGLE_FIELDS;

const columnOf = (mapping: ColumnMappingInput, field: MappableField) =>
  Object.entries(mapping.fields ?? {}).find(([, f]) => f === field)?.[0] ?? '';

function withField(mapping: ColumnMappingInput, field: MappableField, column: string): ColumnMappingInput {
  const fields = Object.fromEntries(Object.entries(mapping.fields ?? {}).filter(([, f]) => f !== field));
  if (column !== '') fields[column] = field;
  return { ...mapping, fields };
}

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
  return (
    <fieldset className="import-mapping">
      <legend>{t('import.mapping.legend')}</legend>
      <label>
        {t('import.mapping.fields.name')}
        <select
          value={columnOf(mapping, 'fullName')}
          required
          onChange={(e) => onChange(withField(mapping, 'fullName', e.target.value))}
        >
          <option value="">{t('import.mapping.none')}</option>
          {options}
        </select>
      </label>
      <label>
        {t('import.mapping.fields.altNames')}
        <select
          value={mapping.altNames?.[0]?.column ?? ''}
          onChange={(e) =>
            onChange({ ...mapping, altNames: e.target.value === '' ? [] : [{ column: e.target.value }] })
          }
        >
          <option value="">{t('import.mapping.none')}</option>
          {options}
        </select>
      </label>
      <label>
        {t('import.mapping.fields.id')}
        <select
          value={mapping.id ?? ''}
          onChange={(e) => {
            const { id: _id, ...rest } = mapping;
            onChange(e.target.value === '' ? rest : { ...rest, id: e.target.value });
          }}
        >
          <option value="">{t('import.mapping.none')}</option>
          {options}
        </select>
      </label>
      {(Object.keys(SINGLE_FIELDS) as SingleField[]).map((field) => (
        <label key={field}>
          {t(`import.mapping.fields.${field}`)}
          <select
            value={columnOf(mapping, SINGLE_FIELDS[field])}
            onChange={(e) => onChange(withField(mapping, SINGLE_FIELDS[field], e.target.value))}
          >
            <option value="">{t('import.mapping.none')}</option>
            {options}
          </select>
        </label>
      ))}
      <p className="import-hint">{t('import.mapping.idHint')}</p>
    </fieldset>
  );
}
