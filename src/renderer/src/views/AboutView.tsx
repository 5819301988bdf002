import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/use-result';
import { Loading } from '../shell/Loading';
import { ExternalLink } from '../shell/ExternalLink';
import { ViewHeading } from '../shell/ViewHeading';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { releaseYear, softwareBibtex, type SoftwareInfo } from '../about/software-citation';

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
      {info.status === 'ok' && <CiteAtmintis info={info.value} />}
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settings.title')}</h2>
        <LanguageSwitch />
        <p className="muted">{t('settings.languageHint')}</p>
        <p>
          {/* "~": absolute, outside the nested About route. */}
          <Link href="~/sync/settings">{t('sync.settings.link')}</Link>
        </p>
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

/** How to cite Atmintis itself (software citation), with no DOI or web address it does not have. */
function CiteAtmintis({ info }: { info: SoftwareInfo }) {
  const { t } = useTranslation();
  const authors = t('about.cite.authors');
  const year = releaseYear(info.version) ?? t('about.cite.noYear');
  return (
    <section aria-labelledby="cite-heading">
      <h2 id="cite-heading">{t('about.cite.title')}</h2>
      <p>{t('about.cite.intro')}</p>
      <p className="software-citation">
        {t('about.cite.reference', {
          authors,
          year,
          name: info.name,
          version: info.version,
          license: info.license,
        })}
      </p>
      <p className="muted">{t('about.cite.noIdentifier')}</p>
      <details>
        <summary>{t('about.cite.bibtex')}</summary>
        <pre>{softwareBibtex(info, authors)}</pre>
      </details>
    </section>
  );
}
