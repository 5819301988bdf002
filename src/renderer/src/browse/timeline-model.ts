/**
 * What the timeline draws: one row per dated event, its span in days, whether its date is uncertain,
 * and the one people count its sources agree to be the same quantity (see headlineFigure); for a
 * collection without dated events (a registry of people), how many of its records each year holds.
 * The span always comes from the collection's own dates. Pure, tested in Node.
 */
import { parseEdtf, type Edtf } from '@shared/collection/edtf';
import type { LoadedRecord } from '@shared/collection/model';
import { headlineFigure, type HeadlineFigure } from '@shared/collection/claim-groups';

export interface TimelineRow {
  id: string;
  title: string;
  /** The record's date as recorded (EDTF), to be read out at its own precision. */
  date: string;
  start: number;
  end: number;
  uncertain: boolean;
  /** The spread of one quantity of people its sourced or as-cited claims give, if any. */
  people: HeadlineFigure | null;
}

export interface YearCount {
  year: number;
  count: number;
}

/** Years the timeline covers: the first year with a date to the year after the last one. */
export interface TimelineSpan {
  from: number;
  to: number;
}

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const yearOfDay = (day: number): number => new Date(day * DAY).getUTCFullYear();

/** Approximate or uncertain qualifiers, sets ("one of") and decade precision all draw as uncertain. */
function isUncertainDate(edtf: Edtf): boolean {
  const dates = edtf.type === 'date' ? [edtf.date] : edtf.type === 'interval' ? [edtf.start, edtf.end] : [];
  if (edtf.type === 'set') return edtf.mode === 'one-of';
  return dates.some((d) => d.uncertain || d.approximate || d.unspecifiedDigits > 0);
}

export function timelineRows(
  records: readonly LoadedRecord[],
  title: (r: LoadedRecord) => string,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const record of records) {
    if (record.kind !== 'event' || !record.date || !record.earliest || !record.latest) continue;
    const parsed = parseEdtf(record.date);
    rows.push({
      id: record.id,
      title: title(record),
      date: record.date,
      start: dayNumber(record.earliest),
      end: dayNumber(record.latest) + 1,
      uncertain: parsed.ok ? isUncertainDate(parsed.value) : true,
      people: headlineFigure(record.claims),
    });
  }
  return rows.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Dated records per year of their earliest day, every year of the span listed (empty ones as 0). */
export function recordsPerYear(records: readonly LoadedRecord[]): YearCount[] {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (!record.earliest) continue;
    const year = Number(record.earliest.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const out: YearCount[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    out.push({ year, count: counts.get(year) ?? 0 });
  }
  return out;
}

/** The span the rows need, from the first year any row starts to the year after the last one ends. */
export function timelineSpan(rows: readonly Pick<TimelineRow, 'start' | 'end'>[]): TimelineSpan | null {
  if (rows.length === 0) return null;
  const from = yearOfDay(Math.min(...rows.map((row) => row.start)));
  // `end` is the day after the last day: the year that day falls in is the axis' last tick.
  const to = Math.max(from + 1, yearOfDay(Math.max(...rows.map((row) => row.end)) - 1) + 1);
  return { from, to };
}
