import { useTranslation } from 'react-i18next';
import { FONT_SIZES, LINE_WIDTHS, THEMES, type ReadingPreferences } from './preferences';

/** Font size, line width and theme of the reading page. */
export function ReadingSettings({
  preferences,
  onChange,
}: {
  preferences: ReadingPreferences;
  onChange: (preferences: ReadingPreferences) => void;
}) {
  const { t } = useTranslation();
  const size = (by: number) =>
    onChange({
      ...preferences,
      fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, preferences.fontSize + by)),
    });
  return (
    <div className="reader-settings" role="group" aria-label={t('reader.settings.label')}>
      <button
        type="button"
        onClick={() => size(-FONT_SIZES.step)}
        disabled={preferences.fontSize <= FONT_SIZES.min}
      >
        {/* The name is real text, not aria-label, so speech input ("click Larger text") matches it. */}
        <span aria-hidden="true">A−</span>
        <span className="visually-hidden">{t('reader.settings.smaller')}</span>
      </button>
      <button
        type="button"
        onClick={() => size(FONT_SIZES.step)}
        disabled={preferences.fontSize >= FONT_SIZES.max}
      >
        <span aria-hidden="true">A+</span>
        <span className="visually-hidden">{t('reader.settings.larger')}</span>
      </button>
      <label>
        {t('reader.settings.width')}{' '}
        <select
          value={preferences.lineWidth}
          onChange={(event) =>
            onChange({ ...preferences, lineWidth: event.target.value as ReadingPreferences['lineWidth'] })
          }
        >
          {LINE_WIDTHS.map((width) => (
            <option key={width} value={width}>
              {t(`reader.settings.widths.${width}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reader.settings.theme')}{' '}
        <select
          value={preferences.theme}
          onChange={(event) =>
            onChange({ ...preferences, theme: event.target.value as ReadingPreferences['theme'] })
          }
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`reader.settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
