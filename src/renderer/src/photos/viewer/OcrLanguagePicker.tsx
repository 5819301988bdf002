/** The languages an OCR run reads with, as checkboxes; the order they were ticked is Tesseract's order. */
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES, type OcrLanguage } from '@shared/ocr/languages';

export function OcrLanguagePicker({
  value,
  onChange,
  disabled,
}: {
  value: readonly OcrLanguage[];
  onChange: (languages: OcrLanguage[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="ocr-languages" disabled={disabled}>
      <legend>{t('ocr.languages')}</legend>
      {OCR_LANGUAGES.map((language) => (
        <label key={language}>
          <input
            type="checkbox"
            checked={value.includes(language)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...value, language] : value.filter((chosen) => chosen !== language),
              )
            }
          />{' '}
          {t(`ocr.language.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
