import { useMemo } from 'react';
import { bibliographyHref, recordHref } from '../../../shared/links';
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../../shared/collection/schema';
import type { LoadedCollection, LoadedRecord } from '../../../shared/collection/validate';
import { bibliographyIndex, displayTitle, formatNumber, shortSource } from '../collection/format';

/** A composition chart: a record whose claims are shares (percent) of one whole. */
export function compositionRecords(records: readonly LoadedRecord[]): LoadedRecord[] {
  return records.filter((record) => record.claims.filter((claim) => claim.unit === 'percent').length >= 2);
}

const BAR_HEIGHT = 26;
const LABEL_WIDTH = 230;
const CHART_WIDTH = 720;

export function Charts({ collection }: { collection: LoadedCollection }) {
  const { t } = useTranslation();
  const charts = useMemo(() => compositionRecords(collection.records), [collection.records]);
  if (charts.length === 0) return <p>{t('browse.charts.empty')}</p>;
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('browse.charts.title')}</h2>
      {charts.map((record) => (
        <CompositionChart key={record.id} record={record} collection={collection} />
      ))}
    </section>
  );
}

function CompositionChart({ record, collection }: { record: LoadedRecord; collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const bibliography = bibliographyIndex(collection.bibliography);
  const claims = record.claims.filter(
    (claim): claim is Claim & { value: number } => claim.unit === 'percent' && claim.value !== undefined,
  );
  const sources = [
    ...new Set(
      claims.map((claim) => `${claim.source ?? ''}\u0000${claim.locator ?? ''}\u0000${claim.status}`),
    ),
  ];
  const x = (value: number) => (value / 100) * (CHART_WIDTH - LABEL_WIDTH - 60);
  const height = claims.length * BAR_HEIGHT + 8;
  const title = displayTitle(record, i18n.language);
  const total = claims.reduce((sum, claim) => sum + claim.value, 0);
  return (
    <figure className="chart" aria-labelledby={`chart-${record.id}`}>
      <figcaption id={`chart-${record.id}`}>
        <a href={recordHref(collection.manifest.id, record.id)}>{title}</a>
      </figcaption>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        role="img"
        aria-label={title}
      >
        {claims.map((claim, index) => {
          const y = index * BAR_HEIGHT + 4;
          return (
            <g key={claim.id}>
              <text className="bar-label" x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 2} textAnchor="end">
                {claim.counts}
              </text>
              <rect
                className={`bar status-${claim.status}`}
                x={LABEL_WIDTH}
                y={y + 3}
                width={x(claim.value)}
                height={BAR_HEIGHT - 8}
              />
              <text className="bar-value" x={LABEL_WIDTH + x(claim.value) + 6} y={y + BAR_HEIGHT / 2 + 2}>
                {formatNumber(claim.value, i18n.language)} %
              </text>
            </g>
          );
        })}
      </svg>
      {/* The same figures as a table, for screen readers and for copying. */}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row">{claim.counts}</th>
              <td>{formatNumber(claim.value, i18n.language)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="chart-source">
        {t('browse.charts.source')}{' '}
        {sources.map((key, index) => {
          const [source = '', locator, status] = key.split('\u0000');
          return (
            <span key={key}>
              {index > 0 && '; '}
              <a href={bibliographyHref(collection.manifest.id, source)}>
                {shortSource(bibliography.get(source), t)}
              </a>
              {locator ? `, ${locator}` : ''} ({t(`browse.status.${status}`)})
            </span>
          );
        })}
        {Math.round(total) !== 100 && (
          <> · {t('browse.charts.total', { total: formatNumber(total, i18n.language) })}</>
        )}
      </p>
    </figure>
  );
}
