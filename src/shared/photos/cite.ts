/**
 * The archival citation of an item and of one of its sheets, in the form Lithuanian and Soviet-era
 * archives are cited: archive, f. (fond), ap. (opis, "apyrašas"), b. (delo, "byla"), l. (sheet, "lapas"),
 * e.g. `LYA, f. K-1, ap. 58, b. 12345, l. 3`. Only the parts the user filled in appear.
 */
import type { Item } from './item';

/** The first sheet number of an item, from its `sheets` field ("12–40" → 12); 1 when none is given. */
function firstSheet(item: Item): number {
  const match = /^\s*(\d+)/.exec(item.metadata.sheets ?? '');
  return match ? Number(match[1]) : 1;
}

/**
 * The sheet number of the photo at `index`, assuming one photo per sheet counted from the item's
 * first sheet. The user sees it beside the citation and can correct the item's `sheets`.
 */
export const sheetNumber = (item: Item, index: number): number => firstSheet(item) + index;

export function citeItem(item: Item, sheetIndex?: number): string {
  const { archive, fond, opis, delo, sheets, date } = item.metadata;
  const parts: string[] = [];
  if (archive) parts.push(archive);
  if (fond) parts.push(`f. ${fond}`);
  if (opis) parts.push(`ap. ${opis}`);
  if (delo) parts.push(`b. ${delo}`);
  if (sheetIndex !== undefined) parts.push(`l. ${sheetNumber(item, sheetIndex)}`);
  else if (sheets) parts.push(`l. ${sheets}`);
  // A document without archival coordinates is cited by its title and date.
  if (!fond && !opis && !delo) {
    if (item.title) parts.unshift(item.title);
    if (date) parts.push(date);
  }
  return parts.join(', ');
}
