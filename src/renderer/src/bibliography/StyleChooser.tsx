import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CITATION_STYLES,
  CSL_LOCALES,
  type CitationStyleId,
  type CslLocaleId,
} from '@shared/citations/styles';
import { useCitationPreferences } from './preferences';

/** Citation style and reference language: one choice for the whole app, remembered between sessions. */
export function StyleChooser() {
  const { t } = useTranslation();
  const [preferences, setPreferences] = useCitationPreferences();
  const styleId = useId();
  const localeId = useId();
  return (
    <div className="citation-style-chooser">
      <div className="field">
        <label htmlFor={styleId}>{t('bibliography.style.label')}</label>
        <select
          id={styleId}
          value={preferences.style}
          onChange={(event) => setPreferences({ style: event.target.value as CitationStyleId })}
        >
          {CITATION_STYLES.map((style) => (
            <option key={style.id} value={style.id}>
              {t(`bibliography.style.${style.id}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={localeId}>{t('bibliography.locale.label')}</label>
        <select
          id={localeId}
          value={preferences.locale}
          onChange={(event) => setPreferences({ locale: event.target.value as CslLocaleId })}
        >
          {CSL_LOCALES.map((locale) => (
            <option key={locale.id} value={locale.id}>
              {t(`bibliography.locale.${locale.id}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
