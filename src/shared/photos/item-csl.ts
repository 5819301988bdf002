/**
 * An item (or one of its sheets) as CSL-JSON, so "Cite this" can also cite it in the user's chosen
 * CSL style: type `manuscript`, `archive`, `archive_location` built from fond/opis/delo and the sheet
 * (`f. K-1, ap. 58, b. 12345, l. 3`, the form the archival citation uses), `title`, `issued` from the
 * EDTF date, `author` from the creator, `language`. A field the user left empty is left out, never
 * made up; a date CSL cannot express as date parts (uncertain, a set, `194X`) is given as written.
 */
import { parseEdtf, type EdtfDate } from '../collection/edtf';
import type { CslItem } from '../collection/schema';
import { sheetNumber } from './cite';
import type { Item } from './item';

type CslDate = NonNullable<CslItem['issued']>;

function dateParts(date: EdtfDate): number[] | null {
  if (date.unspecifiedDigits > 0 || date.uncertain || date.precision === 'decade-or-century') return null;
  return [date.year, ...(date.month ? [date.month] : []), ...(date.month && date.day ? [date.day] : [])];
}

/** The EDTF date as a CSL date: date parts when they say the same, else the EDTF text as a literal. */
export function cslIssued(edtf: string): CslDate | null {
  const value = edtf.trim();
  if (value === '') return null;
  const parsed = parseEdtf(value);
  if (!parsed.ok) return null;
  const date = parsed.value;
  if (date.type === 'date') {
    const parts = dateParts(date.date);
    if (parts) return { 'date-parts': [parts], ...(date.date.approximate ? { circa: true } : {}) };
  } else if (date.type === 'interval') {
    const start = dateParts(date.start);
    const end = dateParts(date.end);
    if (start && end && !date.start.approximate && !date.end.approximate)
      return { 'date-parts': [start, end] };
  }
  return { literal: value };
}

/** `f. K-1, ap. 58, b. 12345, l. 3`: the parts the user filled in, with the sheet when one is cited. */
export function archiveLocation(item: Item, sheetIndex?: number): string {
  const { fond, opis, delo, sheets } = item.metadata;
  const parts: string[] = [];
  if (fond) parts.push(`f. ${fond}`);
  if (opis) parts.push(`ap. ${opis}`);
  if (delo) parts.push(`b. ${delo}`);
  if (sheetIndex !== undefined) parts.push(`l. ${sheetNumber(item, sheetIndex)}`);
  else if (sheets) parts.push(`l. ${sheets}`);
  return parts.join(', ');
}

export function itemToCsl(item: Item, sheetIndex?: number): CslItem {
  const { archive, creator, language, date } = item.metadata;
  const location = archiveLocation(item, sheetIndex);
  const issued = date ? cslIssued(date) : null;
  const title = item.title.trim();
  return {
    id: sheetIndex === undefined ? item.id : `${item.id}/sheet-${sheetIndex}`,
    type: 'manuscript',
    ...(title ? { title } : {}),
    ...(creator?.trim() ? { author: [{ literal: creator.trim() }] } : {}),
    ...(issued ? { issued } : {}),
    ...(archive?.trim() ? { archive: archive.trim() } : {}),
    ...(location ? { archive_location: location } : {}),
    ...(language?.trim() ? { language: language.trim() } : {}),
  };
}
