import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/useResult';
import { Loading } from '../shell/Loading';
import { ExternalLink } from '../shell/ExternalLink';
import { ViewHeading } from '../shell/ViewHeading';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

export default function AboutView() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useResult(() => api.call('app.getInfo', {}), [api]);
  return (
    <section className="view" aria-labelledby="about-heading">
      <ViewHeading id="about-heading">{t('about.title')}</ViewHeading>
      {info.status === 'loading' && <Loading />}
      {info.status === 'error' && (
        <p role="alert" className="error-text">
          {t('error.loadFailed', { message: info.error.message })}
        </p>
      )}
      {info.status === 'ok' && (
        <ul className="plain-list">
          <li>{t('about.version', { version: info.value.version })}</li>
          <li>
            {t('about.license', { license: info.value.license })} (
            <ExternalLink href="https://www.gnu.org/licenses/agpl-3.0.html">
              {t('about.licenseText')}
            </ExternalLink>
            )
          </li>
          <li>{t('about.transport', { transport: info.value.transport })}</li>
          <li>{t('about.dataDirectory', { path: info.value.dataDirectory })}</li>
        </ul>
      )}
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settings.title')}</h2>
        <LanguageSwitch />
        <p className="muted">{t('settings.languageHint')}</p>
      </section>
      <p>{t('about.thirdParty')}</p>
      <p>
        {t('about.cslNotice')}{' '}
        <ExternalLink href="https://creativecommons.org/licenses/by-sa/3.0/">
          {t('about.cslLicence')}
        </ExternalLink>
        .
      </p>
    </section>
  );
}
