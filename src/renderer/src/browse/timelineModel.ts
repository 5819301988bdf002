/**
 * What the timeline draws: one row per dated event, its span in days, whether its date is uncertain,
 * and the people counts its sourced claims give. Pure, tested in Node.
 */
import { parseEdtf, type Edtf } from '../../../shared/collection/edtf';
import type { LoadedRecord } from '../../../shared/collection/validate';

export interface TimelineRow {
  id: string;
  title: string;
  start: number;
  end: number;
  uncertain: boolean;
  /** Lowest and highest people figure among the record's sourced or as-cited claims. */
  people: { min: number; max: number } | null;
}

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Approximate or uncertain qualifiers, sets ("one of") and decade precision all draw as uncertain. */
export function isUncertainDate(edtf: Edtf): boolean {
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
    const figures = record.claims
      .filter((claim) => claim.unit === 'people' && claim.status !== 'unverified')
      .flatMap((claim) => [claim.value ?? claim.min, claim.value ?? claim.max])
      .filter((n): n is number => n !== undefined);
    rows.push({
      id: record.id,
      title: title(record),
      start: dayNumber(record.earliest),
      end: dayNumber(record.latest) + 1,
      uncertain: parsed.ok ? isUncertainDate(parsed.value) : true,
      people: figures.length > 0 ? { min: Math.min(...figures), max: Math.max(...figures) } : null,
    });
  }
  return rows.sort((a, b) => a.start - b.start || a.end - b.end);
}
