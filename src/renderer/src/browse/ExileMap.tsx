import { geoConicEqualArea, geoPath } from 'd3-geo';
import { recordHref } from '../../../shared/links';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-50m.json';
import type { LoadedCollection, LoadedRecord } from '../../../shared/collection/validate';
import { displayTitle, formatNumber } from '../collection/format';

const WIDTH = 960;
const HEIGHT = 560;
/** Natural Earth's numeric code for Lithuania (ISO 3166-1 440). */
const LITHUANIA = '440';

export interface MapPoint {
  id: string;
  title: string;
  lat: number;
  lon: number;
  unverified: boolean;
  /** Largest sourced people figure attached to the place, if any. */
  people: number | null;
}

export function mapPoints(records: readonly LoadedRecord[], title: (r: LoadedRecord) => string): MapPoint[] {
  return records.flatMap((record) => {
    if (record.kind !== 'place' || !record.coordinates) return [];
    const figures = record.claims
      .filter((claim) => claim.unit === 'people' && claim.status !== 'unverified')
      .map((claim) => claim.value ?? claim.max)
      .filter((n): n is number => n !== undefined);
    return [
      {
        id: record.id,
        title: title(record),
        lat: record.coordinates.lat,
        lon: record.coordinates.lon,
        unverified: record.coordinates.status === 'unverified',
        people: figures.length > 0 ? Math.max(...figures) : null,
      },
    ];
  });
}

export function ExileMap({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const topology = countriesTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = useMemo(() => feature(topology, topology.objects.countries), [topology]);
  const points = useMemo(
    () => mapPoints(collection.records, (record) => displayTitle(record, i18n.language)),
    [collection.records, i18n.language],
  );
  // A conic equal-area projection centred on northern Eurasia keeps areas honest from Lithuania to Yakutia.
  const projection = useMemo(
    () =>
      geoConicEqualArea()
        .parallels([50, 70])
        .rotate([-85, 0])
        .fitExtent(
          [
            [20, 20],
            [WIDTH - 20, HEIGHT - 20],
          ],
          {
            type: 'MultiPoint',
            coordinates: [
              [20, 53],
              [140, 75],
              [60, 48],
              [115, 50],
            ],
          },
        ),
    [],
  );
  const path = geoPath(projection);
  const maxPeople = Math.max(1, ...points.map((point) => point.people ?? 0));
  const radius = (people: number | null) => (people ? 4 + 16 * Math.sqrt(people / maxPeople) : 4);

  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t('browse.map.title')}</h2>
      <p className="meta">{t('browse.map.legend')}</p>
      <div className="chart-scroll">
        <svg
          className="exile-map"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="group"
          aria-label={t('browse.map.title')}
        >
          <g aria-hidden="true">
            {countries.features.map((country) => (
              <path
                key={String(country.id)}
                d={path(country) ?? ''}
                className={String(country.id) === LITHUANIA ? 'country lithuania' : 'country'}
              />
            ))}
          </g>
          {[...points]
            .sort((a, b) => (b.people ?? 0) - (a.people ?? 0))
            .map((point) => {
              const projected = projection([point.lon, point.lat]);
              if (!projected) return null;
              const [cx, cy] = projected;
              const label = [
                point.title,
                point.people
                  ? t('browse.map.people', { people: formatNumber(point.people, i18n.language) })
                  : null,
                point.unverified ? t('browse.map.unverifiedLocation') : null,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <a key={point.id} href={recordHref(collection.manifest.id, point.id)} aria-label={label}>
                  <circle
                    className={point.unverified ? 'place-point unverified' : 'place-point'}
                    cx={cx}
                    cy={cy}
                    r={radius(point.people)}
                  >
                    <title>{label}</title>
                  </circle>
                </a>
              );
            })}
        </svg>
      </div>
      <h3>{t('browse.map.placesList')}</h3>
      <ul className="columns">
        {points.map((point) => (
          <li key={point.id}>
            <a href={recordHref(collection.manifest.id, point.id)}>{point.title}</a>
            {point.unverified && (
              <span className="badge badge-warning">{t('browse.map.unverifiedLocation')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
