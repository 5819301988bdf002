/**
 * Saved column mappings: offers the one that fits the file's headers (the shared matcher decides),
 * and saves the current mapping under a name for the next file of the same shape.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adaptSavedMapping,
  matchSavedMapping,
  type ColumnMapping,
  type SavedMapping,
} from '@shared/import/mapping';
import { loadSavedMappings, saveMapping } from './saved-mappings';

export function SavedMappings({
  columns,
  mapping,
  defaultName,
  onUse,
}: {
  columns: readonly string[];
  mapping: ColumnMapping;
  defaultName: string;
  onUse: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SavedMapping[]>(() => loadSavedMappings());
  const [name, setName] = useState(defaultName);
  const [message, setMessage] = useState('');
  const [used, setUsed] = useState<string | null>(null);
  const match = matchSavedMapping(saved, columns);

  const save = () => {
    const chosen = name.trim() || defaultName;
    try {
      setSaved(
        saveMapping({ name: chosen, headers: [...columns], mapping, savedAt: new Date().toISOString() }),
      );
      setMessage(t('import.saved.savedAs', { name: chosen }));
    } catch (error) {
      setMessage(
        t('import.saved.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <fieldset className="import-saved">
      <legend>{t('import.saved.legend')}</legend>
      {match && used !== match.saved.name && (
        <p>
          {match.newHeaders.length > 0
            ? t('import.saved.fitsWithNew', { name: match.saved.name, columns: match.newHeaders.join(', ') })
            : t('import.saved.fits', { name: match.saved.name })}{' '}
          <button
            type="button"
            onClick={() => {
              onUse(adaptSavedMapping(match.saved, columns));
              setUsed(match.saved.name);
              setMessage(t('import.saved.used', { name: match.saved.name }));
            }}
          >
            {t('import.saved.use', { name: match.saved.name })}
          </button>
        </p>
      )}
      <label>
        {t('import.saved.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="button" onClick={save}>
        {t('import.saved.save')}
      </button>
      <p role="status" className="import-hint">
        {message}
      </p>
    </fieldset>
  );
}
