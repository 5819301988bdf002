/**
 * How collection data reads on screen: figures with their qualifiers, short source labels, date
 * ranges. Pure functions over the loaded collection; every string template comes from i18n.
 */
import type { TFunction } from 'i18next';
import type { Claim, CslItem, CslName } from '@shared/collection/schema';
import type { LoadedRecord } from '@shared/collection/model';
import { formatDayBounds, formatEdtf } from './dates';

export { formatDayBounds, formatEdtf, formatTime, formatTimestamp } from './dates';

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "about 17,500 people", "11,000–16,500 people", "70 %". */
export function formatClaimFigure(claim: Claim, t: TFunction, language: string): string {
  const figure =
    claim.value !== undefined
      ? formatNumber(claim.value, language)
      : t('browse.claim.range', {
          min: formatNumber(claim.min ?? Number.NaN, language),
          max: formatNumber(claim.max ?? Number.NaN, language),
        });
  // The unit agrees with the number (lt: 1 šeima, 2 šeimos, 10 šeimų); a range agrees with its upper end.
  const count = claim.value ?? claim.max;
  const withUnit = t(`browse.unit.${claim.unit}`, {
    figure,
    defaultValue: `${figure} ${claim.unit}`,
    ...(count === undefined ? {} : { count }),
  });
  return claim.qualifier ? t(`browse.qualifier.${claim.qualifier}`, { figure: withUnit }) : withUnit;
}

function nameOf(name: CslName): string {
  return name.family ?? name.literal ?? name.given ?? '';
}

/** "Anušauskas 2012", "Burauskaitė (ed.) 1992", or the title when a work has no author. */
export function shortSource(item: CslItem | undefined, t: TFunction): string {
  if (!item) return t('browse.unknownSource');
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const authors = item.author ?? [];
  const editors = item.editor ?? [];
  const people = authors.length > 0 ? authors : editors;
  let who = people.length > 2 ? `${nameOf(people[0] as CslName)} et al.` : people.map(nameOf).join(' & ');
  if (authors.length === 0 && editors.length > 0) who = t('browse.editedBy', { names: who });
  if (!who) who = item.title ?? item['container-title'] ?? item.id;
  return year ? `${who} ${year}` : who;
}

export function bibliographyIndex(items: readonly CslItem[]): Map<string, CslItem> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * The record's date at its own precision ("1927–1987", "June 14–18, 1941", "about October 1951"):
 * its EDTF string when it has one, else its day bounds.
 */
export function formatRecordDates(
  record: Pick<LoadedRecord, 'date' | 'earliest' | 'latest'>,
  language: string,
): string | null {
  if (record.date) return formatEdtf(record.date, language);
  if (!record.earliest || !record.latest) return null;
  return formatDayBounds(record.earliest, record.latest, language);
}

export const yearOf = (iso: string | null): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/**
 * The record's title in the interface language when it has one (a translated title, else a label in that
 * language), else its title.
 */
export function displayTitle(
  record: Pick<LoadedRecord, 'title' | 'labels'> & Partial<Pick<LoadedRecord, 'translations'>>,
  language: string,
): string {
  const key = language as keyof NonNullable<LoadedRecord['translations']>;
  const label = record.labels[key];
  return record.translations?.[key]?.title ?? label ?? record.title;
}
