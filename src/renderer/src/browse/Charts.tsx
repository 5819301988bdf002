import { useMemo } from 'react';
import { bibliographyHref, recordHref } from '@shared/links';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { bibliographyIndex, displayTitle, formatNumber, shortSource } from '../collection/format';
import { localizedClaimLabel } from '../collection/localized';
import { compositions, type Composition } from '@shared/collection/chart-model';

export function Charts({ collection }: { collection: LoadedCollection }) {
  const { t } = useTranslation();
  const charts = useMemo(() => compositions(collection.records), [collection.records]);
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('browse.charts.title')}</h2>
      {charts.length === 0 ? (
        <p role="status">{t('browse.charts.empty')}</p>
      ) : (
        <>
          <p className="meta">{t('browse.charts.intro')}</p>
          {charts.map((chart) => (
            <CompositionChart key={chart.key} chart={chart} collection={collection} />
          ))}
        </>
      )}
    </section>
  );
}

/**
 * Bars drawn in HTML rather than SVG: a long label ("former state officials among the deportees")
 * wraps within its column instead of being cut off at the edge of a fixed drawing.
 */
function CompositionChart({ chart, collection }: { chart: Composition; collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const bibliography = bibliographyIndex(collection.bibliography);
  const source = chart.source ? shortSource(bibliography.get(chart.source), t) : t('browse.noSource');
  const title = displayTitle(chart.record, i18n.language);
  const id = `chart-${chart.key.replace(/[^a-z0-9-]/gi, '-')}`;
  const percent = (value: number) => `${formatNumber(value, i18n.language)} %`;
  const locators = [...new Set(chart.shares.map((share) => share.locator).filter(Boolean))];
  const statuses = [...new Set(chart.shares.map((share) => share.status))];
  const rest = Math.round((100 - chart.total) * 10) / 10;
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>
        {/* The record links to its page; the source says whose shares these are. */}
        <a href={recordHref(collection.manifest.id, chart.record.id)}>{title}</a>
        {t('browse.charts.bySource', { source })}
      </figcaption>
      <table className="bar-chart">
        <tbody>
          {chart.shares.map((share) => (
            <tr key={share.id}>
              <th scope="row" className="bar-label">
                {localizedClaimLabel(share, i18n.language)}
              </th>
              <td className="bar-cell">
                <span
                  className={`bar status-${share.status}`}
                  style={{ width: `${Math.min(share.value, 100)}%` }}
                  aria-hidden="true"
                />
              </td>
              <td className="bar-value">{percent(share.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="chart-source">
        {t('browse.charts.source')}{' '}
        {chart.source ? (
          <a href={bibliographyHref(collection.manifest.id, chart.source)}>{source}</a>
        ) : (
          source
        )}
        {locators.length > 0 ? `, ${locators.join(', ')}` : ''} (
        {statuses.map((status) => t(`browse.status.${status}`)).join(', ')})
        {rest > 0 && (
          <>
            {' '}
            ·{' '}
            {t('browse.charts.rest', {
              total: formatNumber(chart.total, i18n.language),
              rest: formatNumber(rest, i18n.language),
            })}
          </>
        )}
      </p>
    </figure>
  );
}
