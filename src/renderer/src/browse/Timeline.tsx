import { useMemo } from 'react';
import { recordHref } from '@shared/links';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { displayTitle, formatEdtf, formatNumber } from '../collection/format';
import { localizedClaimLabel } from '../collection/localized';
import { dayNumber, recordsPerYear, timelineRows, timelineSpan, type YearCount } from './timeline-model';

const ROW = 24;
const LABEL_GAP = 6;
/** Generous average width of a character of the 12px label type. */
const LABEL_CHAR = 7;
const WIDTH = 1100;
const AXIS = 28;

/** Year ticks far enough apart to read, however long the collection's span. */
function ticks(from: number, to: number): number[] {
  const length = to - from;
  const step = length > 80 ? 20 : length > 40 ? 10 : length > 20 ? 5 : 1;
  const years: number[] = [];
  for (let year = Math.ceil(from / step) * step; year <= to; year += step) years.push(year);
  return years;
}

export function Timeline({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(
    () => timelineRows(collection.records, (record) => displayTitle(record, i18n.language)),
    [collection.records, i18n.language],
  );
  const perYear = useMemo(
    () => (rows.length > 0 ? [] : recordsPerYear(collection.records)),
    [rows, collection.records],
  );
  const span = timelineSpan(rows);

  if (!span) {
    return (
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('browse.timeline.title')}</h2>
        {perYear.length > 0 ? (
          <YearChart counts={perYear} />
        ) : (
          <p role="status">{t('browse.timeline.noDates')}</p>
        )}
      </section>
    );
  }

  const { from, to } = span;
  const start = dayNumber(`${String(from).padStart(4, '0')}-01-01`);
  const end = dayNumber(`${String(to).padStart(4, '0')}-01-01`);
  const x = (day: number) =>
    ((Math.min(Math.max(day, start), end) - start) / (end - start)) * (WIDTH - 20) + 10;
  const height = AXIS + rows.length * ROW + 10;

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('browse.timeline.title')}</h2>
      <p className="meta">
        {t('browse.timeline.span', { from: String(from), to: String(to - 1) })} {t('browse.timeline.legend')}
      </p>
      <div className="chart-scroll">
        <svg
          className="timeline"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          role="group"
          aria-label={t('browse.timeline.title')}
        >
          {ticks(from, to).map((year) => {
            const tick = x(dayNumber(`${String(year).padStart(4, '0')}-01-01`));
            return (
              <g key={year} aria-hidden="true">
                <line className="grid" x1={tick} x2={tick} y1={AXIS - 6} y2={height} />
                <text className="tick" x={tick} y={AXIS - 10} textAnchor="middle">
                  {year}
                </text>
              </g>
            );
          })}
          {rows.map((row, index) => {
            const y = AXIS + index * ROW;
            const x1 = x(row.start);
            const width = Math.max(x(row.end) - x1, 3);
            const people = row.people
              ? row.people.min === row.people.max
                ? formatNumber(row.people.min, i18n.language)
                : t('browse.claim.range', {
                    min: formatNumber(row.people.min, i18n.language),
                    max: formatNumber(row.people.max, i18n.language),
                  })
              : null;
            const label = people ? `${row.title} · ${t('browse.timeline.people', { people })}` : row.title;
            // The drawn label stays short; the accessible name and tooltip also give the date and
            // say what the figure counts.
            const name = t('browse.timeline.barName', {
              label,
              date: formatEdtf(row.date, i18n.language),
              counts: row.people
                ? t('browse.timeline.counts', { counts: localizedClaimLabel(row.people, i18n.language) })
                : '',
            });
            // Labels go right of the bar; when they would run past the right edge they go left of it,
            // and when neither side has room (very long spans) they sit inside the bar. The width is
            // estimated from the text (12px type averages under 7px a character), so no label is cut.
            const room = label.length * LABEL_CHAR + LABEL_GAP;
            const placement = x1 + width + room < WIDTH ? 'right' : x1 - room > 0 ? 'left' : 'inside';
            const labelX =
              placement === 'right'
                ? x1 + width + LABEL_GAP
                : placement === 'left'
                  ? x1 - LABEL_GAP
                  : x1 + LABEL_GAP;
            return (
              <a key={row.id} href={recordHref(collection.manifest.id, row.id)} aria-label={name}>
                <title>{name}</title>
                <rect
                  className={row.uncertain ? 'span uncertain' : 'span'}
                  x={x1}
                  y={y + 4}
                  width={width}
                  height={ROW - 8}
                  rx={3}
                />
                <text
                  className={placement === 'inside' ? 'span-label inside' : 'span-label'}
                  x={labelX}
                  y={y + ROW / 2 + 4}
                  textAnchor={placement === 'left' ? 'end' : 'start'}
                >
                  {label}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
    </section>
  );
}

const CHART_HEIGHT = 180;

/** A collection without dated events (a registry of people): how many records each year holds. */
function YearChart({ counts }: { counts: readonly YearCount[] }) {
  const { t, i18n } = useTranslation();
  const first = counts[0]?.year ?? 0;
  const last = counts[counts.length - 1]?.year ?? first;
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  const band = (WIDTH - 20) / counts.length;
  const y = (count: number) => (count / max) * (CHART_HEIGHT - 10);
  return (
    <>
      <p className="meta">{t('browse.timeline.perYearLegend', { from: String(first), to: String(last) })}</p>
      <div className="chart-scroll">
        <svg
          className="timeline"
          viewBox={`0 0 ${WIDTH} ${CHART_HEIGHT + AXIS}`}
          width={WIDTH}
          height={CHART_HEIGHT + AXIS}
          aria-hidden="true"
        >
          {counts.map((entry, index) => (
            <rect
              key={entry.year}
              className="span"
              x={10 + index * band + 1}
              y={CHART_HEIGHT - y(entry.count)}
              width={Math.max(band - 2, 1)}
              height={y(entry.count)}
            />
          ))}
          {ticks(first, last).map((year) => (
            <text
              key={year}
              className="tick"
              x={10 + (year - first + 0.5) * band}
              y={CHART_HEIGHT + AXIS - 8}
              textAnchor="middle"
            >
              {year}
            </text>
          ))}
        </svg>
      </div>
      {/* The same counts as a table, for screen readers and for copying. */}
      <table className="visually-hidden">
        <caption>{t('browse.timeline.perYearCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('browse.timeline.year')}</th>
            <th scope="col">{t('browse.timeline.records')}</th>
          </tr>
        </thead>
        <tbody>
          {counts
            .filter((entry) => entry.count > 0)
            .map((entry) => (
              <tr key={entry.year}>
                <th scope="row">{entry.year}</th>
                <td>{formatNumber(entry.count, i18n.language)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
