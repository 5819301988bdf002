import { useTranslation } from 'react-i18next';
import { DELIMITERS, type Delimiter } from '@shared/import/delimited';
import { ENCODINGS, type ImportEncoding } from '@shared/import/encoding';
import type { InspectOverrides } from '@shared/import/pipeline';
import { describeImportNote } from './error-text';
import type { InspectionView } from './protocol';

const PREVIEW_ROWS = 5;
const DELIMITER_KEYS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** A delimited file's detected layout (each choice can be overridden) and its first rows as read. */
export function LayoutPreview({
  inspection,
  disabled,
  onOverride,
}: {
  inspection: Extract<InspectionView, { format: 'delimited' }>;
  disabled: boolean;
  onOverride: (overrides: InspectOverrides) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="import-layout" disabled={disabled}>
        <legend>{t('import.layout.legend')}</legend>
        <label>
          {t('import.layout.encoding')}
          <select
            value={inspection.encoding}
            onChange={(e) => onOverride({ encoding: e.target.value as ImportEncoding })}
          >
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc}
              </option>
            ))}
          </select>
        </label>
        <span className="import-hint">
          {t('import.layout.detectedBecause', {
            reason: describeImportNote(inspection.encodingNote, t),
          })}
        </span>
        <label>
          {t('import.layout.delimiter')}
          <select
            value={inspection.preview.delimiter}
            onChange={(e) => onOverride({ delimiter: e.target.value as Delimiter })}
          >
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {t(`import.layout.delimiters.${DELIMITER_KEYS[d]}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={inspection.preview.header}
            onChange={(e) => onOverride({ header: e.target.checked })}
          />
          {t('import.layout.header')}
        </label>
      </fieldset>
      <table className="import-preview">
        <caption>
          {t('import.preview.caption', {
            count: Math.min(PREVIEW_ROWS, inspection.preview.rows.length),
          })}
        </caption>
        <thead>
          <tr>
            {inspection.preview.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {inspection.preview.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
            <tr key={i}>
              {inspection.preview.columns.map((c, j) => (
                <td key={c}>{row[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
