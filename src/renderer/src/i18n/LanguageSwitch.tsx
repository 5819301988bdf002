import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, setLanguage, supportedLanguage, type Language } from './i18n';

/**
 * Chooses the interface language. Each option is named in its own language (an endonym) so a reader
 * who cannot read the current interface still finds theirs; `lang` lets screen readers pronounce it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = supportedLanguage(i18n.language);
  return (
    <p className="language-switch">
      <label htmlFor={id}>{t('settings.language')}</label>{' '}
      <select id={id} value={current} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`settings.languageName.${language}`)}
          </option>
        ))}
      </select>
    </p>
  );
}
