import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { localizedManifest } from '../collection/localized';

/** Remembered once the reader dismisses the welcome; it then never shows again on this computer. */
export const WELCOME_DISMISSED_KEY = 'atmintis.welcome.dismissed';

function dismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(WELCOME_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The first-start welcome: what Atmintis is, what the installed collections hold (their own manifest
 * title, description and size, not prose written here) and how to begin. Dismissable and remembered.
 */
export function Welcome({ summaries }: { summaries: readonly CollectionSummary[] }) {
  const { t, i18n } = useTranslation();
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const dismiss = () => {
    try {
      globalThis.localStorage?.setItem(WELCOME_DISMISSED_KEY, '1');
    } catch {
      // Not remembered past this window; it is still hidden now.
    }
    setHidden(true);
  };
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('welcome.title')}</h2>
      <p>{t('welcome.what')}</p>
      {summaries.length > 0 ? (
        <>
          <p>{t('welcome.holds', { count: summaries.length })}</p>
          <ul>
            {summaries.map((summary) => (
              <li key={summary.id}>
                <strong>{localizedManifest(summary, i18n.language).title}</strong>
                {' — '}
                {t('welcome.records', { count: summary.recordCount })}
                {summary.synthetic ? ` (${t('browse.synthetic')})` : ''}
                <br />
                {localizedManifest(summary, i18n.language).description}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('welcome.noCollections')}</p>
      )}
      <h3>{t('welcome.beginTitle')}</h3>
      <ul>
        <li>{t('welcome.beginBrowse')}</li>
        <li>
          <Link href="~/search">{t('nav.search')}</Link> {t('welcome.beginSearch')}
        </li>
        <li>
          <Link href="~/reader">{t('nav.reader')}</Link> {t('welcome.beginReader')}
        </li>
        <li>
          <Link href="~/import">{t('nav.import')}</Link> {t('welcome.beginImport')}
        </li>
      </ul>
      <button type="button" onClick={dismiss}>
        {t('welcome.dismiss')}
      </button>
    </section>
  );
}
