import { geoConicEqualArea, geoPath } from 'd3-geo';
import { recordHref } from '@shared/links';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-50m.json';
import type { LoadedCollection } from '@shared/collection/model';
import { displayTitle, formatNumber } from '../collection/format';
import { mapPoints, type MapPoint } from '@shared/collection/map-model';

const WIDTH = 960;
const HEIGHT = 560;

function fittedProjection(points: readonly MapPoint[]) {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  const [west, east] = [Math.min(...lons, 180), Math.max(...lons, -180)];
  const [south, north] = [Math.min(...lats, 90), Math.max(...lats, -90)];
  const centre = points.length > 0 ? (west + east) / 2 : 0;
  // A few degrees around the places, so a single place or a tight cluster still shows its region.
  const margin = Math.max(5, (east - west) * 0.08, (north - south) * 0.08);
  const frame: [number, number][] =
    points.length > 0
      ? [
          [west - margin, Math.max(south - margin, -85)],
          [east + margin, Math.min(north + margin, 85)],
          [west - margin, Math.min(north + margin, 85)],
          [east + margin, Math.max(south - margin, -85)],
        ]
      : [
          [-180, -60],
          [180, 80],
        ];
  const middle = (south + north) / 2;
  return geoConicEqualArea()
    .parallels([middle - 10, middle + 10])
    .rotate([-centre, 0])
    .fitExtent(
      [
        [20, 20],
        [WIDTH - 20, HEIGHT - 20],
      ],
      { type: 'MultiPoint', coordinates: frame },
    );
}

export function ExileMap({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const topology = countriesTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = useMemo(() => feature(topology, topology.objects.countries), [topology]);
  const points = useMemo(
    () => mapPoints(collection.records, (record) => displayTitle(record, i18n.language)),
    [collection.records, i18n.language],
  );
  // A conic equal-area projection keeps areas honest; it is centred on and fitted to the collection's
  // own places, so a list of places anywhere in the world fills the map.
  const projection = useMemo(() => fittedProjection(points), [points]);
  const path = geoPath(projection);
  const maxPeople = Math.max(1, ...points.map((point) => point.people ?? 0));
  const radius = (people: number | null) => (people ? 4 + 16 * Math.sqrt(people / maxPeople) : 4);

  if (points.length === 0) {
    return (
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('browse.map.title')}</h2>
        <p role="status">{t('browse.map.noPlaces')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t('browse.map.title')}</h2>
      <p className="meta">{t('browse.map.legend', { count: points.length })}</p>
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
              <path key={String(country.id)} d={path(country) ?? ''} className="country" />
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
