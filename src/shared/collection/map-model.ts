/** What the map draws: the collection's places that have coordinates. Pure, tested in Node. */
import type { LoadedRecord } from './model';
import { headlineFigure } from './claim-groups';

export interface MapPoint {
  id: string;
  title: string;
  lat: number;
  lon: number;
  unverified: boolean;
  /** Largest sourced figure of the place's main count of people (see headlineFigure), if any. */
  people: number | null;
}

export function mapPoints(records: readonly LoadedRecord[], title: (r: LoadedRecord) => string): MapPoint[] {
  return records.flatMap((record) => {
    if (record.kind !== 'place' || !record.coordinates) return [];
    const figure = headlineFigure(record.claims);
    return [
      {
        id: record.id,
        title: title(record),
        lat: record.coordinates.lat,
        lon: record.coordinates.lon,
        unverified: record.coordinates.status === 'unverified',
        people: figure ? figure.max : null,
      },
    ];
  });
}

/** Whether the collection has anything to put on a map. */
export const hasMapPoints = (records: readonly LoadedRecord[]): boolean =>
  records.some((record) => record.kind === 'place' && record.coordinates !== undefined);
