/**
 * Every column of the file and what happens to it: mapped to a person field, used as the record id or
 * as other spellings of the name, kept as an other field under its own header, or excluded — the only
 * way a column is not stored, and only by the user's explicit choice.
 */
import { useTranslation } from 'react-i18next';
import { MAPPABLE_FIELDS, type MappableField } from '@shared/collection/person';
import { fateOf, type ColumnFate, type ColumnMapping, type SuggestionBasis } from '@shared/import/mapping';
import { inferSexCodes, SEX_CODE_SYSTEMS, type SexCodeSystem } from '@shared/import/sex-codes';
import { cut } from './error-text';

/** Languages offered for a column of other spellings (the registries' usual ones). */
const ALT_NAME_LANGUAGES = ['ru', 'lt', 'pl', 'de', 'yi', 'en'] as const;

function fateValue(fate: ColumnFate): string {
  if (fate.kind === 'field') return `field:${fate.field}`;
  return fate.kind;
}

/** The mapping with one column given a new fate; every other column keeps its own. */
export function withFate(mapping: ColumnMapping, header: string, value: string): ColumnMapping {
  const fields = Object.fromEntries(Object.entries(mapping.fields).filter(([h]) => h !== header));
  const next: ColumnMapping = {
    ...mapping,
    fields,
    altNames: mapping.altNames.filter((a) => a.column !== header),
    exclude: mapping.exclude.filter((h) => h !== header),
  };
  if (next.id === header) delete next.id;
  if (value.startsWith('field:')) next.fields[header] = value.slice('field:'.length) as MappableField;
  else if (value === 'id') next.id = header;
  else if (value === 'altName') next.altNames = [...next.altNames, { column: header }];
  else if (value === 'excluded') next.exclude = [...next.exclude, header];
  return next;
}

function withAltNameLanguage(mapping: ColumnMapping, header: string, lang: string): ColumnMapping {
  return {
    ...mapping,
    altNames: mapping.altNames.map((a) =>
      a.column === header ? (lang === '' ? { column: header } : { column: header, lang }) : a,
    ),
  };
}

export function ColumnFates({
  columns,
  rows,
  mapping,
  suggestedBy,
  onChange,
}: {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  suggestedBy?: Readonly<Record<string, SuggestionBasis>>;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="import-fates">
      <caption>{t('import.fates.caption', { count: columns.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.fates.column')}</th>
          <th scope="col">{t('import.fates.samples')}</th>
          <th scope="col">{t('import.fates.fate')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((header, index) => {
          const fate = fateOf(mapping, header);
          const samples = rows
            .map((row) => (row[index] ?? '').trim())
            .filter((value) => value !== '')
            .slice(0, 3)
            .map((value) => cut(value, 80));
          const basis = suggestedBy?.[header];
          const alt = mapping.altNames.find((a) => a.column === header);
          const sexCodes: SexCodeSystem | null =
            fate.kind === 'field' && fate.field === 'sex'
              ? (mapping.sexCodes ?? inferSexCodes(header, []))
              : null;
          return (
            <tr key={`${index}-${header}`} className={`fate-${fate.kind}`}>
              <th scope="row">{header}</th>
              <td>{samples.join(' · ')}</td>
              <td>
                <select
                  aria-label={t('import.fates.selectLabel', { column: header })}
                  value={fateValue(fate)}
                  onChange={(e) => onChange(withFate(mapping, header, e.target.value))}
                >
                  <option value="other">{t('import.fates.other')}</option>
                  <option value="excluded">{t('import.fates.excluded')}</option>
                  <option value="id">{t('import.fates.id')}</option>
                  <option value="altName">{t('import.fates.altName')}</option>
                  <optgroup label={t('import.fates.fields')}>
                    {MAPPABLE_FIELDS.map((field) => (
                      <option key={field} value={`field:${field}`}>
                        {t(`person.field.${field}`)}
                      </option>
                    ))}
                  </optgroup>
                </select>
                {alt && (
                  <select
                    aria-label={t('import.fates.languageLabel', { column: header })}
                    value={alt.lang ?? ''}
                    onChange={(e) => onChange(withAltNameLanguage(mapping, header, e.target.value))}
                  >
                    <option value="">{t('import.fates.languageUnknown')}</option>
                    {ALT_NAME_LANGUAGES.map((lang) => (
                      <option key={lang} value={lang}>
                        {t(`import.languages.${lang}`)}
                      </option>
                    ))}
                  </select>
                )}
                {sexCodes !== null && (
                  <select
                    aria-label={t('import.fates.sexCodesLabel', { column: header })}
                    value={sexCodes}
                    onChange={(e) => onChange({ ...mapping, sexCodes: e.target.value as SexCodeSystem })}
                  >
                    {SEX_CODE_SYSTEMS.map((system) => (
                      <option key={system} value={system}>
                        {t(`import.fates.sexCodes.${system}`)}
                      </option>
                    ))}
                  </select>
                )}
                {basis && fate.kind !== 'other' && fate.kind !== 'excluded' && (
                  <span className="import-hint"> {t(`import.fates.suggestedBy.${basis}`)}</span>
                )}
                {fate.kind === 'excluded' && (
                  <span className="import-hint"> {t('import.fates.excludedHint')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
