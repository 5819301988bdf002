/** The keyboard shortcuts, listed from the same table the viewer's key handler uses. */
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <details className="shortcut-help">
      <summary>{t('photoViewer.shortcuts')}</summary>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{t(`photoViewer.action.${shortcut.action}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
