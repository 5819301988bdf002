import { useMemo, useState } from 'react';
import { recordHref } from '../../../shared/links';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '../../../shared/collection/validate';
import { displayTitle, formatNumber } from '../collection/format';
import { dayNumber, timelineRows } from './timelineModel';

const RANGES = {
  deportations: { from: 1939, to: 1956 },
  full: { from: 1939, to: 1991 },
} as const;

const ROW = 24;
const LABEL_GAP = 6;
const WIDTH = 1100;
const AXIS = 28;

export function Timeline({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<keyof typeof RANGES>('deportations');
  const rows = useMemo(
    () => timelineRows(collection.records, (record) => displayTitle(record, i18n.language)),
    [collection.records, i18n.language],
  );
  const { from, to } = RANGES[range];
  const start = dayNumber(`${from}-01-01`);
  const end = dayNumber(`${to}-01-01`);
  const x = (day: number) =>
    ((Math.min(Math.max(day, start), end) - start) / (end - start)) * (WIDTH - 20) + 10;
  const visible = rows.filter((row) => row.end > start && row.start < end);
  const height = AXIS + visible.length * ROW + 10;
  const step = to - from > 20 ? 5 : 1;
  const years: number[] = [];
  for (let year = from; year <= to; year += step) years.push(year);

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('browse.timeline.title')}</h2>
      <div role="group" aria-label={t('browse.timeline.range')} className="button-row">
        {(Object.keys(RANGES) as (keyof typeof RANGES)[]).map((key) => (
          <button key={key} type="button" aria-pressed={range === key} onClick={() => setRange(key)}>
            {t(`browse.timeline.${key}`, RANGES[key])}
          </button>
        ))}
      </div>
      <p className="meta">{t('browse.timeline.legend')}</p>
      <div className="chart-scroll">
        <svg
          className="timeline"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          role="group"
          aria-label={t('browse.timeline.title')}
        >
          {years.map((year) => (
            <g key={year} aria-hidden="true">
              <line
                className="grid"
                x1={x(dayNumber(`${year}-01-01`))}
                x2={x(dayNumber(`${year}-01-01`))}
                y1={AXIS - 6}
                y2={height}
              />
              <text className="tick" x={x(dayNumber(`${year}-01-01`))} y={AXIS - 10} textAnchor="middle">
                {year}
              </text>
            </g>
          ))}
          {visible.map((row, index) => {
            const y = AXIS + index * ROW;
            const x1 = x(row.start);
            const width = Math.max(x(row.end) - x1, 3);
            const people = row.people
              ? row.people.min === row.people.max
                ? formatNumber(row.people.min, i18n.language)
                : `${formatNumber(row.people.min, i18n.language)}–${formatNumber(row.people.max, i18n.language)}`
              : null;
            const label = people ? `${row.title} · ${t('browse.timeline.people', { people })}` : row.title;
            // Labels go right of the bar; when the bar reaches too far right they go left of it, and
            // when neither side has room (very long spans) they sit inside the bar.
            const room = 260;
            const placement =
              x1 + width + LABEL_GAP < WIDTH - room ? 'right' : x1 - LABEL_GAP > room ? 'left' : 'inside';
            const labelX =
              placement === 'right'
                ? x1 + width + LABEL_GAP
                : placement === 'left'
                  ? x1 - LABEL_GAP
                  : x1 + LABEL_GAP;
            return (
              <a key={row.id} href={recordHref(collection.manifest.id, row.id)} aria-label={label}>
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
